/** The server under test as its own process, and its memory read from /proc while it works. */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../test/support/child-app.js';

export { freePort };

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A database of its own on the PostgreSQL server at `serverUrl` for `use`, dropped after it. */
export async function withBenchDatabase<T>(
  serverUrl: string,
  name: string,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * The bench server's settings: test mode with info logs (as measured), mail to the benchmark's SMTP
 * server, the client's address from X-Forwarded-For (each virtual user its own), and the database
 * given or the embedded one in `dataDir`.
 */
export function benchServerEnv(o: {
  dataDir: string;
  smtpUrl: string;
  databaseUrl?: string;
}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: o.dataDir,
    SMTP_URL: o.smtpUrl,
    TRUST_PROXY: 'true',
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
  };
}

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m?.[1] ? Number(m[1]) / 1024 : NaN;
}

/** Samples a process's RSS every 50 ms; `peak()` is the highest since the last `reset()`. */
export class RssSampler {
  private max = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 50);
  }
  private sample(): void {
    try {
      this.max = Math.max(this.max, rssMiB(this.pid));
    } catch {
      // the process has ended
    }
  }
  reset(): void {
    this.max = 0;
    this.sample();
  }
  peak(): number {
    this.sample();
    return this.max;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export type BenchServer = {
  url: string;
  pid: number;
  memory: RssSampler;
  stop(): Promise<void>;
};

const BUNDLE = 'dist/bench/server.mjs';
const CEILINGS = 'dist/bench/ceilings.mjs';

/** Node's flags from `npm start` (package.json), so that the benchmark runs the server as it runs. */
export const START_FLAGS = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(' ')
  .filter((word) => word.startsWith('--'));

/** Bundles bench/server.ts as `npm start` bundles the server (scripts/build.mjs), to run with plain node. */
export function buildBenchServer(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', 'bench/server.ts', BUNDLE], { cwd: ROOT });
  execFileSync(process.execPath, ['scripts/build.mjs', 'bench/ceilings.ts', CEILINGS], { cwd: ROOT });
}

export type Ceiling = { url: string; cookie?: string; pid: number; stop(): Promise<void> };

/**
 * Starts one of the ceilings (bench/ceilings.ts) in its own process with plain `node`: `hello`, or
 * `database` on the same driver as the app (the PostgreSQL URL, or a folder for its own PGlite).
 */
export async function startCeiling(
  kind: 'hello' | 'database',
  path: string,
  database?: { driver: 'pglite' | 'postgres'; where: string },
): Promise<Ceiling> {
  const port = await freePort();
  const args = [kind, String(port), ...(database ? [database.driver, database.where] : [])];
  const child: ChildProcess = fork(CEILINGS, args, {
    cwd: ROOT,
    execArgv: [],
    env: { PATH: path },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ cookie?: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { cookie?: string }));
    child.once('exit', (code) =>
      reject(new Error(`the ${kind} ceiling exited (${code}) before it was ready`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}${kind === 'hello' ? '/hello' : '/mypage'}`,
    cookie: ready.cookie,
    pid: child.pid ?? 0,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

/**
 * Starts the bundle of bench/server.ts (the app as `npm start` runs it)
 * with `env`. Call buildBenchServer() once first.
 */
export async function startBenchServer(env: Record<string, string>, path: string): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = fork(BUNDLE, [], {
    cwd: ROOT,
    execArgv: env.NODE_FLAGS === undefined ? START_FLAGS : env.NODE_FLAGS.split(' ').filter(Boolean),
    env: { PATH: path, PORT: String(port), BASE_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  const pid = child.pid ?? 0;
  const memory = new RssSampler(pid);
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    memory,
    async stop() {
      memory.stop();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

/** CPU time (user + system) a process has used, in ms (Linux /proc, clock ticks of 10 ms). */
export function cpuMs(pid: number | string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time used by every PostgreSQL server process on this machine, in ms (0 without one). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) total += cpuMs(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}
