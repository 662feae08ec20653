import { fileURLToPath } from 'node:url';

export const SNAPSHOT_DIR = fileURLToPath(new URL('../../.tmp/', import.meta.url));
export const SNAPSHOT_FILE = `${SNAPSHOT_DIR}pglite-migrated.tar`;
