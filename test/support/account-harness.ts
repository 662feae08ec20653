/** The account use cases (issue 3) on a real test database, sharing the registration harness's clock. */
import { asc } from 'drizzle-orm';
import { argon2Hasher } from '../../src/app/shared/argon2-hasher.js';
import { accountUseCases, signInLockNotice, type Actor } from '../../src/app/account/account.js';
import { signInUseCases } from '../../src/app/account/sign-in.js';
import { accountFlowStore } from '../../src/db/account/flows.js';
import { emailCodeStore } from '../../src/db/email-codes/email-codes.js';
import { auditStore } from '../../src/db/shared/audit.js';
import { rateLimiter } from '../../src/db/shared/rate-limits.js';
import { mailOutbox } from '../../src/db/schema/index.js';
import { userStore } from '../../src/db/account/users.js';
import { englishAccountMailTemplates } from '../../src/mail/templates/en/account.js';
import { japaneseAccountMailTemplates } from '../../src/mail/templates/ja/account.js';
import type { TestDatabase } from './databases.js';
import { BUSINESS_FORM, INDIVIDUAL_FORM, META, harness } from './registration-harness.js';

export const PASSWORDS = { individual: INDIVIDUAL_FORM.password, business: BUSINESS_FORM.password };

export function accountHarness(
  database: TestDatabase,
  options: { ttlSeconds?: number; perIp?: number } = {},
) {
  const h = harness(database, options);
  const db = h.db;
  const users = userStore(db);
  const accountMails = { ja: japaneseAccountMailTemplates, en: englishAccountMailTemplates };
  const limiter = rateLimiter(db);
  const audit = auditStore(db);
  const account = accountUseCases({
    users,
    flows: accountFlowStore(db),
    codes: emailCodeStore(db),
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    templates: accountMails,
    clock: h.clock,
    secret: 'test-secret-test-secret-test-secret',
    ttlSeconds: options.ttlSeconds ?? 1800,
    codeMailsPerIpPer10Min: options.perIp ?? 1000,
    mailDomain: 'dx.city.kawasaki.jp',
    baseUrl: 'http://localhost:3000',
  });
  const signIn = signInUseCases({
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    clock: h.clock,
    dummyHash:
      '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    lockNotice: signInLockNotice(accountMails, 'http://localhost:3000', h.clock),
  });

  /** Registers a user through the registration use cases; returns the user's id. */
  async function createUser(email: string, kind: 'individual' | 'business' = 'individual'): Promise<string> {
    const token = await h.throughProfile(email, kind);
    const done = await h.registration.confirm(token, META);
    if (!done.ok) throw new Error(`registration failed: ${JSON.stringify(done)}`);
    return done.userId;
  }

  /** Signs in and returns the session as the web layer would see it. */
  async function signInAs(email: string, password: string): Promise<Actor> {
    const r = await signIn.signIn(email, password, META);
    if (!r.ok) throw new Error(`sign-in failed: ${JSON.stringify(r)}`);
    return actorFor(await h.sessions.start(r.userId));
  }

  /** The signed-in person of a session id now (fresh from the database). */
  async function actorFor(sessionId: string): Promise<Actor> {
    const s = await h.sessions.resolve(sessionId);
    if (s.status !== 'signed_in') throw new Error(`session ${s.status}`);
    return { user: s.user, signedInAt: s.signedInAt, sessionId };
  }

  /** Every queued or sent mail, oldest first. */
  async function mails() {
    return db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
  }

  return { ...h, users, account, signIn, createUser, signInAs, actorFor, mails };
}

export type AccountHarness = ReturnType<typeof accountHarness>;
