#!/usr/bin/env node
// `npm test`: make sure Debian's Chromium is there (installing it with apt when we are root), then
// type-check, lint (ESLint, Prettier, the layer rules) and run every test: unit, integration (PGlite,
// and PostgreSQL when TEST_DATABASE_URL is set) and end-to-end in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`Chromium not found at ${chromium}: installing Debian's chromium with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) !== 0) {
      run('apt-get', ['update'], { env });
      if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) !== 0)
        process.exit(1);
    }
  } else {
    console.error(
      `The end-to-end tests need Chromium at ${chromium}.\n` +
        (hasApt
          ? 'Install it with:  sudo apt-get install chromium\n'
          : 'Install Chromium with your system package manager, then set CHROMIUM_PATH to its binary.\n') +
        'Then run npm test again.',
    );
    process.exit(1);
  }
}

for (const [cmd, ...args] of [
  ['npx', 'tsc', '--noEmit', '-p', '.'],
  ['npx', 'eslint', '.'],
  ['npx', 'prettier', '--check', '--log-level', 'warn', '.'],
  // The layer rules (.dependency-cruiser.mjs): imports point down only, at any depth.
  ['npx', 'depcruise', 'src', '--config', '.dependency-cruiser.mjs'],
]) {
  const code = run(cmd, args);
  if (code !== 0) process.exit(code);
}
let status;
status = run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
process.exit(status);
