/**
 * What the machine itself allows, measured with nothing else running: argon2id hashes and
 * verifications per second with the app's own parameters on every core (the physical limit of
 * registration and sign-in), PGlite's own memory, and the time from `npm start` to the first page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argon2Hasher } from '../src/app/shared/argon2-hasher.js';
import { ROOT, freePort, rssMiB } from './processes.js';

/** Runs `op` from `parallel` callers for `seconds`; operations per second. */
async function rate(op: () => Promise<unknown>, parallel: number, seconds: number): Promise<number> {
  let n = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < end) {
        await op();
        n++;
      }
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

/**
 * argon2id through the app's own hasher (its settings, one hash per core at a time), asked by 4
 * callers at once so that every core is always busy: the most this machine can hash.
 */
export async function argon2Limits(
  seconds: number,
): Promise<{ hashesPerSecond: number; verifiesPerSecond: number }> {
  const digest = await argon2Hasher.hash('Hanami#Tree2026');
  const hashesPerSecond = await rate(() => argon2Hasher.hash('Hanami#Tree2026'), 4, seconds);
  const verifiesPerSecond = await rate(() => argon2Hasher.verify(digest, 'Hanami#Tree2026'), 4, seconds);
  return { hashesPerSecond, verifiesPerSecond };
}

/**
 * RSS of a process that opens PGlite on an existing folder, runs one query and idles: PGlite's own
 * cost, as in a restarted app (the first opening of a new folder runs initdb and holds more for a while).
 */
export async function pgliteBaselineMiB(path: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-pglite-'));
  const open = async (): Promise<number> => {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { PGlite } from '@electric-sql/pglite';
         const db = new PGlite(${JSON.stringify(join(dir, 'db'))});
         await db.query('select 1');
         process.stdout.write('ready\\n');
         process.on('SIGTERM', () => db.close().then(() => process.exit(0)));
         setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, env: { PATH: path }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`PGlite baseline process exited (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 1000));
    const rss = rssMiB(child.pid ?? 0);
    child.kill('SIGTERM');
    await exited;
    return rss;
  };
  try {
    await open(); // creates the folder
    return await open();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm start` as a newcomer runs it (development settings, embedded database in a new DATA_DIR),
 * timed to the first 200 of the home page: first on an empty folder (the database is created and
 * migrated), then again on the same folder.
 */
export async function coldStarts(path: string): Promise<{ firstMs: number; againMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-start-'));
  const once = async (): Promise<number> => {
    const port = await freePort();
    const started = performance.now();
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { PATH: path, PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'warn' },
      stdio: 'ignore',
      detached: true, // its own process group: npm, tsx and node stop together
    });
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error('npm start exited');
        try {
          const res = await fetch(`http://127.0.0.1:${port}/`);
          if (res.status === 200) return performance.now() - started;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exited;
      await new Promise((r) => setTimeout(r, 300)); // the tsx child lets go of the database folder
    }
  };
  try {
    const firstMs = await once();
    const againMs = await once();
    return { firstMs, againMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
