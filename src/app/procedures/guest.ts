/**
 * ログインせずに申請する (procedures spec §6, decision 014): for a procedure that takes guests, the
 * address is confirmed with the e-mailed 6-digit code (app/email-codes, the registration's rules and
 * limits), and the right code makes the guest's draft: an application with no user, the address in
 * `guest_email` and the SHA-256 of a random secret. The browser holds the secret (the guest cookie)
 * and the receipt mail's link carries it; with it, and only with it, the guest reaches that one
 * application (procedures.ts ownApplication).
 *
 *   start(procedureId, email, meta, lang)   the address: a flow, its code mail; the flow's token for the browser
 *   load(token)                             the flow (code entry screen)
 *   resendCode(token, meta)                 認証コードを再送する (once a minute, 5 times)
 *   verifyCode(token, code, meta)           the code: the guest's draft and its secret (idempotent)
 *   sweepExpired()                          flows past their time, with their codes
 */
import { randomUUID } from 'node:crypto';
import { maskEmail, parseEmail } from '../../domain/email.js';
import { toHalfWidthAscii } from '../../domain/normalize.js';
import type { FieldError } from '../../domain/profile.js';
import { DRAFT_TTL_DAYS } from '../../domain/procedures/states.js';
import type { Lang } from '../../messages/i18n.js';
import { codeMailWait as codeMailWaitFor, emailCodeUseCases } from '../email-codes/email-codes.js';
import type { EmailCodeStore } from '../email-codes/ports.js';
import type { AuditLog, Clock, MailQueued, RateLimiter } from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import { hashToken, hmacCode, newToken } from '../shared/tokens.js';
import type { GuestFlowRecord, GuestFlowStore, GuestMailTemplates, StoredAnswers } from './ports.js';

/** What the guest flow needs of its own (wire() gives it; procedures.ts adds the rest). */
export type GuestDeps = {
  flows: GuestFlowStore;
  codes: EmailCodeStore;
  rateLimiter: RateLimiter;
  templates: Record<Lang, GuestMailTemplates>;
  /** the server's secret: the codes' HMAC, the address counters' keys, the guest secret */
  secret: string;
  /** the code's time limit (registration's) */
  ttlSeconds: number;
  codeMailsPerIpPer10Min: number;
  startsPerIpPer10Min: number;
  mailDomain: string;
};

/** What procedures.ts gives: the procedure as the catalogue sees it, and its form's first page. */
export type GuestProcedureLookup = (procedureId: string) => Promise<{
  guestAllowed: boolean;
  open: boolean;
  name: Record<Lang, string>;
  firstPage: string;
  /** the draft's first answers: the confirmed address in the fields prefilled with the e-mail */
  initialAnswers: (email: string) => StoredAnswers;
} | null>;

export type GuestFlowProblem = 'missing' | 'expired';

const DAY_MS = 86400 * 1000;

