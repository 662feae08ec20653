/**
 * The composition root. `wire` builds the stores, use cases and mail templates on a database, once,
 * for the process and for every test harness; `startServer` opens the database, wires, and adds the
 * HTTP app and the background jobs (mail worker, notice mail, sweep). `server.ts` calls it for the
 * process; tests call it with their own config and clock, or call `wire` with their own settings.
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
import { isReady, openDatabase, type Database, type Db, type OpenOptions } from './db/shared/client.js';
import { outboxStore } from './db/shared/outbox.js';
import { deleteOldCounters, deviceLockouts, rateLimiter } from './db/shared/rate-limits.js';
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
import type { NoticeMailTemplates } from './app/notices/ports.js';
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
import { japaneseStaffUserMailTemplates } from './mail/templates/ja/staff.js';
import { procedureUseCases } from './app/procedures/procedures.js';
import type { ProcedureDefinition } from './domain/procedures/definition.js';
import { procedureStore } from './db/procedures/applications.js';
import { guestFlowStore } from './db/procedures/guest-flows.js';
import { englishGuestMailTemplates } from './mail/templates/en/guest.js';
import { japaneseGuestMailTemplates } from './mail/templates/ja/guest.js';
import { englishProcedureMailTemplates } from './mail/templates/en/procedures.js';
import { japaneseProcedureMailTemplates } from './mail/templates/ja/procedures.js';
import { loadProcedures } from '../procedures/index.js';

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

  // The mail worker of this process. The use cases tell it when they have queued mail, so a code
  // leaves at once; mail queued by other processes is found by its poll.
  const outbox = outboxStore(db);
  const transport = createTransport(config.smtpUrl, config.mailFrom, {
    connections: config.mailConnections,
  });
  const mailWorker = startMailWorker(outbox, transport, clock, {
    pollMs: config.mailPollMs,
    leaseSeconds: config.mailLeaseSeconds,
    concurrency: config.mailConnections,
    onError: (e) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'mail worker failed'),
  });
  const { registration, sessions, signIn, account, backOffice, procedures, sweep } = wire({
    db,
    settings: config,
    clock,
    dummyHashes: await dummyHashes(),
    mailQueued: () => mailWorker.nudge(),
  });

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
    devMailbox:
      !config.smtpUrl && config.env !== 'production' ? (to?: string) => outbox.latest(50, to) : null,
    ready: () => isReady(db),
    logger,
    backOffice,
    procedures,
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

/** The settings the use cases read: a part of Config, so that a test gives only these. */
export type WiringSettings = Pick<
  Config,
  | 'baseUrl'
  | 'sessionSecret'
  | 'mailDomain'
  | 'registrationTtlSeconds'
  | 'codeMailsPerIpPer10Min'
  | 'registrationStartsPerIpPer10Min'
  | 'sessionIdleSeconds'
  | 'sessionAbsoluteSeconds'
>;

export type WiringDeps = {
  db: Db;
  settings: WiringSettings;
  clock: Clock;
  /**
   * What sign-in checks a password against when nobody has the address, so that it takes as long
   * either way (residents, staff): `dummyHashes()` for the process; tests give a fixed one.
   */
  dummyHashes: { resident: string; staff: string };
  /** Told when a use case has queued mail (the mail worker then sends it at once). */
  mailQueued?: () => void;
  /** The notices' mail templates (default: Japanese); a test gives one that crashes. */
  noticeTemplates?: NoticeMailTemplates;
  /** How many notice mails one batch queues (default: NOTICE_MAIL_BATCH). */
  noticeBatchSize?: number;
  /** The procedures' definitions (default: procedures/, checked by loadProcedures). */
  procedures?: readonly ProcedureDefinition[];
  /** The procedures' random bytes for 受付番号 (default: node:crypto); a test gives repeating ones. */
  procedureRandomBytes?: (n: number) => Uint8Array;
};

export type Wired = ReturnType<typeof wire>;

/** Two argon2id hashes of passwords nobody has, made once per process (see WiringDeps). */
export async function dummyHashes(): Promise<WiringDeps['dummyHashes']> {
  return {
    resident: await argon2Hasher.hash('not-a-real-password-0'),
    staff: await argon2Hasher.hash('not-a-real-password-1'),
  };
}

