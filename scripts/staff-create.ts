/**
 * npm run staff:create -- --email ADDRESS --role admin|operator [--name 氏名]
 *
 * Creates a staff account on the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR; migrations applied) and prints one line with its single-use enrolment URL, valid for
 * 24 hours. No password is printed: the staff member chooses one at that URL.
 */
import { parseArgs } from 'node:util';
import { argon2Hasher } from '../src/app/argon2-hasher.js';
import { systemClock } from '../src/app/ports.js';
import { staffUseCases } from '../src/app/staff.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { auditStore } from '../src/db/audit.js';
import { openDatabase } from '../src/db/client.js';
import { rateLimiter } from '../src/db/rate-limits.js';
import { staffSessionStore, staffStore } from '../src/db/staff.js';
import { embeddedDatabaseHolder } from '../src/db/staff-embedded-lock.js';

const USAGE = 'Usage: npm run staff:create -- --email ADDRESS --role admin|operator [--name 氏名]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (!args.email || !args.role) fail(USAGE);
  if (args.role !== 'admin' && args.role !== 'operator') fail(`--role must be admin or operator.\n${USAGE}`);

  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  if (!config.databaseUrl) {
    const holder = embeddedDatabaseHolder(config.dataDir);
    if (holder !== null)
      fail(
        `The embedded database in ${config.dataDir} is in use by the running app (process ${holder}); it serves one process at a time.\n` +
          'Stop the app (Ctrl+C or SIGTERM), run this command, then start the app again — or run the app and this command on a PostgreSQL server with DATABASE_URL.',
      );
  }

  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl, poolSize: 1 } : { dataDir: config.dataDir },
  );
  try {
    const db = database.db;
    const staff = staffUseCases({
      staff: staffStore(db),
      sessions: staffSessionStore(db),
      hasher: argon2Hasher,
      rateLimiter: rateLimiter(db),
      audit: auditStore(db),
      clock: systemClock,
      sessionSecret: config.sessionSecret,
      baseUrl: config.baseUrl,
      dummyHash: '',
    });
    const result = await staff.create({ email: args.email, role: args.role, name: args.name ?? null });
    if (!result.ok) {
      process.exitCode = 1;
      console.error(
        result.reason === 'taken'
          ? `A staff account for ${args.email} already exists: nothing was created.`
          : `Not created: ${result.errors.map((e) => e.message).join(' / ')}`,
      );
      return;
    }
    console.log(
      `Staff account created (${args.role}). Enrolment URL, single use, valid for 24 hours: ${result.enrolUrl}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
