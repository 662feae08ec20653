/**
 * The two account flows that mail a 6-digit code: メールアドレスの変更 (the code goes to the NEW
 * address) and パスワードを忘れた方 (the reset). The code rules are the e-mailed code's, as for
 * registration (app/email-codes): 5 tries in all, a resend at most once a minute and 5 times; the
 * flow lives 30 minutes from the latest code.
 */
import { randomUUID } from 'node:crypto';
import { maskEmail, parseEmail } from '../../domain/email.js';
import { toHalfWidthAscii } from '../../domain/normalize.js';
import { checkPassword } from '../../domain/password.js';
import type { FieldError } from '../../domain/profile.js';
import type { Lang } from '../../messages/i18n.js';
import {
  mailsIn,
  type AccountFlowPurpose,
  type AccountFlowRecord,
  type AccountFlowState,
  type NewSession,
} from './ports.js';
import type { AccountDeps, Actor, PasswordCheckResult } from './deps.js';
import type { OutgoingMail } from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import { hashToken, hmacCode, newToken } from '../shared/tokens.js';
import type { CodeOwner } from '../email-codes/ports.js';
import { emailCodeUseCases } from '../email-codes/email-codes.js';

export const EMAIL_CHANGES_PER_USER_PER_HOUR = 10;
export const RESETS_PER_ADDRESS_PER_HOUR = 5;

/** Why a step cannot go on. */
export type AccountFlowProblem = 'missing' | 'expired' | 'wrong_step' | 'exhausted' | 'email_taken';

type Loaded = { ok: true; flow: AccountFlowRecord } | { ok: false; problem: AccountFlowProblem };

export type CodeFlowHelpers = {
  /** Verifies the user's own password (re-authentication), counting a failure like a sign-in. */
  checkOwnPassword(actor: Actor, password: string | undefined): Promise<PasswordCheckResult>;
  needsReauth(signedInAt: Date): boolean;
};

