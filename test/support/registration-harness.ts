/** Real use cases on a real test database, with a clock the test moves. */
import { desc, eq } from 'drizzle-orm';
import { parseEmail } from '../../src/domain/email.js';
import { argon2Hasher } from '../../src/app/shared/argon2-hasher.js';
import { registrationUseCases } from '../../src/app/registration/registration.js';
import { sessionUseCases } from '../../src/app/account/sessions.js';
import { signInUseCases } from '../../src/app/account/sign-in.js';
import { auditStore } from '../../src/db/shared/audit.js';
import { outboxStore } from '../../src/db/shared/outbox.js';
import { rateLimiter } from '../../src/db/shared/rate-limits.js';
import { registrationStore } from '../../src/db/registration/registrations.js';
import { emailCodeStore } from '../../src/db/email-codes/email-codes.js';
import { mailOutbox } from '../../src/db/schema/index.js';
import { sessionStore } from '../../src/db/account/sessions.js';
import { userStore } from '../../src/db/account/users.js';
import { englishMailTemplates } from '../../src/mail/templates/en/registration.js';
import { japaneseMailTemplates } from '../../src/mail/templates/ja/registration.js';
import { TestClock } from './clock.js';
import type { TestDatabase } from './databases.js';

export const META = { ip: '192.0.2.10', userAgent: 'vitest' };

export const INDIVIDUAL_FORM = {
  familyName: '川崎',
  givenName: '太郎',
  familyNameKana: 'カワサキ',
  givenNameKana: 'タロウ',
  postalCode: '210-8577',
  prefecture: '神奈川県',
  cityAddress: '川崎市川崎区宮本町1番地',
  building: '',
  phone: '044-200-2111',
  birthYear: '1985',
  birthMonth: '4',
  birthDay: '1',
  gender: 'unanswered',
  notify: 'yes',
  password: 'Hanami#Tree2026',
  passwordConfirm: 'Hanami#Tree2026',
};

export const BUSINESS_FORM = {
  orgName: '株式会社かわさき商事',
  orgNameKana: 'カブシキガイシャカワサキショウジ',
  postalCode: '2100007',
  prefecture: '神奈川県',
  cityAddress: '川崎市川崎区駅前本町11-2',
  building: '川崎フロンティアビル10階',
  representativeName: '川崎 一郎',
  phone: '0442002111',
  department: '総務部',
  contactName: '幸 花子',
  birthYear: '1990',
  birthMonth: '12',
  birthDay: '31',
  notify: 'no',
  password: 'Str0ng-Business',
  passwordConfirm: 'Str0ng-Business',
};

export function harness(
  database: TestDatabase,
  options: { ttlSeconds?: number; perIp?: number; startsPerIp?: number } = {},
) {
  const db = database.db;
  const clock = new TestClock();
  const users = userStore(db);
  const audit = auditStore(db);
  const limiter = rateLimiter(db);
  const registration = registrationUseCases({
    registrations: registrationStore(db),
    codes: emailCodeStore(db),
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    templates: { ja: japaneseMailTemplates, en: englishMailTemplates },
    clock,
    secret: 'test-secret-test-secret-test-secret',
    ttlSeconds: options.ttlSeconds ?? 1800,
    codeMailsPerIpPer10Min: options.perIp ?? 1000,
    startsPerIpPer10Min: options.startsPerIp ?? 1000,
    mailDomain: 'dx.city.kawasaki.jp',
    baseUrl: 'http://localhost:3000',
  });
  const sessions = sessionUseCases({
    sessions: sessionStore(db),
    users,
    audit,
    clock,
    idleSeconds: 1800,
    absoluteSeconds: 43200,
  });
  const signIn = signInUseCases({
    users,
    hasher: argon2Hasher,
    rateLimiter: limiter,
    audit,
    clock,
    dummyHash:
      '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  });
  const outbox = outboxStore(db);

  /** The newest code mailed to an address (read from the outbox, as the mail worker would send it). */
  async function lastCode(typed: string): Promise<string> {
    const parsed = parseEmail(typed);
    const to = parsed.ok ? parsed.email : typed;
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, to))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    const m = mail?.body.match(/認証コード：(\d{6})/);
    if (!m?.[1]) throw new Error(`no code mail to ${to}`);
    return m[1];
  }

  /** Screens 2–5 for an address; returns the flow token at screen 6. */
  async function throughProfile(
    email: string,
    kind: 'individual' | 'business' = 'individual',
  ): Promise<string> {
    const { token } = await registration.begin(kind);
    const sent = await registration.submitEmail(token, email, META);
    if (!sent.ok) throw new Error(`submitEmail failed: ${JSON.stringify(sent)}`);
    const verified = await registration.verifyCode(sent.token, await lastCode(email), META);
    if (!verified.ok) throw new Error(`verifyCode failed: ${JSON.stringify(verified)}`);
    const profile = await registration.submitProfile(
      sent.token,
      kind === 'individual' ? INDIVIDUAL_FORM : BUSINESS_FORM,
    );
    if (!profile.ok) throw new Error(`submitProfile failed: ${JSON.stringify(profile)}`);
    return sent.token;
  }

  return { db, clock, registration, sessions, signIn, users, outbox, lastCode, throughProfile };
}
