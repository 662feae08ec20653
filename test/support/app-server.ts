/** The real app on a free port, on a fresh database, sending mail to a test SMTP server. */
import { loadConfig } from '../../src/config.js';
import { startServer, type Running } from '../../src/main.js';
import type { DestinationStream } from 'pino';
import type { Clock } from '../../src/app/shared/ports.js';
import { afterAll, beforeAll } from 'vitest';
import { SESSION_SECRET } from './back-office-harness.js';
import { pgliteFactory, useFreshDatabase, type DatabaseFactory, type TestDatabase } from './databases.js';

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
  // BASE_URL stays http://localhost:0 (PORT=0 picks a free port later): tests follow a mailed link by its path.
  return {
    ...running,
    database,
    async close() {
      await running.close();
      await database.close();
    },
  };
}

/** A forwarding handle to a value made in a hook (a describe block's app or database). */
function lateBound<T extends object>(get: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const current = get();
      if (!current) throw new Error(`${what} is not ready yet (use it inside a test or hook)`);
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}

/**
 * For a describe block of screen tests over HTTP: a fresh database of the factory's kind, emptied
 * before each test, and the real app on it with the test's clock (mail polled once a minute, logs
 * off unless a stream is given). The handles forward to the app and the database once started.
 */
export function useScreensApp(
  factory: DatabaseFactory,
  options: { clock: Clock; env?: Record<string, string>; logStream?: DestinationStream },
): { app: Running; database: TestDatabase } {
  const database = useFreshDatabase(factory);
  let app: Running | undefined;
  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: options.logStream ? 'info' : 'silent',
      MAIL_POLL_MS: '60000',
      SESSION_SECRET,
      ...options.env,
    });
    app = await startServer(config, { database, clock: options.clock, logStream: options.logStream });
  });
  afterAll(async () => {
    await app?.close();
  });
  return { app: lateBound(() => app, 'the app'), database };
}
