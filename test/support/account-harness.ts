/** The account use cases (issue 3) on a real test database: the registration harness and account helpers. */
import { asc } from 'drizzle-orm';
import type { Actor } from '../../src/app/account/account.js';
import { mailOutbox } from '../../src/db/schema/index.js';
import type { TestDatabase } from './databases.js';
import { BUSINESS_FORM, INDIVIDUAL_FORM, META, harness } from './registration-harness.js';

export const PASSWORDS = { individual: INDIVIDUAL_FORM.password, business: BUSINESS_FORM.password };

export function accountHarness(database: TestDatabase, options: Parameters<typeof harness>[1] = {}) {
  const h = harness(database, options);
  const { db, signIn } = h;

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

  return { ...h, createUser, signInAs, actorFor, mails };
}

export type AccountHarness = ReturnType<typeof accountHarness>;
