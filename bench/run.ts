/**
 * `npm run bench`: every measurement of docs/performance.md in one go (see that file for what each
 * one is). Loopback only, bounded in time. The PostgreSQL part runs when TEST_DATABASE_URL names a
 * server (a database `madoguchi_bench` is made on it and dropped after). `--quick` shortens every run
 * (for trying the benchmark itself; the report says so).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { testEnv } from '../src/config.js';
import { openDatabase } from '../src/db/shared/client.js';
import { registrationLoad, signInLoad, type FlowResult } from './flows.js';
import { applyLoad } from './apply.js';
import { argon2Limits, coldStarts, pgliteBaselineMiB } from './limits.js';
import { CodeMailbox } from './mailbox.js';
import {
  measurePage,
  pageWeights,
  registrationScreens,
  type CeilingKind,
  type PageResult,
  type Weight,
} from './pages.js';
import {
  buildBenchServer,
  cpuMs,
  postgresCpuMs,
  rssMiB,
  startBenchServer,
  startCeiling,
  benchServerEnv,
  withBenchDatabase,
  type Ceiling,
} from './processes.js';
import { verdicts, writeReport, type DatabaseRun, type Results } from './report.js';
import { measureScale, type ScaleResult } from './scale.js';

const quick = process.argv.includes('--quick');
/**
 * For working on one part: `--only=flows` (or pages) on `--db=postgres` (or pglite) prints its
 * figures and writes no report.
 */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const onlyDb = process.argv.find((a) => a.startsWith('--db='))?.slice(5);
const PAGE_SECONDS = quick ? 2 : 5;
const FLOW_SECONDS = quick ? 8 : 20;
const FLOW_USERS = 16;
/** `--node-flags=...` runs the server with other flags than `npm start` uses (for trying them). */
const NODE_FLAGS_OVERRIDE = process.argv.find((a) => a.startsWith('--node-flags='))?.slice(13);
const SCALE = quick ? { users: 100_000, pending: 10_000 } : { users: 1_000_000, pending: 100_000 };
const { testDatabaseUrl, path } = testEnv();

const log = (...args: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...args);
/** A page's p99 at full load and at a steady half load (with the rate that run reached). */
const loads = (p: PageResult) =>
  `p99 ${p.p99} ms; at half (${Math.round(p.halfRate)} req/s, paced) p99 ${p.halfP99} ms` +
  (p.halfBehind ? ', behind its schedule' : '');

