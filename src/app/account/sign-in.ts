/**
 * Signing in with the address and password. One message for every refusal, so nobody learns which
 * addresses exist; a per-IP limit besides.
 *
 * Lockout follows OWASP's device cookies (docs/decisions/account-device-cookies.md): a successful
 * sign-in gives the browser a signed cookie naming the user and a nonce. Failures from a browser
 * that presents a valid one for the account count against that cookie only (5 in 15 minutes hold
 * that cookie); failures from any other browser count against the account's lockout for unknown
 * browsers (5 in a row hold them all for 15 minutes), which the owner's browser does not obey.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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
import type { DeviceLockouts } from './ports.js';

export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCK_SECONDS = 15 * 60;
export const SIGN_INS_PER_IP_PER_10_MIN = 50;
/** a device cookie's own allowance: this many failures within the lock time hold that cookie */
export const MAX_FAILED_SIGN_INS_PER_DEVICE = 5;

/** The device cookie's value: `<user id>.<nonce>.<HMAC of both>`. */
export function deviceCookieValue(secret: string, userId: string, nonce: string): string {
  return `${userId}.${nonce}.${deviceMac(secret, userId, nonce)}`;
}

function deviceMac(secret: string, userId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`device:${userId}.${nonce}`).digest('base64url');
}

/** The user and nonce of a device cookie whose signature holds; null for anything else. */
export function readDeviceCookie(
  secret: string,
  value: string | undefined,
): { userId: string; nonce: string } | null {
  const m = value?.match(/^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/);
  if (!m) return null;
  const [, userId = '', nonce = '', mac = ''] = m;
  const want = Buffer.from(deviceMac(secret, userId, nonce));
  const got = Buffer.from(mac);
  return want.length === got.length && timingSafeEqual(want, got) ? { userId, nonce } : null;
}

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
  /** the device cookies' failure counters and the key that signs them; without them, no device cookies */
  devices?: { lockouts: DeviceLockouts; secret: string };
};

export type SignInResult =
  /** `deviceCookie`: the browser's new device cookie, when device cookies are on */
  | { ok: true; userId: string; deviceCookie?: string }
  | { ok: false; reason: 'invalid' | 'suspended' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export function signInUseCases(deps: SignInDeps) {
  return {
    /** `deviceCookie`: the value of the browser's device cookie, if it sent one. */
    async signIn(
      rawEmail: string,
      password: string,
      meta: RequestMeta,
      deviceCookie?: string,
    ): Promise<SignInResult> {
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
      // A device cookie counts only for the account it names.
      const devices = deps.devices;
      const device = devices ? readDeviceCookie(devices.secret, deviceCookie) : null;
      const deviceKey = device && device.userId === user.id ? `sign-in:device:${device.nonce}` : null;
      const refuseHeld = async (): Promise<SignInResult> => {
        await deps.audit.record(
          {
            action: 'session.sign_in_failed',
            userId: user.id,
            ...meta,
            detail: { held: true, knownDevice: deviceKey !== null },
          },
          now,
        );
        return { ok: false, reason: 'invalid' };
      };
      // The account's hold on unknown browsers is checked by the statement that records a sign-in
      // (below) when that is where this one goes; otherwise it is looked up first, as the device's.
      const checkedOnRecord = deviceKey === null && valid && user.status === 'active';
      const held =
        devices && deviceKey
          ? await devices.lockouts.heldUntil(
              deviceKey,
              MAX_FAILED_SIGN_INS_PER_DEVICE,
              SIGN_IN_LOCK_SECONDS,
              now,
            )
          : checkedOnRecord
            ? null
            : await deps.users.lockedUntil(user.id);
      if (held && held.getTime() > now.getTime()) return refuseHeld();
      if (!valid) {
        if (devices && deviceKey)
          await devices.lockouts.fail(deviceKey, MAX_FAILED_SIGN_INS_PER_DEVICE, SIGN_IN_LOCK_SECONDS, now);
        else if (deps.lockNotice) {
          const locked = await deps.users.recordFailedSignInAndNotify(
            user.id,
            now,
            MAX_FAILED_SIGN_INS,
            SIGN_IN_LOCK_SECONDS,
            deps.lockNotice(user),
          );
          if (locked) deps.mailQueued?.();
        } else await deps.users.recordFailedSignIn(user.id, now, MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_SECONDS);
        await deps.audit.record(
          {
            action: 'session.sign_in_failed',
            userId: user.id,
            ...meta,
            ...(deviceKey ? { detail: { knownDevice: true } } : {}),
          },
          now,
        );
        return { ok: false, reason: 'invalid' };
      }
      if (user.status === 'suspended') return { ok: false, reason: 'suspended' };
      // The owner's browser leaves the hold on unknown browsers as it is: it may be someone
      // guessing right now.
      const signedIn = { action: 'session.signed_in', userId: user.id, ...meta };
      if (!(await deps.users.recordSignIn(user.id, now, deviceKey === null, signedIn))) return refuseHeld();
      if (!devices) return { ok: true, userId: user.id };
      // A new nonce at every sign-in (OWASP): a cookie copied earlier stops counting as this browser.
      const nonce = randomBytes(16).toString('base64url');
      return { ok: true, userId: user.id, deviceCookie: deviceCookieValue(devices.secret, user.id, nonce) };
    },
  };
}

export type SignInUseCases = ReturnType<typeof signInUseCases>;
