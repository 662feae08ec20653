/**
 * Virtual users going through the whole registration (screens 1–8, as a browser: every 303 is
 * followed by its GET, the code is read from the mail that arrives at the SMTP server) and through
 * ログイン. Closed loop: each user starts again as soon as it is done.
 */
import { Visitor, formToken } from './client.js';
import type { CodeMailbox } from './mailbox.js';
import { INDIVIDUAL_FORM } from '../test/support/registration-harness.js';

/** The same 利用者情報の入力 as the tests fill in (an individual). */
export const PROFILE: Record<string, string> = INDIVIDUAL_FORM;
export const PASSWORD = INDIVIDUAL_FORM.password;

export type FlowResult = {
  completed: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** milliseconds for one whole flow */
  p50: number;
  p99: number;
  /** registrations: the median wait for the code mail, ms */
  mailWaitP50?: number;
  /** the addresses registered, for the sign-in run */
  addresses: string[];
  firstError?: string;
};

function expectScreen(step: string, reply: { status: number; html: string }, title: string): void {
  if (reply.status !== 200 || !reply.html.includes(`<h1 class="title">${title}`))
    throw new Error(`${step}: expected ${title}, got ${reply.status}`);
}

/** How long each registration waited for its code mail, in ms (read by registrationLoad). */
const mailWaits: number[] = [];

/** One registration, start to finish; throws when a screen is not the one the guide shows next. */
async function register(base: string, mailbox: CodeMailbox, address: string): Promise<void> {
  const v = new Visitor(base);
  const terms = await v.get('/register/terms?kind=individual');
  const token = formToken(terms.html);
  expectScreen(
    'start',
    await v.post('/register/terms', token, { kind: 'individual', agree: 'yes' }),
    'メールアドレスの登録',
  );
  const sent = await v.post('/register/email', token, { email: address });
  expectScreen('email', sent, 'メールアドレスの登録完了');
  const waited = performance.now();
  const code = await mailbox.code(address);
  mailWaits.push(performance.now() - waited);
  expectScreen('code', await v.post('/register/code', token, { code }), '利用者情報の入力');
  expectScreen('profile', await v.post('/register/profile', token, PROFILE), '入力内容の確認');
  expectScreen('confirm', await v.post('/register/confirm', token, {}), '本登録の完了');
}

async function signIn(base: string, address: string): Promise<void> {
  const v = new Visitor(base);
  const page = await v.get('/login');
  const reply = await v.post('/login', formToken(page.html), {
    email: address,
    password: PASSWORD,
    next: '/mypage',
  });
  if (reply.via !== '/mypage' || reply.status !== 200)
    throw new Error(`sign-in: got ${reply.status} at ${reply.via}`);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

export async function closedLoop(
  users: number,
  seconds: number,
  one: (n: number) => Promise<string | null>,
): Promise<FlowResult> {
  const times: number[] = [];
  const done: string[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let n = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const label = await one(n++);
          times.push(performance.now() - t);
          if (label) done.push(label);
        } catch (e) {
          failed++;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    completed: times.length,
    failed,
    seconds: elapsed,
    perSecond: times.length / elapsed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    addresses: done,
    firstError,
  };
}

export async function registrationLoad(
  base: string,
  mailbox: CodeMailbox,
  users: number,
  seconds: number,
  label: string,
): Promise<FlowResult> {
  const run = Date.now().toString(36);
  mailWaits.length = 0;
  return closedLoop(users, seconds, async (n) => {
    const address = `bench-${label}-${run}-${n}@example.jp`;
    await register(base, mailbox, address);
    return address;
  }).then((result) => ({
    ...result,
    mailWaitP50: percentile(
      [...mailWaits].sort((a, b) => a - b),
      50,
    ),
  }));
}

export function signInLoad(
  base: string,
  addresses: string[],
  users: number,
  seconds: number,
): Promise<FlowResult> {
  if (addresses.length === 0) throw new Error('no registered users to sign in');
  return closedLoop(users, seconds, async (n) => {
    await signIn(base, addresses[n % addresses.length] as string);
    return null;
  });
}
