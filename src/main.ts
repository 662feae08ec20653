/**
 * The composition root: opens the database, wires stores, use cases, mail and the HTTP app, and
 * starts the background jobs (mail worker, sweep). `server.ts` calls it for the process; tests call
 * it with their own config and clock.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino, { type DestinationStream } from 'pino';
import { argon2Hasher } from './app/shared/argon2-hasher.js';
import { systemClock, type Clock } from './app/shared/ports.js';
import { registrationUseCases } from './app/registration/registration.js';
import { sessionUseCases } from './app/account/sessions.js';
import { signInUseCases } from './app/account/sign-in.js';
import { accountUseCases, signInLockNotice } from './app/account/account.js';
import { accountFlowStore } from './db/account/flows.js';
import { englishAccountMailTemplates } from './mail/templates/en/account.js';
import { japaneseAccountMailTemplates } from './mail/templates/ja/account.js';
import type { Config } from './config.js';
import { auditStore } from './db/shared/audit.js';
import { isReady, openDatabase, type Database, type OpenOptions } from './db/shared/client.js';
import { outboxStore } from './db/shared/outbox.js';
import { deleteOldCounters, rateLimiter } from './db/shared/rate-limits.js';
import { registrationStore } from './db/registration/registrations.js';
import { emailCodeStore } from './db/email-codes/email-codes.js';
import { deleteOldSessions, sessionStore } from './db/account/sessions.js';
import { userStore } from './db/account/users.js';
import { englishMailTemplates } from './mail/templates/en/registration.js';
import { japaneseMailTemplates } from './mail/templates/ja/registration.js';
import { createTransport } from './mail/delivery/transport.js';
import { startMailWorker, type MailWorker } from './mail/delivery/worker.js';
import { createApp } from './web/app.js';
import { noticeUseCases } from './app/notices/notices.js';
import { staffUseCases, STAFF_ABSOLUTE_SECONDS, STAFF_IDLE_SECONDS } from './app/staff/staff.js';
import type { BackOffice } from './app/staff/back-office.js';
import { dashboardUseCases } from './app/staff/dashboard.js';
import { staffUserUseCases } from './app/staff/users.js';
import { noticeStore } from './db/notices/notices.js';
import { deleteOldStaffSessions, staffSessionStore, staffStore } from './db/staff/staff.js';
import { holdEmbeddedDatabase } from './db/shared/embedded-lock.js';
import { auditReader } from './db/staff/audit.js';
import { dashboardStore } from './db/staff/dashboard.js';
import { staffUserStore } from './db/staff/users.js';
import { japaneseNoticeMailTemplates } from './mail/templates/ja/notices.js';

export type Running = {
  url: string;
  database: Database;
  mailWorker: MailWorker;
  sweep(): Promise<number>;
  /** the back office's use cases (staff, notices, users, dashboard) */
  backOffice: BackOffice;
  /** Queues notice mail for notices being sent (the background step; also run by a timer). */
  sendNoticeBatches(): Promise<number>;
  /** Stops taking requests, finishes those in flight and the mail in hand, closes the database. */
  close(): Promise<void>;
};