export function accountCodeUseCases(deps: AccountDeps, helpers: CodeFlowHelpers) {
  const { flows, clock } = deps;
  const ttlMs = deps.ttlSeconds * 1000;
  const ttlSeconds = deps.ttlSeconds;
  const codes = emailCodeUseCases({ codes: deps.codes, secret: deps.secret });
  const ownerOf = (flow: { id: string; purpose: AccountFlowPurpose }): CodeOwner => ({
    purpose: flow.purpose,
    flowId: flow.id,
  });
  const resetUrl = `${deps.baseUrl}/password-reset`;
  const mailQueued = deps.mailQueued ?? (() => undefined);

  async function load(
    purpose: AccountFlowPurpose,
    token: string | undefined,
    states: AccountFlowState[],
    userId?: string,
  ): Promise<Loaded> {
    if (!token || token.length > 100) return { ok: false, problem: 'missing' };
    const flow = await flows.findByTokenHash(hashToken(token));
    if (!flow || flow.purpose !== purpose) return { ok: false, problem: 'missing' };
    // An e-mail change belongs to the signed-in user who began it, and to nobody else.
    if (userId !== undefined && flow.userId !== userId) return { ok: false, problem: 'missing' };
    if (flow.expiresAt.getTime() <= clock.now().getTime()) {
      await flows.delete(flow.id);
      return { ok: false, problem: 'expired' };
    }
    if (!states.includes(flow.state)) return { ok: false, problem: 'wrong_step' };
    return { ok: true, flow };
  }

  async function ipLimit(meta: RequestMeta, now: Date): Promise<number | null> {
    if (!meta.ip) return null;
    const limit = await deps.rateLimiter.hit(
      `code-mail:ip:${meta.ip}`,
      deps.codeMailsPerIpPer10Min,
      600,
      now,
    );
    return limit.allowed ? null : limit.retryAfterSeconds;
  }

  /**
   * What a resend sends: a code and its mail, or nothing (the address is in use / no user). The
   * e-mail change's code goes in the language of the user changing the address (`lang`).
   */
  async function resendContent(
    flow: AccountFlowRecord,
    lang: Lang | undefined,
  ): Promise<{ codeHmac: string | null; mail: OutgoingMail | null }> {
    const { code, codeHmac } = codes.issue(ownerOf(flow));
    if (flow.purpose === 'email_change') {
      const owner = await deps.users.findByEmailKey(flow.emailKey);
      if (owner) return { codeHmac: null, mail: null };
      return {
        codeHmac,
        mail: {
          template: 'email_change_code',
          to: flow.email,
          ...emailCode(lang, code),
          userId: flow.userId ?? undefined,
        },
      };
    }
    const user = flow.userId ? await deps.users.findById(flow.userId) : null;
    if (!user || user.status !== 'active') return { codeHmac: null, mail: null };
    return {
      codeHmac,
      mail: {
        template: 'password_reset_code',
        to: user.email,
        ...resetCode(user.lang, code),
        userId: user.id,
      },
    };
  }

  const emailCode = (lang: Lang | undefined, code: string) =>
    mailsIn(deps.templates, lang).emailChangeCode({ code, ttlSeconds, mailDomain: deps.mailDomain });
  const resetCode = (lang: Lang | undefined, code: string) =>
    mailsIn(deps.templates, lang).passwordResetCode({ code, ttlSeconds, mailDomain: deps.mailDomain });

  async function resend(
    purpose: AccountFlowPurpose,
    token: string | undefined,
    meta: RequestMeta,
    actor?: Actor,
  ): Promise<
    | { ok: true }
    | { ok: false; problem: AccountFlowProblem }
    | { ok: false; refused: 'too_soon' | 'too_many'; retryAfterSeconds: number }
    | { ok: false; rateLimited: number }
  > {
    const loaded = await load(purpose, token, ['code_sent'], actor?.user.id);
    if (!loaded.ok) return loaded;
    const flow = loaded.flow;
    const now = clock.now();
    const allowed = await codes.resendLimits(ownerOf(flow), now);
    if (!allowed.ok) return allowed;
    const limited = await ipLimit(meta, now);
    if (limited !== null) return { ok: false, rateLimited: limited };
    const content = await resendContent(flow, actor?.user.lang);
    const result = await flows.resendCode(flow, {
      ...content,
      now,
      expiresAt: new Date(now.getTime() + ttlMs),
      ...allowed.limits,
    });
    if (result !== 'sent') return codes.refusal(result);
    if (content.mail) mailQueued();
    await deps.audit.record(
      {
        action: `${purpose}.code_sent`,
        userId: flow.userId,
        ip: meta.ip,
        userAgent: meta.userAgent,
        detail: { email: maskEmail(flow.email), resend: true },
      },
      now,
    );
    return { ok: true };
  }

  /** Counts and compares a code; a flow whose tries are all used is deleted. */
  async function tryCode(flow: AccountFlowRecord, rawCode: string) {
    const tried = await codes.tryCode(ownerOf(flow), rawCode);
    if (tried.kind === 'exhausted') await flows.delete(flow.id);
    return tried;
  }

  /** After a wrong code: the flow ends at the fifth, otherwise how many tries are left. */
  async function wrongCode(
    flow: AccountFlowRecord,
    tries: number,
    meta: RequestMeta,
  ): Promise<{ ok: false; problem: 'exhausted' } | { ok: false; fieldError: FieldError; triesLeft: number }> {
    await deps.audit.record(
      {
        action: `${flow.purpose}.code_failed`,
        userId: flow.userId,
        ip: meta.ip,
        userAgent: meta.userAgent,
        detail: { tries },
      },
      clock.now(),
    );
    const wrong = codes.afterWrong(tries);
    if ('problem' in wrong) await flows.delete(flow.id);
    return wrong;
  }

  function newSession(at: Date): { id: string; session: NewSession } {
    const id = newToken();
    return { id, session: { idHash: hashToken(id), createdAt: at, signedInAt: at } };
  }

  return {
    loadEmailChange: (actor: Actor, token: string | undefined, states: AccountFlowState[]) =>
      load('email_change', token, states, actor.user.id),
    loadReset: (token: string | undefined, states: AccountFlowState[]) =>
      load('password_reset', token, states),

    /**
     * メールアドレスの変更: the new address (and the password when the sign-in is older than 15
     * minutes). The code goes to the new address; an address in use gets a notice instead and the
     * screens go on the same, so nobody learns whose it is. Returns the flow's token.
     */
    async startEmailChange(
      actor: Actor,
      raw: { newEmail?: string; password?: string },
      meta: RequestMeta,
    ): Promise<
      | { ok: true; token: string }
      | { ok: false; errors: FieldError[]; value: string; reauth: boolean }
      | { ok: false; rateLimited: number; value: string }
    > {
      const rawEmail = raw.newEmail ?? '';
      const value = toHalfWidthAscii(rawEmail);
      const reauth = helpers.needsReauth(actor.signedInAt);
      const errors: FieldError[] = [];
      const parsed = parseEmail(rawEmail);
      if (!parsed.ok) errors.push({ field: 'newEmail', code: parsed.code });
      else if (parsed.key === actor.user.emailKey)
        errors.push({ field: 'newEmail', code: 'same_as_current' });
      if (reauth) {
        // The password is checked only once the address is right, so a typo costs no try.
        if (!raw.password) errors.push({ field: 'password', code: 'required' });
        else if (errors.length === 0) {
          const check = await helpers.checkOwnPassword(actor, raw.password);
          if (check !== 'ok') errors.push({ field: 'password', code: check });
        }
      }
      if (errors.length > 0 || !parsed.ok) return { ok: false, errors, value, reauth };
      const now = clock.now();
      const perUser = await deps.rateLimiter.hit(
        `email-change:user:${actor.user.id}`,
        EMAIL_CHANGES_PER_USER_PER_HOUR,
        3600,
        now,
      );
      if (!perUser.allowed) return { ok: false, rateLimited: perUser.retryAfterSeconds, value };
      const limited = await ipLimit(meta, now);
      if (limited !== null) return { ok: false, rateLimited: limited, value };
      const owner = await deps.users.findByEmailKey(parsed.key);
      const id = randomUUID();
      const token = newToken();
      const issued = codes.issue({ purpose: 'email_change', flowId: id });
      // The notice to the address's owner is in the owner's language; the code in the changer's.
      const taken = mailsIn(deps.templates, owner?.lang).emailChangeAttemptOnExistingAccount({
        signInUrl: `${deps.baseUrl}/login`,
        resetUrl,
      });
      await flows.create({
        id,
        purpose: 'email_change',
        tokenHash: hashToken(token),
        userId: actor.user.id,
        email: parsed.email,
        emailKey: parsed.key,
        codeHmac: owner ? null : issued.codeHmac,
        mail: owner
          ? { template: 'email_change_attempt_existing', to: owner.email, userId: owner.id, ...taken }
          : {
              template: 'email_change_code',
              to: parsed.email,
              userId: actor.user.id,
              ...emailCode(actor.user.lang, issued.code),
            },
        now,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
      mailQueued();
      await deps.audit.record(
        {
          action: 'email_change.code_sent',
          userId: actor.user.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { email: maskEmail(parsed.email) },
        },
        now,
      );
      return { ok: true, token };
    },

    resendEmailChange: (actor: Actor, token: string | undefined, meta: RequestMeta) =>
      resend('email_change', token, meta, actor),

    /**
     * The code from the new address: the address changes, every session of the user ends and a new
     * one starts (its id is returned for the cookie), the old address gets a notice.
     */
    async verifyEmailChange(
      actor: Actor,
      token: string | undefined,
      rawCode: string,
      meta: RequestMeta,
    ): Promise<
      | { ok: true; sessionId: string | null }
      | { ok: false; problem: AccountFlowProblem }
      | { ok: false; fieldError: FieldError; triesLeft?: number }
    > {
      const loaded = await load('email_change', token, ['code_sent', 'completed'], actor.user.id);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      if (flow.state === 'completed') return { ok: true, sessionId: null }; // reload, double submit
      const tried = await tryCode(flow, rawCode);
      if (tried.kind === 'exhausted') return { ok: false, problem: 'exhausted' };
      if (tried.kind === 'invalid') return { ok: false, fieldError: tried.fieldError };
      const now = clock.now();
      if (tried.kind === 'match') {
        const user = actor.user;
        const mails = mailsIn(deps.templates, user.lang);
        // The session keeps the time of the sign-in: changing the address is not a new sign-in.
        const { id, session } = newSession(actor.signedInAt);
        const outcome = await flows.completeEmailChange(flow.id, {
          session,
          now,
          mails: [
            {
              template: 'email_changed_old',
              to: user.email,
              userId: user.id,
              ...mails.emailChangedOld({
                name: user.displayName,
                newEmailMasked: maskEmail(flow.email),
                at: now,
                resetUrl,
              }),
            },
            {
              template: 'email_changed_new',
              to: flow.email,
              userId: user.id,
              ...mails.emailChangedNew({
                name: user.displayName,
                myPageUrl: `${deps.baseUrl}/mypage`,
              }),
            },
          ],
        });
        if (outcome === 'email_taken' || outcome === 'missing') return { ok: false, problem: outcome };
        if (outcome === 'already_completed') return { ok: true, sessionId: null };
        if (outcome === 'changed') {
          mailQueued();
          await deps.audit.record(
            {
              action: 'email_change.completed',
              userId: user.id,
              ip: meta.ip,
              userAgent: meta.userAgent,
              detail: { from: maskEmail(user.email), to: maskEmail(flow.email) },
            },
            now,
          );
          return { ok: true, sessionId: id };
        }
      }
      // A wrong code, or the right one that a parallel request used first.
      const latest = await flows.findByTokenHash(hashToken(token as string));
      if (latest && latest.state === 'completed') return { ok: true, sessionId: null };
      return wrongCode(flow, tried.tries, meta);
    },

    /**
     * パスワードの再設定: the same answer and the same work whether or not the address is a user's.
     * For an address that is no (active) user's the flow has no user and no code, and nothing is sent.
     */
    async startReset(
      rawEmail: string,
      meta: RequestMeta,
    ): Promise<
      | { ok: true; token: string }
      | { ok: false; fieldError: FieldError; value: string }
      | { ok: false; rateLimited: number; value: string }
    > {
      const value = toHalfWidthAscii(rawEmail);
      const parsed = parseEmail(rawEmail);
      if (!parsed.ok) return { ok: false, fieldError: { field: 'email', code: parsed.code }, value };
      const now = clock.now();
      const perAddress = await deps.rateLimiter.hit(
        // keyed by an HMAC of the address, so the counters table holds no address
        `password-reset:email:${hmacCode(deps.secret, 'reset-limit', parsed.key)}`,
        RESETS_PER_ADDRESS_PER_HOUR,
        3600,
        now,
      );
      if (!perAddress.allowed) return { ok: false, rateLimited: perAddress.retryAfterSeconds, value };
      const limited = await ipLimit(meta, now);
      if (limited !== null) return { ok: false, rateLimited: limited, value };
      const found = await deps.users.findByEmailKey(parsed.key);
      const user = found && found.status === 'active' ? found : null;
      const id = randomUUID();
      const token = newToken();
      const issued = codes.issue({ purpose: 'password_reset', flowId: id });
      await flows.create({
        id,
        purpose: 'password_reset',
        tokenHash: hashToken(token),
        userId: user?.id ?? null,
        email: parsed.email,
        emailKey: parsed.key,
        codeHmac: user ? issued.codeHmac : null,
        mail: user
          ? {
              template: 'password_reset_code',
              to: user.email,
              userId: user.id,
              ...resetCode(user.lang, issued.code),
            }
          : null,
        now,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
      if (user) mailQueued();
      await deps.audit.record(
        {
          action: 'password_reset.code_sent',
          userId: user?.id ?? null,
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { email: maskEmail(parsed.email), known: user !== null },
        },
        now,
      );
      return { ok: true, token };
    },

    resendReset: (token: string | undefined, meta: RequestMeta) => resend('password_reset', token, meta),

    async verifyReset(
      token: string | undefined,
      rawCode: string,
      meta: RequestMeta,
    ): Promise<
      | { ok: true }
      | { ok: false; problem: AccountFlowProblem }
      | { ok: false; fieldError: FieldError; triesLeft?: number }
    > {
      const loaded = await load('password_reset', token, ['code_sent', 'verified']);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      if (flow.state !== 'code_sent') return { ok: true }; // already verified (Back, reload, second tab)
      const tried = await tryCode(flow, rawCode);
      if (tried.kind === 'exhausted') return { ok: false, problem: 'exhausted' };
      if (tried.kind === 'invalid') return { ok: false, fieldError: tried.fieldError };
      if (tried.kind === 'match' && (await flows.consumeCode(flow.id, clock.now()))) {
        await deps.audit.record(
          {
            action: 'password_reset.code_verified',
            userId: flow.userId,
            ip: meta.ip,
            userAgent: meta.userAgent,
          },
          clock.now(),
        );
        return { ok: true };
      }
      const latest = await flows.findByTokenHash(hashToken(token as string));
      if (latest && latest.state !== 'code_sent') return { ok: true }; // a parallel request verified it
      return wrongCode(flow, tried.tries, meta);
    },

    /**
     * 新しいパスワードの設定: sets the password (clearing a sign-in hold), ends every session of the
     * user and signs this browser in. Returns the new session id for the cookie.
     */
    async completeReset(
      token: string | undefined,
      raw: { newPassword?: string; newPasswordConfirm?: string },
      meta: RequestMeta,
    ): Promise<
      | { ok: true; sessionId: string | null }
      | { ok: false; problem: AccountFlowProblem }
      | { ok: false; errors: FieldError[] }
    > {
      const loaded = await load('password_reset', token, ['verified', 'completed']);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      if (flow.state === 'completed') return { ok: true, sessionId: null };
      const user = flow.userId ? await deps.users.findById(flow.userId) : null;
      if (!user || user.status !== 'active') return { ok: false, problem: 'missing' };
      const password = raw.newPassword ?? '';
      const check = checkPassword(password, raw.newPasswordConfirm ?? '', user.email);
      const errors: FieldError[] = [];
      if (check.password) errors.push({ field: 'newPassword', code: check.password });
      if (check.confirm) errors.push({ field: 'newPasswordConfirm', code: check.confirm });
      if (errors.length > 0) return { ok: false, errors };
      const now = clock.now();
      const passwordHash = await deps.hasher.hash(password);
      const { id, session } = newSession(now);
      const mail = mailsIn(deps.templates, user.lang).passwordChanged({
        name: user.displayName,
        at: now,
        how: 'reset',
        resetUrl,
      });
      const done = await flows.completePasswordReset(flow.id, {
        passwordHash,
        session,
        mail: { template: 'password_changed', to: user.email, userId: user.id, ...mail },
        now,
      });
      if (!done) {
        const latest = await flows.findByTokenHash(hashToken(token as string));
        if (latest?.state === 'completed') return { ok: true, sessionId: null };
        return { ok: false, problem: 'missing' };
      }
      mailQueued();
      await deps.audit.record(
        { action: 'password_reset.completed', userId: user.id, ip: meta.ip, userAgent: meta.userAgent },
        now,
      );
      return { ok: true, sessionId: id };
    },

    /** The sweep: deletes every flow past its time, with its codes and code mails. */
    async sweepExpired(): Promise<number> {
      return flows.deleteExpired(clock.now());
    },
  };
}

export type AccountCodeUseCases = ReturnType<typeof accountCodeUseCases>;