export function guestApplicationUseCases(
  deps: GuestDeps & {
    audit: AuditLog;
    clock: Clock;
    mailQueued: MailQueued;
    lookup: GuestProcedureLookup;
  },
) {
  const { flows, clock } = deps;
  const ttlMs = deps.ttlSeconds * 1000;
  const codes = emailCodeUseCases({ codes: deps.codes, secret: deps.secret });
  const ownerOf = (flowId: string) => ({ purpose: 'guest_application' as const, flowId });
  /**
   * The guest's secret, from the flow's token (which only the browser has): a repeated request with
   * the same token (a double submit) gets the same secret, and the store keeps only its hash.
   */
  const secretOf = (token: string) => hmacCode(deps.secret, 'guest-application', token);

  async function load(
    token: string | undefined,
  ): Promise<{ ok: true; flow: GuestFlowRecord } | { ok: false; problem: GuestFlowProblem }> {
    if (!token || token.length > 100) return { ok: false, problem: 'missing' };
    const flow = await flows.findByTokenHash(hashToken(token));
    if (!flow) return { ok: false, problem: 'missing' };
    if (flow.expiresAt.getTime() <= clock.now().getTime()) {
      if (!flow.applicationId) await flows.delete(flow.id);
      return { ok: false, problem: 'expired' };
    }
    return { ok: true, flow };
  }

  const codeMailWait = (ip: string | null, emailKey: string, now: Date) =>
    codeMailWaitFor(deps, ip, emailKey, now);

  function codeMail(lang: Lang, to: string, procedureName: string, code: string) {
    const m = deps.templates[lang].guestCode({
      procedureName,
      code,
      ttlSeconds: deps.ttlSeconds,
      mailDomain: deps.mailDomain,
    });
    return { template: 'guest_application_code', to, ...m };
  }

  return {
    load,

    /**
     * The address for ログインせずに申請する: refused ('not_found') for a procedure that takes no
     * guests or is unknown, 'not_accepting' when it is closed. A flow begins and its code is mailed;
     * starts are limited per IP address as registration's are, code mails as registration's.
     */
    async start(
      procedureId: string,
      rawEmail: string,
      meta: RequestMeta,
      lang: Lang,
    ): Promise<
      | { ok: true; token: string; email: string }
      | { ok: false; problem: 'not_found' | 'not_accepting' }
      | { ok: false; fieldError: FieldError; value: string }
      | { ok: false; rateLimited: number; value: string }
    > {
      const procedure = await deps.lookup(procedureId);
      if (!procedure || !procedure.guestAllowed) return { ok: false, problem: 'not_found' };
      if (!procedure.open) return { ok: false, problem: 'not_accepting' };
      const parsed = parseEmail(rawEmail);
      const value = toHalfWidthAscii(rawEmail);
      if (!parsed.ok) return { ok: false, fieldError: { field: 'email', code: parsed.code }, value };
      const now = clock.now();
      if (meta.ip) {
        const limit = await deps.rateLimiter.hit(
          `guest-start:ip:${meta.ip}`,
          deps.startsPerIpPer10Min,
          600,
          now,
        );
        if (!limit.allowed) return { ok: false, rateLimited: limit.retryAfterSeconds, value };
      }
      const wait = await codeMailWait(meta.ip, parsed.key, now);
      if (wait !== null) return { ok: false, rateLimited: wait, value };
      const token = newToken();
      // The code's HMAC is bound to the flow's id: the id is made here, before the row.
      const id = randomUUID();
      const issued = codes.issue(ownerOf(id));
      await flows.start({
        id,
        tokenHash: hashToken(token),
        procedureId,
        lang,
        email: parsed.email,
        emailKey: parsed.key,
        codeHmac: issued.codeHmac,
        mail: codeMail(lang, parsed.email, procedure.name[lang], issued.code),
        now,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
      deps.mailQueued();
      await deps.audit.record(
        {
          action: 'application.guest_code_sent',
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { procedure: procedureId, email: maskEmail(parsed.email) },
        },
        now,
      );
      return { ok: true, token, email: parsed.email };
    },

    /** 認証コードを再送する: at most once a minute and 5 times; earlier codes stay valid. */
    async resendCode(
      token: string | undefined,
      meta: RequestMeta,
    ): Promise<
      | { ok: true }
      | { ok: false; problem: GuestFlowProblem | 'verified' }
      | { ok: false; refused: 'too_soon' | 'too_many'; retryAfterSeconds: number }
      | { ok: false; rateLimited: number }
    > {
      const loaded = await load(token);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      if (flow.applicationId) return { ok: false, problem: 'verified' };
      const now = clock.now();
      const allowed = await codes.resendLimits(ownerOf(flow.id), now);
      if (!allowed.ok) return allowed;
      const wait = await codeMailWait(meta.ip, flow.emailKey, now);
      if (wait !== null) return { ok: false, rateLimited: wait };
      const procedure = await deps.lookup(flow.procedureId);
      const issued = codes.issue(ownerOf(flow.id));
      const result = await flows.resendCode(flow.id, {
        codeHmac: issued.codeHmac,
        mail: codeMail(flow.lang, flow.email, procedure?.name[flow.lang] ?? '', issued.code),
        now,
        expiresAt: flow.expiresAt,
        ...allowed.limits,
      });
      if (result !== 'sent') return codes.refusal(result);
      deps.mailQueued();
      await deps.audit.record(
        {
          action: 'application.guest_code_sent',
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { procedure: flow.procedureId, email: maskEmail(flow.email), resend: true },
        },
        now,
      );
      return { ok: true };
    },

    /**
     * The code: each try counted before comparing, the fifth wrong one ends the flow. The right
     * one makes the guest's draft (once: a repeated request gets the same draft and secret).
     */
    async verifyCode(
      token: string | undefined,
      rawCode: string,
      meta: RequestMeta,
    ): Promise<
      | { ok: true; applicationId: string; secret: string; page: string; expiresAt: Date }
      | { ok: false; problem: GuestFlowProblem | 'exhausted' | 'not_found' }
      | { ok: false; fieldError: FieldError; triesLeft?: number }
    > {
      const loaded = await load(token);
      if (!loaded.ok) return loaded;
      const flow = loaded.flow;
      const secret = secretOf(token as string);
      const procedure = await deps.lookup(flow.procedureId);
      if (!procedure) return { ok: false, problem: 'not_found' };
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + DRAFT_TTL_DAYS * DAY_MS);
      const done = (applicationId: string) => ({
        ok: true as const,
        applicationId,
        secret,
        page: procedure.firstPage,
        expiresAt,
      });
      if (flow.applicationId) return done(flow.applicationId); // Back, reload, a second tab
      const tried = await codes.tryCode(ownerOf(flow.id), rawCode);
      if (tried.kind === 'invalid') return { ok: false, fieldError: tried.fieldError };
      if (tried.kind === 'exhausted') {
        await flows.delete(flow.id);
        return { ok: false, problem: 'exhausted' };
      }
      if (tried.kind === 'match') {
        const made = await flows.verify(flow.id, {
          procedureId: flow.procedureId,
          guestEmail: flow.email,
          guestLang: flow.lang,
          guestSecretHash: hashToken(secret),
          answers: procedure.initialAnswers(flow.email),
          now,
          expiresAt,
        });
        if (made.outcome === 'created')
          await deps.audit.record(
            {
              action: 'application.guest_draft_started',
              ip: meta.ip,
              userAgent: meta.userAgent,
              detail: { procedure: flow.procedureId, applicationId: made.applicationId },
            },
            now,
          );
        if (made.applicationId) return done(made.applicationId);
      }
      await deps.audit.record(
        {
          action: 'application.guest_code_failed',
          ip: meta.ip,
          userAgent: meta.userAgent,
          detail: { tries: tried.tries },
        },
        now,
      );
      const wrong = codes.afterWrong(tried.tries);
      if ('problem' in wrong) await flows.delete(flow.id);
      return wrong;
    },

    /** The sweep: flows past their time, with their codes (the drafts go by their own expiry). */
    sweepExpired: () => flows.deleteExpired(clock.now()),
  };
}

export type GuestApplicationUseCases = ReturnType<typeof guestApplicationUseCases>;