export async function startServer(
  config: Config,
  options: {
    clock?: Clock;
    database?: Database;
    open?: OpenOptions;
    listen?: boolean;
    /** where the JSON log lines go (default: stdout); tests read them */
    logStream?: DestinationStream;
  } = {},
): Promise<Running> {
  // Log lines to stdout are gathered 4 KiB at a time rather than written one by one (a write per
  // request cost more than the rest of serving a cached page); close() flushes what is left.
  const logDestination = options.logStream
    ? undefined
    : pino.destination({ dest: 1, minLength: 4096, sync: false });
  const logger = pino(
    {
      level: config.logLevel,
      base: undefined,
      redact: ['req.headers.cookie', 'email', 'password'],
    },
    options.logStream ?? logDestination,
  );
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase(
      options.open ?? (config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }),
    ));
  const { db } = database;
  // The embedded database in DATA_DIR is this process's alone: staff:create checks this mark.
  const releaseEmbedded =
    !options.database && !options.open && !config.databaseUrl ? holdEmbeddedDatabase(config.dataDir) : null;

  const users = userStore(db);
  const registrations = registrationStore(db);
  const codes = emailCodeStore(db);
  const audit = auditStore(db);
  const limiter = rateLimiter(db);
  const outbox = outboxStore(db);
  // The mail worker of this process. The use cases tell it when they have queued mail, so a code
  // leaves at once; mail queued by other processes is found by its poll.
  const transport = createTransport(config.smtpUrl, config.mailFrom, {
    connections: config.mailConnections,
  });
  const mailWorker = startMailWorker(outbox, transport, clock, {
    pollMs: config.mailPollMs,
    leaseSeconds: config.mailLeaseSeconds,
    concurrency: config.mailConnections,
    onError: (e) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'mail worker failed'),
  });
  const mailQueued = () => mailWorker.nudge();
  const registration = registrationUseCases({
    registrations,
    codes,
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    templates: { ja: japaneseMailTemplates, en: englishMailTemplates },
    clock,
    secret: config.sessionSecret,
    ttlSeconds: config.registrationTtlSeconds,
    codeMailsPerIpPer10Min: config.codeMailsPerIpPer10Min,
    startsPerIpPer10Min: config.registrationStartsPerIpPer10Min,
    mailDomain: config.mailDomain,
    baseUrl: config.baseUrl,
    mailQueued,
  });
  // The account mails in each language: a user's mail is written in the user's language.
  const accountMails = { ja: japaneseAccountMailTemplates, en: englishAccountMailTemplates };
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
    lockNotice: signInLockNotice(accountMails, config.baseUrl, clock),
    mailQueued,
  });
  // The account side (issue 3): profile, e-mail and password changes, password reset, 退会.
  const account = accountUseCases({
    users,
    flows: accountFlowStore(db),
    codes,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    templates: accountMails,
    clock,
    secret: config.sessionSecret,
    ttlSeconds: config.registrationTtlSeconds,
    codeMailsPerIpPer10Min: config.codeMailsPerIpPer10Min,
    mailDomain: config.mailDomain,
    baseUrl: config.baseUrl,
    mailQueued,
  });

  // The back office: staff, notices and their mail, users, dashboard (issue 6).
  const backOfficeAuditReader = auditReader(db);
  const backOffice: BackOffice = {
    staff: staffUseCases({
      staff: staffStore(db),
      sessions: staffSessionStore(db),
      hasher: argon2Hasher,
      rateLimiter: limiter,
      audit,
      clock,
      sessionSecret: config.sessionSecret,
      baseUrl: config.baseUrl,
      dummyHash: await argon2Hasher.hash('not-a-real-password-1'),
    }),
    notices: noticeUseCases({
      notices: noticeStore(db),
      audit,
      clock,
      templates: japaneseNoticeMailTemplates,
      baseUrl: config.baseUrl,
    }),
    users: staffUserUseCases({
      users: staffUserStore(db),
      auditReader: backOfficeAuditReader,
      audit,
      clock,
      templates: japaneseNoticeMailTemplates,
    }),
    dashboard: dashboardUseCases({
      dashboard: dashboardStore(db),
      auditReader: backOfficeAuditReader,
      audit,
      clock,
      registrationTtlSeconds: config.registrationTtlSeconds,
    }),
  };
  // Notice mail goes out in batches; every process continues whatever notice is being sent.
  let noticeBatches: Promise<number> | null = null;
  const sendNoticeBatches = () => {
    noticeBatches ??= backOffice.notices.sendBatches().finally(() => {
      noticeBatches = null;
    });
    return noticeBatches;
  };
  let noticeTimer: NodeJS.Timeout | null = setInterval(() => {
    sendNoticeBatches().catch((e: unknown) =>
      logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'notice mail batch failed'),
    );
  }, config.mailPollMs);
  noticeTimer.unref();

  const sweep = async () => {
    const n = await registration.sweepExpired();
    await account.sweepExpired();
    await deleteOldCounters(db, new Date(clock.now().getTime() - 86400 * 1000));
    const now = clock.now().getTime();
    await deleteOldSessions(
      db,
      new Date(now - config.sessionIdleSeconds * 1000),
      new Date(now - config.sessionAbsoluteSeconds * 1000),
    );
    await deleteOldStaffSessions(
      db,
      new Date(now - STAFF_IDLE_SECONDS * 1000),
      new Date(now - STAFF_ABSOLUTE_SECONDS * 1000),
    );
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
    account,
    devMailbox: !config.smtpUrl && config.env !== 'production' ? () => outbox.latest(50) : null,
    ready: () => isReady(db),
    logger,
    backOffice,
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
    backOffice,
    sendNoticeBatches,
    close() {
      closing ??= (async () => {
        if (sweepTimer) clearInterval(sweepTimer);
        sweepTimer = null;
        if (noticeTimer) clearInterval(noticeTimer);
        noticeTimer = null;
        await noticeBatches?.catch(() => 0);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await mailWorker.stop();
        transport.close();
        if (!options.database) await database.close();
        releaseEmbedded?.();
        logDestination?.flushSync();
      })();
      return closing;
    },
  };
}
