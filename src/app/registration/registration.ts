/**
 * The registration flow of the seed (screens 2–7) as use cases. Each step loads the flow by the
 * browser's token, refuses it once expired (deleting it), and moves it to the next state. The
 * state machine is drawn in docs/registration-flow.md.
 */
import { parseEmail, maskEmail } from '../../domain/email.js';
import { toHalfWidthAscii } from '../../domain/normalize.js';
import { checkPassword } from '../../domain/password.js';
import {
  displayName,
  parseProfile,
  type FieldError,
  type Profile,
  type UserKind,
} from '../../domain/profile.js';
import type {
  AuditLog,
  Clock,
  MailQueued,
  NewUser,
  PasswordHasher,
  RateLimiter,
  UserStore,
} from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import { japanToday } from '../shared/japan-date.js';
import { hashToken, newToken } from '../shared/tokens.js';
import type { EmailCodeStore } from '../email-codes/ports.js';
import { codeMailWait as codeMailWaitFor, emailCodeUseCases } from '../email-codes/email-codes.js';
import type { MailTemplates, RegistrationRecord, RegistrationStore } from './ports.js';
import type { Lang } from '../../messages/i18n.js';

export type RegistrationDeps = {
  registrations: RegistrationStore;
  /** the flows' e-mailed codes (shared with the account flows) */
  codes: EmailCodeStore;
  users: UserStore;
  hasher: PasswordHasher;
  rateLimiter: RateLimiter;
  audit: AuditLog;
  /** the mails in each language; a flow's mail is written in the language its person uses */
  templates: Record<Lang, MailTemplates>;
  clock: Clock;
  secret: string;
  ttlSeconds: number;
  codeMailsPerIpPer10Min: number;
  startsPerIpPer10Min: number;
  mailDomain: string;
  baseUrl: string;
  /** told once a step's mail is queued (main.ts: this process's mail worker sends it at once) */
  mailQueued?: MailQueued;
};

/** Why a step cannot go on: the flow is gone, too old, or not at this step yet. */
export type FlowProblem = 'missing' | 'expired' | 'wrong_step';

type Loaded = { ok: true; flow: RegistrationRecord } | { ok: false; problem: FlowProblem };

