/**
 * npm run staff:create -- --email ADDRESS --role admin|operator [--name 氏名]
 * npm run staff:create -- --email ADDRESS --reissue
 *
 * Creates a staff account on the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR; migrations applied) and prints one line with its single-use enrolment URL, valid for
 * 24 hours. No password is printed: the staff member chooses one at that URL.
 *
 * With --reissue, for an existing (not disabled) account — a lost authenticator, or everyone after
 * SESSION_SECRET was rotated — it clears the password and the TOTP secret, ends the account's
 * sessions and prints a new enrolment URL the same way (再設定用のURLを発行する in 職員一覧).
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../src/app/shared/ports.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/shared/client.js';
import { embeddedDatabaseHolder } from '../src/db/shared/embedded-lock.js';
import { wire } from '../src/main.js';

const USAGE =
  'Usage: npm run staff:create -- --email ADDRESS --role admin|operator [--name 氏名]\n' +
  '       npm run staff:create -- --email ADDRESS --reissue   (a new enrolment URL for an existing account)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        reissue: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  const reissue = args.reissue === true;
  if (!args.email) fail(USAGE);
  if (reissue) {
    if (args.role !== undefined || args.name !== undefined)
      fail(`--reissue keeps the account's role and name: leave out --role and --name.\n${USAGE}`);
  } else {
    if (!args.role) fail(USAGE);
    if (args.role !== 'admin' && args.role !== 'operator')
      fail(`--role must be admin or operator.\n${USAGE}`);
  }

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
    // The app's own wiring. The command signs nobody in, so it needs no dummy hashes to time
    // sign-ins against (making them would cost two argon2id hashes for nothing).
    const { staff } = wire({
      db: database.db,
      settings: config,
      clock: systemClock,
      dummyHashes: { resident: '', staff: '' },
    }).backOffice;
    if (reissue) {
      const reissued = await staff.reissueEnrolment({ email: args.email });
      if (!reissued.ok) {
        process.exitCode = 1;
        console.error(
          reissued.reason === 'disabled'
            ? `The staff account for ${args.email} is disabled: nothing was changed.`
            : `No staff account for ${args.email}: nothing was changed (create one with --role).`,
        );
        return;
      }
      console.log(
        `Enrolment reissued for ${reissued.email}: password and authenticator cleared, sessions ended. Enrolment URL, single use, valid for 24 hours: ${reissued.enrolUrl}`,
      );
      return;
    }
    const result = await staff.create({
      email: args.email,
      role: args.role ?? '',
      name: args.name ?? null,
    });
    if (!result.ok) {
      process.exitCode = 1;
      console.error(
        result.reason === 'taken'
          ? `A staff account for ${args.email} already exists: nothing was created. For a new enrolment URL (lost authenticator), use --reissue.`
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