async function measureDatabase(
  driver: 'pglite' | 'postgres',
  databaseUrl: string | undefined,
  argon2: { hashesPerSecond: number },
): Promise<{ run: DatabaseRun; weights: Weight[] }> {
  const mailbox = await new CodeMailbox().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const env = {
    ...(NODE_FLAGS_OVERRIDE === undefined ? {} : { NODE_FLAGS: NODE_FLAGS_OVERRIDE }),
    ...benchServerEnv({ dataDir, smtpUrl: mailbox.url, databaseUrl }),
  };
  // The first start creates and migrates the database (PGlite's initdb takes ~500 MiB for a while);
  // the measured server is the restart, as the app runs day to day.
  await (await startBenchServer(env, path)).stop();
  const server = await startBenchServer(env, path);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const rssAtRest = rssMiB(server.pid);
    log(driver, 'at rest', Math.round(rssAtRest), 'MiB');
    const screens = await registrationScreens(server.url, mailbox, driver);
    const weights = await pageWeights(server.url, screens);
    // The ceilings, each in its own process, measured before the pages and again after them (the
    // machine's load changes while the benchmark runs); a page's share is of the mean of the two.
    const ceilingDir = mkdtempSync(join(tmpdir(), 'madoguchi-ceiling-'));
    const ceilingProcesses: Record<CeilingKind, Ceiling> = {
      hello: await startCeiling('hello', path),
      database: await startCeiling('database', path, {
        driver,
        where: databaseUrl ?? ceilingDir,
      }),
    };
    const ceilingRuns: Record<CeilingKind, PageResult[]> = { hello: [], database: [] };
    const measureCeilings = async () => {
      for (const kind of ['hello', 'database'] as const) {
        const c = ceilingProcesses[kind];
        const name =
          kind === 'hello'
            ? 'bare Hono route (ceiling)'
            : "node:http + driver, マイページ's queries (ceiling)";
        const p = await measurePage(
          { name, path: new URL(c.url).pathname, cookie: c.cookie, ceiling: kind },
          c.url,
          PAGE_SECONDS,
        );
        log(driver, name, Math.round(p.rps), 'req/s', loads(p));
        ceilingRuns[kind].push(p);
      }
    };
    server.memory.reset();
    const pages: PageResult[] = [];
    try {
      if (only !== 'flows') await measureCeilings();
      for (const s of only === 'flows' ? [] : screens) {
        const p = await measurePage(s, server.url + s.path, PAGE_SECONDS);
        log(driver, s.name, Math.round(p.rps), 'req/s', loads(p));
        pages.push(p);
      }
      if (only !== 'flows') await measureCeilings();
    } finally {
      await ceilingProcesses.hello.stop();
      await ceilingProcesses.database.stop();
      rmSync(ceilingDir, { recursive: true, force: true });
    }
    const meanOf = (runs: PageResult[]): PageResult => {
      const [first] = runs;
      const mean = (f: (p: PageResult) => number) => runs.reduce((n, p) => n + f(p), 0) / runs.length;
      return first
        ? {
            ...first,
            rps: mean((p) => p.rps),
            p99: Math.max(...runs.map((p) => p.p99)),
            halfP99: Math.max(...runs.map((p) => p.halfP99)),
            halfRate: mean((p) => p.halfRate),
            halfBehind: runs.some((p) => p.halfBehind),
          }
        : {
            name: '',
            path: '',
            ceiling: 'hello',
            rps: NaN,
            p50: 0,
            p99: 0,
            halfP50: 0,
            halfP99: 0,
            halfRate: NaN,
            halfBehind: false,
            errors: 0,
            non2xx: 0,
          };
    };
    const ceilings = { hello: meanOf(ceilingRuns.hello), database: meanOf(ceilingRuns.database) };
    for (const p of pages) {
      const c = ceilings[p.ceiling].rps;
      log(
        driver,
        p.name,
        `${Math.round((p.rps / c) * 100)}% of its ceiling (${p.ceiling}, ${Math.round(c)} req/s)`,
      );
    }
    const pagesPeak = server.memory.peak();
    log(driver, 'peak RSS during pages', Math.round(pagesPeak), 'MiB');
    server.memory.reset();
    const noFlow: FlowResult = {
      completed: 0,
      failed: 0,
      seconds: 0,
      perSecond: 0,
      p50: 0,
      p99: 0,
      addresses: [],
    };
    const cpuBefore = { server: cpuMs(server.pid), postgres: postgresCpuMs(), bench: process.cpuUsage() };
    const registration =
      only === 'pages'
        ? noFlow
        : await registrationLoad(server.url, mailbox, FLOW_USERS, FLOW_SECONDS, driver);
    const bench = process.cpuUsage(cpuBefore.bench);
    const per = Math.max(1, registration.completed);
    const registrationCpu = {
      server: (cpuMs(server.pid) - cpuBefore.server) / per,
      postgres: (postgresCpuMs() - cpuBefore.postgres) / per,
      loadGenerator: (bench.user + bench.system) / 1000 / per,
    };
    log(driver, 'CPU ms per registration', JSON.stringify(registrationCpu));
    log(
      driver,
      'registrations',
      registration.perSecond.toFixed(1),
      '/s',
      `(${Math.round((registration.perSecond / argon2.hashesPerSecond) * 100)}% of argon2id)`,
      `p50 ${Math.round(registration.p50)} ms, of which waiting for the code mail ${Math.round(registration.mailWaitP50 ?? 0)} ms`,
      registration.failed ? `${registration.failed} failed: ${registration.firstError}` : '',
    );
    const registrationPeak = server.memory.peak();
    log(driver, 'peak RSS during registrations', Math.round(registrationPeak), 'MiB');
    server.memory.reset();
    const signIn =
      only === 'pages'
        ? noFlow
        : await signInLoad(server.url, registration.addresses, FLOW_USERS, FLOW_SECONDS / 2);
    log(
      driver,
      'sign-ins',
      signIn.perSecond.toFixed(1),
      '/s',
      signIn.failed ? `${signIn.failed} failed: ${signIn.firstError}` : '',
    );
    const signInPeak = server.memory.peak();
    log(driver, 'peak RSS during sign-ins', Math.round(signInPeak), 'MiB');
    server.memory.reset();
    // 申請する end to end (issue 13): the residents just registered apply for 市長への手紙.
    const apply =
      only === 'pages'
        ? noFlow
        : await applyLoad(server.url, registration.addresses, FLOW_USERS, FLOW_SECONDS / 2);
    log(
      driver,
      'applications',
      apply.perSecond.toFixed(1),
      '/s',
      `p50 ${Math.round(apply.p50)} ms, p99 ${Math.round(apply.p99)} ms`,
      apply.failed ? `${apply.failed} failed: ${apply.firstError}` : '',
    );
    const applyPeak = server.memory.peak();
    log(driver, 'peak RSS during applications', Math.round(applyPeak), 'MiB');
    return {
      run: {
        driver,
        rssAtRest,
        ceilings,
        ceilingRuns,
        pages,
        pagesPeak,
        registration,
        registrationCpu,
        registrationPeak,
        signIn,
        signInPeak,
        apply,
        applyPeak,
      },
      weights,
    };
  } finally {
    await server.stop();
    await mailbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function scaleOn(driver: 'pglite' | 'postgres', url: string | undefined): Promise<ScaleResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-scale-'));
  const database = await openDatabase(url ? { url } : { dataDir });
  try {
    const result = await measureScale(database, SCALE);
    log(driver, 'sweep', Math.round(result.sweepMs), 'ms for', result.expiredDeleted, 'expired flows');
    return result;
  } finally {
    await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  buildBenchServer();
  log('argon2id limits');
  const argon2 = await argon2Limits(quick ? 3 : 8);
  log(
    'argon2id',
    argon2.hashesPerSecond.toFixed(1),
    'hashes/s,',
    argon2.verifiesPerSecond.toFixed(1),
    'verifications/s',
  );
  if (only) {
    if (onlyDb === 'postgres' && testDatabaseUrl)
      await withBenchDatabase(testDatabaseUrl, 'madoguchi_bench', (url) =>
        measureDatabase('postgres', url, argon2),
      );
    else await measureDatabase('pglite', undefined, argon2);
    return;
  }
  const pgliteBaseline = await pgliteBaselineMiB(path);
  const runs: DatabaseRun[] = [];
  const first = await measureDatabase('pglite', undefined, argon2);
  runs.push(first.run);
  if (testDatabaseUrl)
    runs.push(
      (
        await withBenchDatabase(testDatabaseUrl, 'madoguchi_bench', (url) =>
          measureDatabase('postgres', url, argon2),
        )
      ).run,
    );
  else log('TEST_DATABASE_URL is not set: the PostgreSQL part is skipped');
  log('cold start');
  const coldStart = await coldStarts(path);
  const scale: ScaleResult[] = [];
  if (testDatabaseUrl)
    scale.push(
      await withBenchDatabase(testDatabaseUrl, 'madoguchi_scale', (url) => scaleOn('postgres', url)),
    );
  scale.push(await scaleOn('pglite', undefined));

  // argon2id again at the end, as the ceilings are: the machine's load may have changed since.
  log('argon2id limits again');
  const argon2After = await argon2Limits(quick ? 3 : 8);
  log(
    'argon2id',
    argon2After.hashesPerSecond.toFixed(1),
    'hashes/s,',
    argon2After.verifiesPerSecond.toFixed(1),
    'verifications/s',
  );
  const argon2Mean = {
    hashesPerSecond: (argon2.hashesPerSecond + argon2After.hashesPerSecond) / 2,
    verifiesPerSecond: (argon2.verifiesPerSecond + argon2After.verifiesPerSecond) / 2,
  };
  const cpu = cpus();
  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    command: `${testDatabaseUrl ? 'TEST_DATABASE_URL=postgres://… ' : ''}npm run bench${quick ? ' -- --quick' : ''}`,
    machine: {
      cores: cpu.length,
      model: cpu[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      os: `Linux ${release()}`,
      loadAtStart,
    },
    settings: { pageSeconds: PAGE_SECONDS, flowSeconds: FLOW_SECONDS, flowUsers: FLOW_USERS },
    argon2: argon2Mean,
    argon2Runs: [argon2, argon2After],
    pgliteBaseline,
    runs,
    weights: first.weights,
    coldStart,
    scale,
  };
  const findings = readFileSync(new URL('findings.md', import.meta.url), 'utf8');
  await writeReport(results, findings, new URL('../docs/', import.meta.url));
  const v = verdicts(results);
  for (const x of v) console.log(x.ok ? 'met    ' : 'MISSED ', x.budget, '—', x.detail);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s; docs/performance.md written`);
}

await main();
process.exit(0);
