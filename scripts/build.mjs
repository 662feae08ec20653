/**
 * The build behind `npm start`: the server's TypeScript bundled by esbuild into one ES module, with
 * the packages left in node_modules. Running it with plain `node` spares the process the TypeScript
 * loader (about 80 MiB of memory and the compile at every start; see docs/performance.md).
 *
 * The bundle sits two folders below the project (dist/server/), like the sources (src/db, src/web),
 * so that the paths the code finds beside itself (../../drizzle, ../../public) hold in both.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Bundles one entry (a path from the project root) into dist/<folder>/<name>.mjs. */
export async function bundle(entry, outfile) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

// `node scripts/build.mjs [entry outfile]`: the server by default; tests and the benchmark name others.
if (process.argv[1] === fileURLToPath(import.meta.url))
  await bundle(process.argv[2] ?? 'src/server.ts', process.argv[3] ?? 'dist/server/server.mjs');
