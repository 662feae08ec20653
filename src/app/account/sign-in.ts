/**
 * Signing in with the address and password. One message for every refusal, so nobody learns which
 * addresses exist; 5 failures in a row hold the account for 15 minutes; a per-IP limit besides.
 */
import { parseEmail } from '../../domain/email.js';
import type {
  AuditLog,
  Clock,
  MailQueued,
  OutgoingMail,
  PasswordHasher,
  RateLimiter,
  UserRecord,
  UserStore,
} from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';

export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCK_SECONDS = 15 * 60;
export const SIGN_INS_PER_IP_PER_10_MIN = 50;

export type SignInDeps = {
  users: UserStore;
  hasher: PasswordHasher;
  rateLimiter: RateLimiter;
  audit: AuditLog;
  clock: Clock;
  /** a hash to verify against when the address is unknown, so both cases take the same time */
  dummyHash: string;
  /** the security mail sent when failures put the account on hold (account.ts: signInLockNotice) */
  lockNotice?: (user: UserRecord) => OutgoingMail;
  /** told once the lock notice is queued (main.ts: this process's mail worker sends it at once) */
  mailQueued?: MailQueued;
};

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'suspended' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export function signInUseCases(deps: SignInDeps) {
  return {
    async signIn(rawEmail: string, password: string, meta: RequestMeta): Promise<SignInResult> {
      const now = deps.clock.now();
      if (meta.ip) {
        const limit = await deps.rateLimiter.hit(
          `sign-in:ip:${meta.ip}`,
          SIGN_INS_PER_IP_PER_10_MIN,
          600,
          now,
        );
        if (!limit.allowed)
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
      }
      const parsed = parseEmail(rawEmail);
      const user = parsed.ok ? await deps.users.findByEmailKey(parsed.key) : null;
      const valid = await deps.hasher.verify(user?.passwordHash ?? deps.dummyHash, password.slice(0, 256));
      if (!user) {
        await deps.audit.record({ action: 'session.sign_in_failed', ...meta }, now);
        return { ok: false, reason: 'invalid' };
      }
      const lockedUntil = await deps.users.lockedUntil(user.id);
      if (lockedUntil && lockedUntil.getTime() > now.getTime()) {
        await deps.audit.record(
          { action: 'session.sign_in_failed', userId: user.id, ...meta, detail: { held: true } },
          now,
        );
        return { ok: false, reason: 'invalid' };
      }
      if (!valid) {
        if (deps.lockNotice) {
          const locked = await deps.users.recordFailedSignInAndNotify(
            user.id,
            now,
            MAX_FAILED_SIGN_INS,
            SIGN_IN_LOCK_SECONDS,
            deps.lockNotice(user),
          );
          if (locked) deps.mailQueued?.();
        } else await deps.users.recordFailedSignIn(user.id, now, MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_SECONDS);
        await deps.audit.record({ action: 'session.sign_in_failed', userId: user.id, ...meta }, now);
        return { ok: false, reason: 'invalid' };
      }
      if (user.status === 'suspended') return { ok: false, reason: 'suspended' };
      await deps.users.recordSignIn(user.id, now);
      await deps.audit.record({ action: 'session.signed_in', userId: user.id, ...meta }, now);
      return { ok: true, userId: user.id };
    },
  };
}

export type SignInUseCases = ReturnType<typeof signInUseCases>;
