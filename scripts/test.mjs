#!/usr/bin/env node
// `npm test`: make sure Debian's Chromium and a Java runtime (the W3C HTML checker) are there, installing
// them with apt when we are root, then type-check, lint (ESLint, Prettier, the layer rules) and run every
// test: unit, integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) and end-to-end in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

/** Installs Debian packages with apt-get (refreshing the lists once if the first try fails). */
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const args = ['install', '-y', '--no-install-recommends', ...packages];
  if (run('apt-get', args, { env }) === 0) return true;
  run('apt-get', ['update'], { env });
  return run('apt-get', args, { env }) === 0;
}

/** Makes sure a tool is there, installing its Debian package when we may; otherwise says how. */
function need(what, present, packages, hint) {
  if (present()) return;
  if (isRoot && hasApt) {
    console.log(`${what} not found: installing Debian's ${packages.join(' ')} with apt-get…`);
    if (aptInstall(packages) && present()) return;
    process.exit(1);
  }
  console.error(
    `The tests need ${what}.\n` +
      (hasApt ? `Install it with:  sudo apt-get install ${packages.join(' ')}\n` : hint) +
      'Then run npm test again.',
  );
  process.exit(1);
}

// The end-to-end tests run in Debian's Chromium.
need(
  `Chromium at ${chromium}`,
  () => existsSync(chromium),
  ['chromium'],
  'Install Chromium with your system package manager, then set CHROMIUM_PATH to its binary.\n',
);
// The W3C HTML checker (vnu.jar) runs on Java.
need(
  'a Java runtime (for the W3C HTML checker)',
  () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0,
  ['default-jre-headless'],
  'Install a Java runtime (11 or later) with your system package manager.\n',
);

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
