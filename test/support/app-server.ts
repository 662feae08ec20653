/** The real app on a free port, on a fresh database, sending mail to a test SMTP server. */
import { loadConfig } from '../../src/config.js';
import { startServer, type Running } from '../../src/main.js';
import type { DestinationStream } from 'pino';
import type { Clock } from '../../src/app/shared/ports.js';
import { pgliteFactory, type TestDatabase } from './databases.js';

export type TestApp = Running & { database: TestDatabase };

export async function startTestApp(
  options: {
    smtpUrl?: string;
    env?: Record<string, string>;
    clock?: Clock;
    database?: TestDatabase;
    logStream?: DestinationStream;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await pgliteFactory.open());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SMTP_URL: options.smtpUrl,
    MAIL_POLL_MS: '100',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const running = await startServer(config, { database, clock: options.clock, logStream: options.logStream });
  // BASE_URL follows the port the server got.
  return {
    ...running,
    database,
    async close() {
      await running.close();
      await database.close();
    },
  };
}
