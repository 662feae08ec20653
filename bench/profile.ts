/**
 * `npx tsx bench/profile.ts [--db=postgres] [--seconds=N] [--path=/mypage | --flow=registration |
 * --flow=sign-in] [--node-flags=...]`: the server under load on one screen (or whole registrations,
 * or registrations then sign-ins) with `node --cpu-prof`, and where its main thread's time went,
 * summed by package (the app's own code, each npm package, Node's core, garbage collection, idle).
 * The summary is what docs/performance.md quotes (the profile also holds the start and the
 * registration that made the screen's cookie, a second or so beside the load). `--keep` keeps the
 * .cpuprofile file (open it in Chrome's DevTools).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { testEnv } from '../src/config.js';
import { CodeMailbox } from './mailbox.js';
import { BROWSER_HEADERS, registrationScreens } from './pages.js';
import { registrationLoad, signInLoad } from './flows.js';
import {
  START_FLAGS,
  benchServerEnv,
  buildBenchServer,
  startBenchServer,
  withBenchDatabase,
} from './processes.js';

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** The package a function belongs to, from its script's URL. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)' || functionName === '(root)') return 'V8 (program)';
    // Node's native bindings (writev of the sockets, zlib, crypto) have no script.
    return 'Node core (native)';
  }
  if (url.startsWith('node:')) return 'Node core';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m?.[1]) return m[1];
  if (url.includes('/dist/') || url.includes('/src/')) return 'the app';
  return url;
}

/** Self time by package, in per cent of the profile's wall time. */
export function summarize(profile: Profile): { name: string; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const time = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const name = node ? packageOf(node.callFrame.url, node.callFrame.functionName) : '?';
    time.set(name, (time.get(name) ?? 0) + dt);
  });
  return [...time].map(([name, t]) => ({ name, share: t / total })).sort((a, b) => b.share - a.share);
}

/** Whole registrations (16 users in a closed loop), and then sign-ins of those users. */
async function flowLoad(url: string, mailbox: CodeMailbox, seconds: number, signIns: boolean) {
  const reg = await registrationLoad(url, mailbox, 16, seconds, 'profile');
  console.log(`registrations: ${reg.perSecond.toFixed(1)}/s, ${reg.failed} failed ${reg.firstError ?? ''}`);
  if (!signIns) return;
  const s = await signInLoad(url, reg.addresses, 16, seconds);
  console.log(`sign-ins: ${s.perSecond.toFixed(1)}/s, ${s.failed} failed ${s.firstError ?? ''}`);
}

/** One screen under autocannon's load (32 connections), after a second of warm-up. */
async function screenLoad(url: string, mailbox: CodeMailbox, screenPath: string, seconds: number) {
  const screens = await registrationScreens(url, mailbox, 'profile');
  const screen = screens.find((s) => s.path === screenPath) ?? { path: screenPath, cookie: undefined };
  const headers = { ...BROWSER_HEADERS, ...(screen.cookie ? { cookie: screen.cookie } : {}) };
  await autocannon({ url: url + screen.path, headers, connections: 32, duration: 1 });
  const r = await autocannon({
    url: url + screen.path,
    headers,
    connections: 32,
    duration: seconds,
  });
  console.log(`${screen.path}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms`);
}

async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const seconds = Number(arg('seconds') ?? 8);
  const screenPath = arg('path') ?? '/mypage';
  const flags = arg('node-flags');
  const { testDatabaseUrl, path } = testEnv();
  const usePostgres = arg('db') === 'postgres' && testDatabaseUrl;
  buildBenchServer();
  const profDir = mkdtempSync(join(tmpdir(), 'madoguchi-prof-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const mailbox = await new CodeMailbox().start();
  const profiled = async (databaseUrl?: string) => {
    const env = benchServerEnv({ dataDir, smtpUrl: mailbox.url, databaseUrl });
    await (await startBenchServer(env, path)).stop();
    const server = await startBenchServer(
      { ...env, NODE_FLAGS: `${flags ?? START_FLAGS.join(' ')} --cpu-prof --cpu-prof-dir=${profDir}` },
      path,
    );
    try {
      if (arg('flow')) await flowLoad(server.url, mailbox, seconds, arg('flow') === 'sign-in');
      else await screenLoad(server.url, mailbox, screenPath, seconds);
    } finally {
      await server.stop();
    }
  };
  try {
    if (usePostgres) await withBenchDatabase(usePostgres, 'madoguchi_profile', profiled);
    else await profiled();
  } finally {
    await mailbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile was written');
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile;
  for (const { name, share } of summarize(profile).slice(0, 16))
    console.log(`${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
  if (!process.argv.includes('--keep')) rmSync(profDir, { recursive: true, force: true });
  else console.log('profile kept in', profDir);
}

await main();
process.exit(0);
