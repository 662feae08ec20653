/** Process entry: read the configuration, start, and stop gracefully on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './main.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const running = await startServer(config);
  console.log(
    `オンライン手続かわさき is running on ${config.baseUrl} (database: ${running.database.driver}, mail: ${config.smtpUrl ? 'SMTP' : 'development mailbox at /dev/mailbox'})`,
  );
  if ((await running.backOffice.staff.count()) === 0) {
    // On the embedded database (never production: the configuration requires DATABASE_URL there)
    // staff:create cannot run beside the app, which holds the database: the first administrator
    // gets a single-use URL instead. It is a secret, so it goes to this terminal only, by console,
    // not into the JSON log (decision: docs/decisions/staff-back-office.md).
    const url =
      !config.databaseUrl && config.env !== 'production'
        ? await running.backOffice.staff.openFirstAdminSetup()
        : null;
    console.log(
      url
        ? `No staff account yet: open this single-use URL to register the first administrator (valid until it is used or the app stops): ${url}`
        : 'No staff account yet: create the first one with  npm run staff:create -- --email ADDRESS --role admin',
    );
  }
  const stop = (signal: string) => {
    console.log(`${signal} received: finishing requests in flight, then stopping`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