/** The stores, use cases and mail templates of the app on one database: the process's and the tests'. */
export function wire(deps: WiringDeps) {
  const { db, settings, clock, mailQueued } = deps;

  // Stores, one a line.
  const users = userStore(db);
  const registrations = registrationStore(db);
  const codes = emailCodeStore(db);
  const accountFlows = accountFlowStore(db);
  const residentSessions = sessionStore(db);
  const audit = auditStore(db);
  const limiter = rateLimiter(db);
  const outbox = outboxStore(db);
  const staffMembers = staffStore(db);
  const staffSessions = staffSessionStore(db);
  const notices = noticeStore(db);
  const staffUsers = staffUserStore(db);
  const dashboard = dashboardStore(db);
  const backOfficeAuditReader = auditReader(db);
  const applications = procedureStore(db);

  // Mail templates: a resident's mail is written in the resident's language; the back office's in Japanese.
  const registrationMails = { ja: japaneseMailTemplates, en: englishMailTemplates };
  const accountMails = { ja: japaneseAccountMailTemplates, en: englishAccountMailTemplates };
  const noticeMails = deps.noticeTemplates ?? japaneseNoticeMailTemplates;
  const staffUserMails = japaneseStaffUserMailTemplates;

  const registration = registrationUseCases({
    registrations,
    codes,
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    templates: registrationMails,
    clock,
    secret: settings.sessionSecret,
    ttlSeconds: settings.registrationTtlSeconds,
    codeMailsPerIpPer10Min: settings.codeMailsPerIpPer10Min,
    startsPerIpPer10Min: settings.registrationStartsPerIpPer10Min,
    mailDomain: settings.mailDomain,
    baseUrl: settings.baseUrl,
    mailQueued,
  });
  const sessions = sessionUseCases({
    sessions: residentSessions,
    audit,
    clock,
    idleSeconds: settings.sessionIdleSeconds,
    absoluteSeconds: settings.sessionAbsoluteSeconds,
  });
  const signIn = signInUseCases({
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    clock,
    dummyHash: deps.dummyHashes.resident,
    lockNotice: signInLockNotice(accountMails, settings.baseUrl, clock),
    mailQueued,
    devices: { lockouts: deviceLockouts(db), secret: settings.sessionSecret },
  });
  // The account side (issue 3): profile, e-mail and password changes, password reset, 退会.
  const account = accountUseCases({
    users,
    flows: accountFlows,
    codes,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    templates: accountMails,
    clock,
    secret: settings.sessionSecret,
    ttlSeconds: settings.registrationTtlSeconds,
    codeMailsPerIpPer10Min: settings.codeMailsPerIpPer10Min,
    mailDomain: settings.mailDomain,
    baseUrl: settings.baseUrl,
    mailQueued,
    applications,
  });

  // Online procedures (issue 13): applications, their history and files, 手続管理.
  const procedures = procedureUseCases({
    store: applications,
    users,
    audit,
    templates: { ja: japaneseProcedureMailTemplates, en: englishProcedureMailTemplates },
    clock,
    procedures: deps.procedures ?? loadProcedures(),
    baseUrl: settings.baseUrl,
    mailQueued,
    randomBytes: deps.procedureRandomBytes,
    // ログインせずに申請する: the address confirmed by the registration's code and limits
    guest: {
      flows: guestFlowStore(db),
      codes,
      rateLimiter: limiter,
      templates: { ja: japaneseGuestMailTemplates, en: englishGuestMailTemplates },
      secret: settings.sessionSecret,
      ttlSeconds: settings.registrationTtlSeconds,
      codeMailsPerIpPer10Min: settings.codeMailsPerIpPer10Min,
      startsPerIpPer10Min: settings.registrationStartsPerIpPer10Min,
      mailDomain: settings.mailDomain,
    },
  });

  // The back office: staff, notices and their mail, users, dashboard (issue 6).
  const backOffice: BackOffice = {
    staff: staffUseCases({
      staff: staffMembers,
      sessions: staffSessions,
      hasher: argon2Hasher,
      rateLimiter: limiter,
      audit,
      clock,
      sessionSecret: settings.sessionSecret,
      baseUrl: settings.baseUrl,
      dummyHash: deps.dummyHashes.staff,
    }),
    notices: noticeUseCases({
      notices,
      audit,
      clock,
      templates: noticeMails,
      baseUrl: settings.baseUrl,
      batchSize: deps.noticeBatchSize,
    }),
    users: staffUserUseCases({
      users: staffUsers,
      auditReader: backOfficeAuditReader,
      audit,
      clock,
      templates: staffUserMails,
    }),
    dashboard: dashboardUseCases({
      dashboard,
      auditReader: backOfficeAuditReader,
      audit,
      clock,
      registrationTtlSeconds: settings.registrationTtlSeconds,
    }),
  };

  /** Deletes what has expired: pending flows, old counters, ended sessions; returns the flows deleted. */
  const sweep = async () => {
    const n = await registration.sweepExpired();
    await account.sweepExpired();
    await procedures.sweepExpired();
    await deleteOldCounters(db, new Date(clock.now().getTime() - 86400 * 1000));
    const now = clock.now().getTime();
    await deleteOldSessions(
      db,
      new Date(now - settings.sessionIdleSeconds * 1000),
      new Date(now - settings.sessionAbsoluteSeconds * 1000),
    );
    await deleteOldStaffSessions(
      db,
      new Date(now - STAFF_IDLE_SECONDS * 1000),
      new Date(now - STAFF_ABSOLUTE_SECONDS * 1000),
    );
    return n;
  };

  return {
    stores: { users, outbox, audit, auditReader: backOfficeAuditReader },
    registration,
    sessions,
    signIn,
    account,
    backOffice,
    procedures,
    sweep,
  };
}
