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
  if ((await running.backOffice.staff.count()) === 0)
    console.log(
      config.databaseUrl
        ? 'No staff account yet: create the first one with  npm run staff:create -- --email ADDRESS --role admin'
        : 'No staff account yet: stop the app, then run  npm run staff:create -- --email ADDRESS --role admin  (the embedded database serves one process at a time)',
    );
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
