/**
 * The composition root: opens the database, wires stores, use cases, mail and the HTTP app, and
 * starts the background jobs (mail worker, sweep). `server.ts` calls it for the process; tests call
 * it with their own config and clock.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { argon2Hasher } from './app/argon2-hasher.js';
import { systemClock, type Clock } from './app/ports.js';
import { registrationUseCases } from './app/registration.js';
import { sessionUseCases } from './app/sessions.js';
import { signInUseCases } from './app/sign-in.js';
import type { Config } from './config.js';
import { auditStore } from './db/audit.js';
import { isReady, openDatabase, type Database, type OpenOptions } from './db/client.js';
import { outboxStore } from './db/outbox.js';
import { deleteOldCounters, rateLimiter } from './db/rate-limits.js';
import { registrationStore } from './db/registrations.js';
import { sessionStore } from './db/sessions.js';
import { userStore } from './db/users.js';
import { japaneseMailTemplates } from './mail/templates-ja.js';
import { createTransport } from './mail/transport.js';
import { startMailWorker, type MailWorker } from './mail/worker.js';
import { createApp } from './web/app.js';

export type Running = {
  url: string;
  database: Database;
  mailWorker: MailWorker;
  sweep(): Promise<number>;
  /** Stops taking requests, finishes those in flight and the mail in hand, closes the database. */
  close(): Promise<void>;
};

export async function startServer(
  config: Config,
  options: { clock?: Clock; database?: Database; open?: OpenOptions; listen?: boolean } = {},
): Promise<Running> {
  const logger = pino({
    level: config.logLevel,
    base: undefined,
    redact: ['req.headers.cookie', 'email', 'password'],
  });
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase(
      options.open ?? (config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }),
    ));
  const { db } = database;

  const users = userStore(db);
  const registrations = registrationStore(db);
  const audit = auditStore(db);
  const limiter = rateLimiter(db);
  const outbox = outboxStore(db);
  const registration = registrationUseCases({
    registrations,
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    templates: japaneseMailTemplates,
    clock,
    secret: config.sessionSecret,
    ttlSeconds: config.registrationTtlSeconds,
    codeMailsPerIpPer10Min: config.codeMailsPerIpPer10Min,
    mailDomain: config.mailDomain,
    baseUrl: config.baseUrl,
  });
  const sessions = sessionUseCases({
    sessions: sessionStore(db),
    users,
    audit,
    clock,
    idleSeconds: config.sessionIdleSeconds,
    absoluteSeconds: config.sessionAbsoluteSeconds,
  });
  const signIn = signInUseCases({
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    clock,
    dummyHash: await argon2Hasher.hash('not-a-real-password-0'),
  });

  const transport = createTransport(config.smtpUrl, config.mailFrom);
  const mailWorker = startMailWorker(outbox, transport, clock, {
    pollMs: config.mailPollMs,
    leaseSeconds: config.mailLeaseSeconds,
    onError: (e) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'mail worker failed'),
  });

  const sweep = async () => {
    const n = await registration.sweepExpired();
    await deleteOldCounters(db, new Date(clock.now().getTime() - 86400 * 1000));
    return n;
  };
  let sweepTimer: NodeJS.Timeout | null = setInterval(() => {
    sweep().catch((e: unknown) =>
      logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'sweep failed'),
    );
  }, config.sweepIntervalSeconds * 1000);
  sweepTimer.unref();

  const app = createApp({
    config,
    registration,
    sessions,
    signIn,
    devMailbox: !config.smtpUrl && config.env !== 'production' ? () => outbox.latest(50) : null,
    ready: () => isReady(db),
    logger,
  });

  const server = serve({ fetch: app.fetch, port: config.port, createServer });
  await new Promise<void>((resolve) =>
    server.listening ? resolve() : server.once('listening', () => resolve()),
  );
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    database,
    mailWorker,
    sweep,
    close() {
      closing ??= (async () => {
        if (sweepTimer) clearInterval(sweepTimer);
        sweepTimer = null;
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await mailWorker.stop();
        transport.close();
        if (!options.database) await database.close();
      })();
      return closing;
    },
  };
}