export function registrationUseCases(deps: RegistrationDeps) {
  const { registrations, clock } = deps;
  const ttlMs = deps.ttlSeconds * 1000;
  const mailQueued = deps.mailQueued ?? (() => undefined);
  const codes = emailCodeUseCases({ codes: deps.codes, secret: deps.secret });
  const ownerOf = (flowId: string) => ({ purpose: 'registration' as const, flowId });

  async function load(token: string | undefined, states: RegistrationRecord['state'][]): Promise<Loaded> {
    if (!token) return { ok: false, problem: 'missing' };
    const flow = await registrations.findByTokenHash(hashToken(token));
    if (!flow) return { ok: false, problem: 'missing' };
    if (flow.expiresAt.getTime() <= clock.now().getTime()) {
      await registrations.delete(flow.id);
      return { ok: false, problem: 'expired' };
    }
    if (!states.includes(flow.state)) return { ok: false, problem: 'wrong_step' };
    return { ok: true, flow };
  }

  const codeMailWait = (ip: string | null, emailKey: string, now: Date) =>
    codeMailWaitFor(deps, ip, emailKey, now);

  function codeMail(lang: Lang, to: string, code: string) {
    const m = deps.templates[lang].registrationCode({
      code,
      ttlSeconds: deps.ttlSeconds,
      mailDomain: deps.mailDomain,
    });
    return { template: 'registration_code', to, ...m };
  }

  function takenMail(lang: Lang, to: string) {
    const m = deps.templates[lang].registrationAttemptOnExistingAccount({
      signInUrl: `${deps.baseUrl}/login`,
      resetUrl: `${deps.baseUrl}/password-reset`,
    });
    return { template: 'registration_attempt_existing', to, ...m };
  }

  return {
    load,

    /**
     * Why a flow the store no longer has is gone, from the expiry its browser remembered (the flow
     * cookie keeps it; docs/decisions/012-expired-flow-told-apart.md): past it, the time limit ran out
     * and the sweep deleted it; otherwise (or unknown) it is simply missing.
     */
    whyGone(rememberedExpiry: Date | null): 'expired' | 'missing' {
      return rememberedExpiry !== null && rememberedExpiry.getTime() <= clock.now().getTime()
        ? 'expired'
        : 'missing';
    },

    /** Screen 2 → 3: the terms were accepted; a flow begins. Returns the token for the browser. */
    async begin(kind: UserKind, meta?: RequestMeta, lang: Lang = 'ja'): Promise<{ token: string }> {
      const token = newToken();
      const now = clock.now();
      await registrations.create({
        tokenHash: hashToken(token),
        kind,
        lang,
        now,
        expiresAt: new Date(now.getTime() + ttlMs),
        audit: { action: 'registration.started', ...meta, detail: { kind } },
      });
      return { token };
    },

    /**
     * 利用者の登録を開始する, as a person (or a script) sends it: a flow costs a row and an audit
     * entry, so one IP address may start at most `startsPerIpPer10Min` of them (a household or an office behind one address fits easily).
     */
    async start(
      kind: UserKind,
      meta: RequestMeta,
      lang: Lang,
    ): Promise<{ ok: true; token: string } | { ok: false; rateLimited: number }> {
      if (meta.ip) {
        const limit = await deps.rateLimiter.hit(
          `flow-start:ip:${meta.ip}`,
          deps.startsPerIpPer10Min,
          600,
          clock.now(),
        );
        if (!limit.allowed) return { ok: false, rateLimited: limit.retryAfterSeconds };
      }
      return { ok: true, ...(await this.begin(kind, meta, lang)) };
    },

    /**
     * Screen 3: the address. Sends the code (or, for an address that is already a user's, a notice
     * instead) and starts the 30 minutes. A flow that already had an address is replaced by a new
     * one, so the new token must be given to the browser.
     */
    async submitEmail(
      token: string | undefined,
      rawEmail: string,
      meta: RequestMeta,
    ): Promise<
      | { ok: true; token: string }
      | { ok: false; problem: FlowProblem }
      | { ok: false; fieldError: FieldError; value: string }
      | { ok: false; rateLimited: number }
    > {
      const loaded = await load(token, ['started', 'code_sent', 'verified', 'profile_entered']);
      if (!loaded.ok) return loaded;
      const parsed = parseEmail(rawEmail);
      if (!parsed.ok)
        return {
          ok: false,
          fieldError: { field: 'email', code: parsed.code },
          value: toHalfWidthAscii(rawEmail),
        };
      // Back on screen 3 (Back button, reload) with the same address: the codes already sent stay
      // valid and nothing more is mailed; the person goes on where they were.
      if (loaded.flow.state !== 'started' && loaded.flow.emailKey === parsed.key)
        return { ok: true, token: token as string };
      const now = clock.now();
      const wait = await codeMailWait(meta.ip, parsed.key, now);
      if (wait !== null) return { ok: false, rateLimited: wait };
      let flow = loaded.flow;
      let flowToken = token as string;
      if (flow.state !== 'started') {
        // Coming back to screen 3 with another address: the old registration is discarded at once.
        await registrations.delete(flow.id);
        const fresh = await this.begin(flow.kind, meta, flow.lang);
        flowToken = fresh.token;
        const reloaded = await registrations.findByTokenHash(hashToken(flowToken));
        if (!reloaded) return { ok: false, problem: 'missing' };
        flow = reloaded;
      }
      const existing = await deps.users.findByEmailKey(parsed.key);
      const issued = codes.issue(ownerOf(flow.id));
      await registrations.startCodeStep(flow.id, {
        email: parsed.email,
        emailKey: parsed.key,
        addressTaken: existing !== null,
        codeHmac: existing ? null : issued.codeHmac,
        mail: existing
          ? { ...takenMail(existing.lang, parsed.email), userId: existing.id }
          : codeMail(flow.lang, parsed.email, issued.code),
        now,
        expiresAt: new Date(now.getTime() + ttlMs),
        audit: {
          action: 'registration.code_sent',
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { email: maskEmail(parsed.email), kind: flow.kind },
        },
      });
      mailQueued();
      return { ok: true, token: flowToken };
    },

    /** Screen 4: 認証コードを再送する. At most once a minute and 5 times; earlier codes stay valid. */
    async resendCode(
      token: string | undefined,
      meta: RequestMeta,
    ): Promise<
      | { ok: true }
      | { ok: false; problem: FlowProblem }
      | { ok: false; refused: 'too_soon' | 'too_many'; retryAfterSeconds: number }
      | { ok: false; rateLimited: number }
    > {
      const loaded = await load(token, ['code_sent']);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      const now = clock.now();
      const allowed = await codes.resendLimits(ownerOf(flow.id), now);
      if (!allowed.ok) return allowed;
      const wait = await codeMailWait(meta.ip, flow.emailKey ?? '', now);
      if (wait !== null) return { ok: false, rateLimited: wait };
      const email = flow.email as string;
      const issued = codes.issue(ownerOf(flow.id));
      const result = await registrations.resendCode(flow.id, {
        codeHmac: flow.addressTaken ? null : issued.codeHmac,
        // For a taken address nothing more is mailed: the one notice is enough, and the screen is the same.
        mail: flow.addressTaken ? null : codeMail(flow.lang, email, issued.code),
        now,
        expiresAt: new Date(now.getTime() + ttlMs),
        ...allowed.limits,
      });
      if (result !== 'sent') return codes.refusal(result);
      if (!flow.addressTaken) mailQueued();
      await deps.audit.record(
        {
          action: 'registration.code_sent',
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { email: maskEmail(email), resend: true },
        },
        now,
      );
      return { ok: true };
    },

    /** 別のメールアドレスで登録する: the pending registration is deleted at once; a new flow of the same kind begins. */
    async useDifferentAddress(
      token: string | undefined,
    ): Promise<{ ok: true; token: string } | { ok: false; problem: FlowProblem }> {
      const loaded = await load(token, ['started', 'code_sent', 'verified', 'profile_entered']);
      if (!loaded.ok) return loaded;
      await registrations.delete(loaded.flow.id);
      return { ok: true, token: (await this.begin(loaded.flow.kind, undefined, loaded.flow.lang)).token };
    },

    /** Screen 4: the code. Each try is counted before comparing; the fifth wrong one ends the flow. */
    async verifyCode(
      token: string | undefined,
      rawCode: string,
      meta: RequestMeta,
    ): Promise<
      | { ok: true }
      | { ok: false; problem: FlowProblem | 'exhausted' }
      | { ok: false; fieldError: FieldError; triesLeft?: number }
    > {
      const loaded = await load(token, ['code_sent', 'verified', 'profile_entered']);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      if (flow.state !== 'code_sent') return { ok: true }; // already verified (Back, reload, second tab)
      const tried = await codes.tryCode(ownerOf(flow.id), rawCode);
      if (tried.kind === 'invalid') return { ok: false, fieldError: tried.fieldError };
      if (tried.kind === 'exhausted') {
        await registrations.delete(flow.id);
        return { ok: false, problem: 'exhausted' };
      }
      const now = clock.now();
      const verified = { action: 'registration.code_verified', ip: meta.ip, userAgent: meta.userAgent };
      if (tried.kind === 'match' && (await registrations.consumeCode(flow.id, now, verified)))
        return { ok: true };
      const latest = await registrations.findByTokenHash(hashToken(token as string));
      if (latest && latest.state !== 'code_sent') return { ok: true }; // a parallel request (double submit) verified it
      await deps.audit.record(
        {
          action: 'registration.code_failed',
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { tries: tried.tries },
        },
        now,
      );
      const wrong = codes.afterWrong(tried.tries);
      if ('problem' in wrong) await registrations.delete(flow.id);
      return wrong;
    },

    /** Screen 5: the profile and password. Left empty on a return from screen 6, the password is kept. */
    async submitProfile(
      token: string | undefined,
      raw: Record<string, string | undefined>,
    ): Promise<
      | { ok: true }
      | { ok: false; problem: FlowProblem }
      | { ok: false; errors: FieldError[]; values: Record<string, string> }
    > {
      const loaded = await load(token, ['verified', 'profile_entered']);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      const parsed = parseProfile(flow.kind, raw, japanToday(clock.now()));
      const errors = parsed.ok ? [] : [...parsed.errors];
      const password = raw.password ?? '';
      const confirm = raw.passwordConfirm ?? '';
      const keepPassword = password === '' && confirm === '' && flow.passwordHash !== null;
      if (!keepPassword) {
        const pw = checkPassword(password, confirm, flow.email ?? '');
        if (pw.password) errors.unshift({ field: 'password', code: pw.password });
        if (pw.confirm) errors.splice(pw.password ? 1 : 0, 0, { field: 'passwordConfirm', code: pw.confirm });
      }
      if (errors.length > 0) return { ok: false, errors, values: parsed.values };
      const passwordHash = keepPassword ? null : await deps.hasher.hash(password);
      await registrations.saveProfile(flow.id, parsed.values, passwordHash);
      return { ok: true };
    },

    /** 入力に戻る on screen 6. */
    async backToProfile(
      token: string | undefined,
    ): Promise<{ ok: true } | { ok: false; problem: FlowProblem }> {
      const loaded = await load(token, ['verified', 'profile_entered']);
      if (!loaded.ok) return loaded;
      await registrations.reopenProfile(loaded.flow.id);
      return { ok: true };
    },

    /** Screen 6 → 7: 登録する (after the dialog's OK). Creates the user exactly once. */
    async confirm(
      token: string | undefined,
      meta: RequestMeta,
    ): Promise<
      { ok: true; userId: string; firstTime: boolean } | { ok: false; problem: FlowProblem | 'email_taken' }
    > {
      const loaded = await load(token, ['profile_entered', 'completed']);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      if (flow.state === 'completed' && flow.userId)
        return { ok: true, userId: flow.userId, firstTime: false };
      const now = clock.now();
      const parsed = parseProfile(flow.kind, flow.profileValues ?? {}, japanToday(now));
      if (!parsed.ok || !flow.passwordHash || !flow.email || !flow.emailKey)
        return { ok: false, problem: 'wrong_step' };
      if (flow.addressTaken) {
        // Only reachable by someone who had no code for the address; refuse without telling more.
        return { ok: false, problem: 'wrong_step' };
      }
      const user = toNewUser(parsed.profile, flow.lang, flow.email, flow.emailKey, flow.passwordHash);
      const name = displayName(parsed.profile);
      const mail = deps.templates[flow.lang].registrationComplete({
        name,
        kind: flow.kind,
        myPageUrl: `${deps.baseUrl}/mypage`,
      });
      const result = await registrations.complete(
        flow.id,
        user,
        { template: 'registration_complete', to: flow.email, ...mail },
        now,
        {
          action: 'registration.completed',
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { kind: flow.kind },
        },
      );
      if (result.outcome === 'email_taken') return { ok: false, problem: 'email_taken' };
      if (result.outcome === 'not_ready') return { ok: false, problem: 'wrong_step' };
      if (result.outcome === 'created') mailQueued();
      return { ok: true, userId: result.userId, firstTime: result.outcome === 'created' };
    },

    /** The sweep: deletes every flow past its time, with its codes and code mails. */
    async sweepExpired(): Promise<number> {
      return registrations.deleteExpired(clock.now());
    },
  };
}

export type RegistrationUseCases = ReturnType<typeof registrationUseCases>;

function toNewUser(p: Profile, lang: Lang, email: string, emailKey: string, passwordHash: string): NewUser {
  const { kind, notify, ...profile } = p as Profile & { notify: boolean };
  return {
    kind,
    lang,
    email,
    emailKey,
    passwordHash,
    notify,
    profile: profile as unknown as Record<string, string | null>,
  };
}
