/** The app as a real process (the sources through tsx, or the build `npm start` runs), for signal and crash tests. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export type ChildApp = {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
};

/** Builds the server as `npm start` does (scripts/build.mjs) into `outfile`; returns its path. */
export function buildServer(outfile: string): string {
  execFileSync(process.execPath, ['scripts/build.mjs', 'src/server.ts', outfile], { cwd: ROOT });
  return outfile;
}

/**
 * Starts the app with the given settings and waits until it answers /healthz: the TypeScript sources
 * through tsx, or a bundle made by `buildServer`.
 */
export async function startChildApp(env: Record<string, string>, bundle?: string): Promise<ChildApp> {
  const port = await freePort();
  const proc = spawn(process.execPath, bundle ? [bundle] : ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`app exited early: ${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`app did not start: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, url, output: () => out, exited };
}
