/**
 * The embedded database (PGlite) serves one process at a time, and PGlite itself does not refuse a
 * second process: both would write the same files. So the app leaves its process id in the data
 * folder while it holds the database, and `npm run staff:create` refuses while that process lives.
 * A PostgreSQL server needs none of this.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'app.pid';

/** Marks the folder as held by this process; returns the release function. */
export function holdEmbeddedDatabase(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, FILE);
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // already gone
    }
  };
}

/** The id of a live process (other than this one) holding the folder, or null. */
export function embeddedDatabaseHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: it exists but belongs to someone else — still a holder.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
