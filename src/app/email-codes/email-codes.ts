/**
 * The 6-digit code mailed to confirm an address, as registration, the e-mail change and the
 * password reset and guest applications use it: a code from the secure generator, stored
 * only as an HMAC bound to its owner; 5 tries in all, each counted before comparing; a resend at
 * most once a minute and 5 times, earlier codes staying valid; paste and full-width digits accepted.
 * The flow around it keeps its own time limit and states; the code is used in the transaction of
 * the flow's step (its store does that, with db/email-codes).
 */
import { toHalfWidthAscii } from '../../domain/normalize.js';
import type { FieldError } from '../../domain/profile.js';
import type { RateHit, RateLimiter } from '../shared/ports.js';
import { equalHex, hmacCode, newSixDigitCode } from '../shared/tokens.js';
import type { CodeOwner, EmailCodeStore, ResendInput } from './ports.js';

export const MAX_CODE_TRIES = 5;
export const MAX_CODES = 6; // the first code and 5 resends
export const RESEND_INTERVAL_SECONDS = 60;
/** three registrations' worth of codes (1 + 5 resends each) to one address in an hour */
export const CODE_MAILS_PER_ADDRESS_PER_HOUR = 18;

/**
 * Limits on code mail to an address not yet known (registration, guest applications): mail that
 * costs the city and could flood someone's mailbox. Per IP address (whatever the addresses) and per
 * address (whatever the IPs); counters are keyed by an HMAC of the address, so the limits table never
 * holds an address. Both flows share the counters. Returns seconds to wait, or null.
 */
export async function codeMailWait(
  deps: { secret: string; rateLimiter: RateLimiter; codeMailsPerIpPer10Min: number },
  ip: string | null,
  emailKey: string,
  now: Date,
): Promise<number | null> {
  const checks: RateHit[] = [
    {
      key: `code-mail:address:${hmacCode(deps.secret, 'address', emailKey)}`,
      limit: CODE_MAILS_PER_ADDRESS_PER_HOUR,
      windowSeconds: 3600,
    },
  ];
  // The IP first: mail refused for its IP does not count against the address.
  if (ip)
    checks.unshift({ key: `code-mail:ip:${ip}`, limit: deps.codeMailsPerIpPer10Min, windowSeconds: 600 });
  return deps.rateLimiter.hitEach(checks, now);
}

export type ResendRefusal = { ok: false; refused: 'too_soon' | 'too_many'; retryAfterSeconds: number };

export type CodeTry =
  | { kind: 'match'; tries: number }
  | { kind: 'wrong'; tries: number }
  | { kind: 'invalid'; fieldError: FieldError }
  | { kind: 'exhausted' };

export type WrongCode =
  { ok: false; problem: 'exhausted' } | { ok: false; fieldError: FieldError; triesLeft: number };

/**
 * What the HMAC of a code is bound to. Registration codes were bound to the flow id alone and the
 * account flows' to `account:<id>` before the codes shared a table; both stay, so that codes mailed
 * before then still verify.
 */
function hmacContext(owner: CodeOwner): string {
  if (owner.purpose === 'registration') return owner.flowId;
  if (owner.purpose === 'guest_application') return `guest:${owner.flowId}`;
  return `account:${owner.flowId}`;
}

export function emailCodeUseCases(deps: { codes: EmailCodeStore; secret: string }) {
  const hmacFor = (owner: CodeOwner, code: string) => hmacCode(deps.secret, hmacContext(owner), code);

  return {
    /** A new code for the owner: the digits for the mail, the HMAC for the store. */
    issue(owner: CodeOwner): { code: string; codeHmac: string } {
      const code = newSixDigitCode();
      return { code, codeHmac: hmacFor(owner, code) };
    },

    /**
     * Whether a resend may go now, by the codes sent so far; if so, the limits the store checks
     * again in its one conditional write (two racing resends cannot both pass).
     */
    async resendLimits(
      owner: CodeOwner,
      now: Date,
    ): Promise<{ ok: true; limits: Pick<ResendInput, 'notAfter' | 'maxCodes'> } | ResendRefusal> {
      const set = await deps.codes.find(owner);
      if (!set || set.codesSent >= MAX_CODES) return { ok: false, refused: 'too_many', retryAfterSeconds: 0 };
      const sinceLast = (now.getTime() - set.lastSentAt.getTime()) / 1000;
      if (sinceLast < RESEND_INTERVAL_SECONDS)
        return {
          ok: false,
          refused: 'too_soon',
          retryAfterSeconds: Math.ceil(RESEND_INTERVAL_SECONDS - sinceLast),
        };
      return {
        ok: true,
        limits: { notAfter: new Date(now.getTime() - RESEND_INTERVAL_SECONDS * 1000), maxCodes: MAX_CODES },
      };
    },

    /** The answer when the store refused a resend after all (a parallel one came first). */
    refusal(outcome: 'too_soon' | 'too_many'): ResendRefusal {
      return {
        ok: false,
        refused: outcome,
        retryAfterSeconds: outcome === 'too_soon' ? RESEND_INTERVAL_SECONDS : 0,
      };
    },

    /**
     * Normalises the code and counts the try (before comparing); input that is not six digits is
     * answered without counting. 'exhausted' once every try was used: the flow should end.
     */
    async tryCode(owner: CodeOwner, rawCode: string): Promise<CodeTry> {
      const code = toHalfWidthAscii(rawCode).replace(/[\s-]/g, '');
      if (code === '') return { kind: 'invalid', fieldError: { field: 'code', code: 'required' } };
      if (!/^\d{6}$/.test(code)) return { kind: 'invalid', fieldError: { field: 'code', code: 'format' } };
      const set = await deps.codes.countTry(owner, MAX_CODE_TRIES);
      if (set === null) return { kind: 'exhausted' };
      const hmac = hmacFor(owner, code);
      const match = set.usedAt === null && set.codeHmacs.some((h) => equalHex(h, hmac));
      return match ? { kind: 'match', tries: set.tries } : { kind: 'wrong', tries: set.tries };
    },

    /** After a wrong code: the flow ends at the fifth ('exhausted'), otherwise the tries left. */
    afterWrong(tries: number): WrongCode {
      if (tries >= MAX_CODE_TRIES) return { ok: false, problem: 'exhausted' };
      return { ok: false, fieldError: { field: 'code', code: 'wrong' }, triesLeft: MAX_CODE_TRIES - tries };
    },
  };
}

export type EmailCodeUseCases = ReturnType<typeof emailCodeUseCases>;
