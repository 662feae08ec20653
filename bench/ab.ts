/**
 * `TEST_DATABASE_URL=… npx tsx bench/ab.ts --a="<node flags>" --b="<node flags>" [--path=/mypage]
 * [--rounds=4] [--seconds=4]`: two servers on the same PostgreSQL database, one with each set of
 * Node flags, loaded in turn (A, B, A, B…) so that the machine's changing load falls on both alike;
 * prints each one's requests per second (median of the rounds), p99 and peak RSS. How the start
 * flags were chosen (docs/performance.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { testEnv } from '../src/config.js';
import { CodeMailbox } from './mailbox.js';
import { BROWSER_HEADERS, registrationScreens } from './pages.js';
import {
  benchServerEnv,
  buildBenchServer,
  startBenchServer,
  withBenchDatabase,
  type BenchServer,
} from './processes.js';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rounds = Number(arg('rounds') ?? 4);
const seconds = Number(arg('seconds') ?? 4);
const screenPath = arg('path') ?? '/mypage';
const variants = { A: arg('a') ?? '', B: arg('b') ?? '' };
const { testDatabaseUrl, path } = testEnv();
if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is needed');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

buildBenchServer();
const mailbox = await new CodeMailbox().start();
const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-ab-'));
const servers: Record<string, BenchServer> = {};
try {
  await withBenchDatabase(testDatabaseUrl, 'madoguchi_ab', async (databaseUrl) => {
    const env = benchServerEnv({ dataDir, smtpUrl: mailbox.url, databaseUrl });
    try {
      for (const [name, flags] of Object.entries(variants))
        servers[name] = await startBenchServer({ ...env, NODE_FLAGS: flags }, path);
      await compare();
    } finally {
      for (const s of Object.values(servers)) await s.stop();
    }
  });
} finally {
  await mailbox.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Loads the screen on each server in turn and prints what each answered. */
async function compare(): Promise<void> {
  const screens = await registrationScreens(servers.A?.url ?? '', mailbox, 'ab');
  const cookie = screens.find((s) => s.path === screenPath)?.cookie;
  const headers = { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}) };
  const results: Record<string, { rps: number[]; p99: number[]; peak: number }> = {};
  for (const [name, s] of Object.entries(servers)) {
    await autocannon({ url: s.url + screenPath, headers, connections: 32, duration: 1 });
    s.memory.reset();
    results[name] = { rps: [], p99: [], peak: 0 };
  }
  for (let i = 0; i < rounds; i++)
    for (const [name, s] of Object.entries(servers)) {
      const r = await autocannon({ url: s.url + screenPath, headers, connections: 32, duration: seconds });
      results[name]?.rps.push(r.requests.average);
      results[name]?.p99.push(r.latency.p99);
      if (r.non2xx || r.errors) console.log(name, 'non-2xx', r.non2xx, 'errors', r.errors);
    }
  for (const [name, s] of Object.entries(servers)) {
    const r = results[name];
    if (!r) continue;
    console.log(
      `${name} (${variants[name as 'A' | 'B'] || 'no flags'}): ${Math.round(median(r.rps))} req/s ` +
        `[${r.rps.map(Math.round).join(', ')}], p99 ${median(r.p99)} ms, peak RSS ${Math.round(s.memory.peak())} MiB`,
    );
  }
}
process.exit(0);
