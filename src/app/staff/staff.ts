/**
 * City staff: accounts created by a command or by an admin (a single-use enrolment URL, no
 * password sent anywhere), enrolment with a password and TOTP, sign-in in two steps (password,
 * then the authenticator's code), sessions of their own (idle 15 min, absolute 8 h), the lockout
 * after 5 failures in a row, the admin's staff management and 再設定用のURLを発行する (a new
 * enrolment for a lost authenticator). Every action is audited with the staff id.
 */
import { maskEmail, parseEmail } from '../../domain/email.js';
import type { AuditLog, Clock, PasswordHasher, RateLimiter } from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import { checkStaffPassword, STAFF_PASSWORD_MESSAGES } from './password.js';
import type { StaffRecord, StaffRole, StaffSessionStore, StaffStore } from './ports.js';
import { equalHex, hashToken, newToken } from '../shared/tokens.js';
import {
  base32Encode,
  decryptSecret,
  encryptSecret,
  newTotpSecret,
  otpauthUri,
  totpKey,
  verifyTotp,
} from './totp.js';

export const STAFF_MAX_FAILURES = 5;
export const STAFF_LOCK_SECONDS = 15 * 60;
export const STAFF_IDLE_SECONDS = 15 * 60;
export const STAFF_ABSOLUTE_SECONDS = 8 * 3600;
/** time to type the code after the password */
export const STAFF_CODE_STAGE_SECONDS = 5 * 60;
export const STAFF_ENROL_SECONDS = 24 * 3600;
export const STAFF_SIGN_INS_PER_IP_PER_10_MIN = 50;
export const TOTP_ISSUER = 'オンライン手続かわさき（職員）';

export type StaffDeps = {
  staff: StaffStore;
  sessions: StaffSessionStore;
  hasher: PasswordHasher;
  rateLimiter: RateLimiter;
  audit: AuditLog;
  clock: Clock;
  sessionSecret: string;
  baseUrl: string;
  /** a hash to verify against when the address is unknown, so both cases take the same time */
  dummyHash: string;
};

/** The signed-in staff member as the web layer sees it (no hashes, no secret). */
export type StaffMember = {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
};

export type CurrentStaff =
  | { status: 'signed_in'; staff: StaffMember }
  | { status: 'password_ok'; staff: StaffMember }
  | { status: 'timed_out' }
  | { status: 'none' };

export type FieldErrors = { field: string; message: string }[];

const ROLES: readonly StaffRole[] = ['admin', 'operator'];

export function isStaffRole(v: string): v is StaffRole {
  return (ROLES as readonly string[]).includes(v);
}

function member(s: StaffRecord): StaffMember {
  return { id: s.id, email: s.email, name: s.name, role: s.role };
}

export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
  }
}

export function staffUseCases(deps: StaffDeps) {
  const { staff, sessions, clock, audit } = deps;
  const key = totpKey(deps.sessionSecret);

  const secretOf = (s: StaffRecord): Buffer | null => {
    if (!s.totpSecretEnc) return null;
    try {
      return decryptSecret(key, s.totpSecretEnc, s.id);
    } catch {
      return null; // another SESSION_SECRET: the staff member must enrol again
    }
  };

  async function newSession(staffId: string, stage: 'password_ok' | 'signed_in'): Promise<string> {
    const id = newToken();
    await sessions.create(hashToken(id), staffId, stage, clock.now());
    return id;
  }

  async function loadPendingByToken(token: string | undefined) {
    if (!token || token.length > 100) return { ok: false as const, problem: 'invalid' as const };
    const s = await staff.findByEnrolTokenHash(hashToken(token));
    if (!s || s.status !== 'pending') return { ok: false as const, problem: 'invalid' as const };
    if (!s.enrolExpiresAt || s.enrolExpiresAt.getTime() <= clock.now().getTime())
      return { ok: false as const, problem: 'expired' as const };
    return { ok: true as const, staff: s };
  }

  function requireAdmin(actor: StaffMember): void {
    if (actor.role !== 'admin') throw new ForbiddenError();
  }

  /**
   * The first administrator's setup URL of this process (see openFirstAdminSetup): the hash of its
   * token, kept in memory only, so it lasts while the process runs and works once.
   */
  let setupTokenHash: string | null = null;
  const setupTokenValid = (token: string | undefined): boolean =>
    setupTokenHash !== null && !!token && token.length <= 100 && equalHex(hashToken(token), setupTokenHash);

  /** How an account came to be, as the audit log says it. */
  type CreatedBy = 'admin' | 'command' | 'setup';

  async function createAccount(
    input: { email: string; role: string; name?: string | null },
    by: CreatedBy,
    /** the admin who adds the account (職員を追加), or only the request (the setup URL) */
    actor?: { staff?: StaffMember; meta: RequestMeta },
  ): Promise<
    | { ok: true; id: string; enrolUrl: string; expiresAt: Date }
    | { ok: false; errors: FieldErrors; reason: 'invalid' | 'taken' }
  > {
    const errors: FieldErrors = [];
    const parsed = parseEmail(input.email);
    if (!parsed.ok)
      errors.push({
        field: 'email',
        message:
          parsed.code === 'required'
            ? 'メールアドレスを入力してください'
            : 'メールアドレスの形式が正しくありません',
      });
    if (!isStaffRole(input.role)) errors.push({ field: 'role', message: '権限を選択してください' });
    const name = input.name?.trim() ? input.name.trim().slice(0, 100) : null;
    if (!parsed.ok || !isStaffRole(input.role)) return { ok: false, errors, reason: 'invalid' };
    const token = newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + STAFF_ENROL_SECONDS * 1000);
    const created = await staff.create({
      email: parsed.email,
      emailKey: parsed.key,
      name,
      role: input.role,
      enrolTokenHash: hashToken(token),
      enrolExpiresAt: expiresAt,
      now,
    });
    if (!created.ok)
      return {
        ok: false,
        reason: 'taken',
        errors: [{ field: 'email', message: 'このメールアドレスの職員アカウントはすでにあります' }],
      };
    await audit.record(
      {
        action: 'staff.created',
        staffId: actor?.staff?.id ?? null,
        ip: actor?.meta.ip ?? null,
        userAgent: actor?.meta.userAgent ?? null,
        detail: { target: created.id, email: maskEmail(parsed.email), role: input.role, by },
      },
      now,
    );
    return { ok: true, id: created.id, enrolUrl: `${deps.baseUrl}/admin/enrol/${token}`, expiresAt };
  }

  return {
    async count(): Promise<number> {
      return staff.count();
    },

    /**
     * A new staff account, pending until its owner opens the enrolment URL (valid 24 hours, once).
     * `actor` is the admin who added it; absent when the command-line tool does.
     */
    async create(
      input: { email: string; role: string; name?: string | null },
      actor?: { staff: StaffMember; meta: RequestMeta },
    ): Promise<
      | { ok: true; id: string; enrolUrl: string; expiresAt: Date }
      | { ok: false; errors: FieldErrors; reason: 'invalid' | 'taken' }
    > {
      if (actor) requireAdmin(actor.staff);
      return createAccount(input, actor ? 'admin' : 'command', actor);
    },

    /**
     * For the first administrator when the app runs on the embedded database, where the command
     * cannot run beside it: a URL at which the first administrator gives their address and then
     * enrols as usual. Null when a staff account exists. The token lives in this process only, is
     * used once, and a new call replaces it.
     */
    async openFirstAdminSetup(): Promise<string | null> {
      if ((await staff.count()) > 0) return null;
      const token = newToken();
      setupTokenHash = hashToken(token);
      return `${deps.baseUrl}/admin/setup/${token}`;
    },

    /** Whether the setup URL can still be used: its token, and no staff account yet. */
    async firstAdminSetupOpen(token: string | undefined): Promise<boolean> {
      return setupTokenValid(token) && (await staff.count()) === 0;
    },

    /**
     * 最初の管理者の登録: creates the first administrator (pending, as the command would) and gives
     * their enrolment URL. The token is taken before anything is awaited, so two requests cannot
     * both use it; it is given back when the address is not valid, for another try.
     */
    async createFirstAdmin(
      token: string | undefined,
      input: { email: string; name?: string | null },
      meta: RequestMeta,
    ): Promise<
      { ok: true; enrolUrl: string } | { ok: false; problem: 'invalid' } | { ok: false; errors: FieldErrors }
    > {
      if (!setupTokenValid(token)) return { ok: false, problem: 'invalid' };
      const held = setupTokenHash;
      setupTokenHash = null;
      if ((await staff.count()) > 0) return { ok: false, problem: 'invalid' };
      const created = await createAccount({ ...input, role: 'admin' }, 'setup', { meta });
      if (!created.ok) {
        setupTokenHash ??= held;
        return { ok: false, errors: created.errors };
      }
      return { ok: true, enrolUrl: created.enrolUrl };
    },

    /** The enrolment page: the secret (created on the first visit, then the same one), its URI. */
    async openEnrolment(
      token: string | undefined,
    ): Promise<
      | { ok: true; email: string; secretBase32: string; otpauthUri: string }
      | { ok: false; problem: 'invalid' | 'expired' }
    > {
      const loaded = await loadPendingByToken(token);
      if (!loaded.ok) return loaded;
      let s = loaded.staff;
      let secret = secretOf(s);
      if (!secret) {
        // The first visit (or a secret that no longer decrypts, after SESSION_SECRET changed).
        const fresh = newTotpSecret();
        const stored = await staff.setPendingSecret(
          s.id,
          encryptSecret(key, fresh, s.id),
          s.totpSecretEnc,
          clock.now(),
        );
        if (stored) secret = fresh;
        else {
          // Another tab stored one first: show that one.
          const again = await staff.findById(s.id);
          secret = again ? secretOf(again) : null;
          if (!again || !secret) return { ok: false, problem: 'invalid' };
          s = again;
        }
      }
      return {
        ok: true,
        email: s.email,
        secretBase32: base32Encode(secret),
        otpauthUri: otpauthUri(secret, TOTP_ISSUER, s.email),
      };
    },

    /** 設定する: the password and a code from the app; on success the person is signed in. */
    async completeEnrolment(
      token: string | undefined,
      form: { password: string; passwordConfirm: string; code: string },
      meta: RequestMeta,
    ): Promise<
      | { ok: true; sessionId: string }
      | { ok: false; problem: 'invalid' | 'expired' }
      | { ok: false; errors: FieldErrors }
    > {
      const loaded = await loadPendingByToken(token);
      if (!loaded.ok) return loaded;
      const s = loaded.staff;
      const errors: FieldErrors = [];
      const pw = checkStaffPassword(form.password, form.passwordConfirm, s.email);
      if (pw.password) errors.push({ field: 'password', message: STAFF_PASSWORD_MESSAGES[pw.password] });
      if (pw.confirm) errors.push({ field: 'passwordConfirm', message: STAFF_PASSWORD_MESSAGES[pw.confirm] });
      const secret = secretOf(s);
      const now = clock.now();
      const code = form.code.normalize('NFKC').replace(/[\s-]/g, '');
      let step: number | null = null;
      if (code === '') errors.push({ field: 'code', message: '確認コードを入力してください' });
      else if (!/^\d{6}$/.test(code))
        errors.push({ field: 'code', message: '確認コードは6桁の数字で入力してください' });
      else {
        step = secret ? verifyTotp(secret, code, now, s.totpLastStep) : null;
        if (step === null)
          errors.push({
            field: 'code',
            message: '確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください',
          });
      }
      if (errors.length > 0 || step === null) return { ok: false, errors };
      const passwordHash = await deps.hasher.hash(form.password);
      if (!(await staff.completeEnrolment(s.id, { passwordHash, totpStep: step, now })))
        return { ok: false, problem: 'invalid' };
      await audit.record({ action: 'staff.enrolled', staffId: s.id, ...meta }, now);
      await audit.record({ action: 'staff.signed_in', staffId: s.id, ...meta }, now);
      return { ok: true, sessionId: await newSession(s.id, 'signed_in') };
    },

    /** 職員ログイン: the password. On success the session waits for the code (確認コードの入力). */
    async signIn(
      rawEmail: string,
      password: string,
      meta: RequestMeta,
      replacing?: string,
    ): Promise<
      | { ok: true; sessionId: string }
      | { ok: false; reason: 'invalid' | 'locked' }
      | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }
    > {
      const now = clock.now();
      if (meta.ip) {
        const limit = await deps.rateLimiter.hit(
          `staff-sign-in:ip:${meta.ip}`,
          STAFF_SIGN_INS_PER_IP_PER_10_MIN,
          600,
          now,
        );
        if (!limit.allowed)
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
      }
      const parsed = parseEmail(rawEmail);
      const s = parsed.ok ? await staff.findByEmailKey(parsed.key) : null;
      const usable = s && s.status === 'active' && s.passwordHash ? s : null;
      const valid = await deps.hasher.verify(usable?.passwordHash ?? deps.dummyHash, password.slice(0, 256));
      if (!usable) {
        await audit.record({ action: 'staff.sign_in_failed', staffId: s?.id ?? null, ...meta }, now);
        return { ok: false, reason: 'invalid' };
      }
      if (usable.lockedUntil && usable.lockedUntil.getTime() > now.getTime()) {
        // Held: nothing is counted. Only someone who knows the password learns that it is held.
        await audit.record(
          { action: 'staff.sign_in_failed', staffId: usable.id, ...meta, detail: { locked: true } },
          now,
        );
        return { ok: false, reason: valid ? 'locked' : 'invalid' };
      }
      if (!valid) {
        const { locked } = await staff.recordFailure(usable.id, now, STAFF_MAX_FAILURES, STAFF_LOCK_SECONDS);
        await audit.record({ action: 'staff.sign_in_failed', staffId: usable.id, ...meta }, now);
        if (locked) await audit.record({ action: 'staff.locked', staffId: usable.id, ...meta }, now);
        return { ok: false, reason: 'invalid' };
      }
      if (replacing) await sessions.delete(hashToken(replacing));
      await audit.record({ action: 'staff.password_ok', staffId: usable.id, ...meta }, now);
      return { ok: true, sessionId: await newSession(usable.id, 'password_ok') };
    },

    /**
     * 確認コードの入力. A wrong code is counted like a wrong password; the fifth in a row locks the
     * account and ends the half-open session. On success a new session id replaces the old one.
     */
    async verifyCode(
      sessionId: string | undefined,
      code: string,
      meta: RequestMeta,
    ): Promise<
      | { ok: true; sessionId: string }
      | { ok: false; reason: 'no_session' | 'locked' }
      | { ok: false; reason: 'wrong' | 'format' }
    > {
      const current = await this.resolve(sessionId);
      if (current.status !== 'password_ok') return { ok: false, reason: 'no_session' };
      const s = await staff.findById(current.staff.id);
      const now = clock.now();
      if (!s || s.status !== 'active') return { ok: false, reason: 'no_session' };
      const idHash = hashToken(sessionId as string);
      if (s.lockedUntil && s.lockedUntil.getTime() > now.getTime()) {
        await sessions.delete(idHash);
        return { ok: false, reason: 'locked' };
      }
      const typed = code.normalize('NFKC').replace(/[\s-]/g, '');
      if (!/^\d{6}$/.test(typed)) return { ok: false, reason: 'format' };
      const secret = secretOf(s);
      const step = secret ? verifyTotp(secret, typed, now, s.totpLastStep) : null;
      // The step is taken atomically: the same code sent twice at once is accepted once.
      if (step === null || !(await staff.useTotpStep(s.id, step))) {
        const { locked } = await staff.recordFailure(s.id, now, STAFF_MAX_FAILURES, STAFF_LOCK_SECONDS);
        await audit.record({ action: 'staff.code_failed', staffId: s.id, ...meta }, now);
        if (locked) {
          await audit.record({ action: 'staff.locked', staffId: s.id, ...meta }, now);
          await sessions.delete(idHash);
          return { ok: false, reason: 'locked' };
        }
        return { ok: false, reason: 'wrong' };
      }
      await staff.recordSignIn(s.id, now);
      await sessions.delete(idHash);
      await audit.record({ action: 'staff.signed_in', staffId: s.id, ...meta }, now);
      return { ok: true, sessionId: await newSession(s.id, 'signed_in') };
    },

    /** The staff member behind a cookie, checking the idle and absolute limits and the account. */
    async resolve(sessionId: string | undefined): Promise<CurrentStaff> {
      if (!sessionId || sessionId.length > 100) return { status: 'none' };
      const idHash = hashToken(sessionId);
      const row = await sessions.find(idHash);
      if (!row) return { status: 'none' };
      const now = clock.now().getTime();
      const idleLimit = row.stage === 'password_ok' ? STAFF_CODE_STAGE_SECONDS : STAFF_IDLE_SECONDS;
      const idle = now - row.lastSeenAt.getTime() > idleLimit * 1000;
      const old = now - row.createdAt.getTime() > STAFF_ABSOLUTE_SECONDS * 1000;
      if (idle || old) {
        await sessions.delete(idHash);
        return { status: 'timed_out' };
      }
      const s = await staff.findById(row.staffId);
      if (!s || s.status !== 'active') {
        await sessions.delete(idHash);
        return { status: 'none' };
      }
      if (row.stage === 'signed_in' && now - row.lastSeenAt.getTime() > 30_000)
        await sessions.touch(idHash, clock.now());
      return { status: row.stage, staff: member(s) };
    },

    async signOut(sessionId: string | undefined, meta: RequestMeta): Promise<void> {
      if (!sessionId) return;
      const idHash = hashToken(sessionId);
      const row = await sessions.find(idHash);
      await sessions.delete(idHash);
      if (row) await audit.record({ action: 'staff.signed_out', staffId: row.staffId, ...meta }, clock.now());
    },

    /** Who may appear as an actor in the audit log (every staff member may read it). */
    async directory(): Promise<{ id: string; email: string }[]> {
      return (await staff.list()).map((s) => ({ id: s.id, email: s.email }));
    },

    async list(actor: StaffMember): Promise<StaffRecord[]> {
      requireAdmin(actor);
      return staff.list();
    },

    /** Role change by an admin; the last active admin cannot stop being one. */
    async changeRole(
      actor: StaffMember,
      targetId: string,
      role: string,
      meta: RequestMeta,
    ): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'invalid' | 'last_admin' }> {
      requireAdmin(actor);
      if (!isStaffRole(role)) return { ok: false, reason: 'invalid' };
      const target = await staff.findById(targetId);
      if (!target || target.status === 'disabled') return { ok: false, reason: 'not_found' };
      if (target.role === role) return { ok: true };
      if (target.role === 'admin' && target.status === 'active' && (await staff.countActiveAdmins()) <= 1)
        return { ok: false, reason: 'last_admin' };
      const now = clock.now();
      await staff.setRole(target.id, role, now);
      await audit.record(
        {
          action: 'staff.role_changed',
          staffId: actor.id,
          ...meta,
          detail: { target: target.id, from: target.role, to: role },
        },
        now,
      );
      return { ok: true };
    },

    /**
     * 再設定用のURLを発行する, for a staff member who lost the authenticator (or for everyone after
     * SESSION_SECRET changed): the password and the TOTP secret are cleared, the account is pending
     * again with a new enrolment URL (24 hours, once), and its sessions end — all in one
     * transaction with the audit entry. By an admin for another member (`actor`), or by the command
     * (no actor). A disabled account stays disabled.
     */
    async reissueEnrolment(
      target: { id: string } | { email: string },
      actor?: { staff: StaffMember; meta: RequestMeta },
    ): Promise<
      | { ok: true; id: string; email: string; enrolUrl: string; expiresAt: Date }
      | { ok: false; reason: 'not_found' | 'disabled' | 'self' }
    > {
      if (actor) requireAdmin(actor.staff);
      let found: StaffRecord | null;
      if ('id' in target) found = await staff.findById(target.id);
      else {
        const parsed = parseEmail(target.email);
        found = parsed.ok ? await staff.findByEmailKey(parsed.key) : null;
      }
      if (!found) return { ok: false, reason: 'not_found' };
      if (actor && found.id === actor.staff.id) return { ok: false, reason: 'self' };
      if (found.status === 'disabled') return { ok: false, reason: 'disabled' };
      const token = newToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + STAFF_ENROL_SECONDS * 1000);
      const done = await staff.reissueEnrolment(found.id, {
        enrolTokenHash: hashToken(token),
        enrolExpiresAt: expiresAt,
        now,
        audit: {
          action: 'staff.enrolment_reissued',
          staffId: actor?.staff.id ?? null,
          ip: actor?.meta.ip ?? null,
          userAgent: actor?.meta.userAgent ?? null,
          detail: { target: found.id, by: actor ? 'admin' : 'command' },
        },
      });
      // Disabled (or gone) in the meantime: nothing changed.
      if (!done) return { ok: false, reason: 'disabled' };
      return {
        ok: true,
        id: found.id,
        email: found.email,
        enrolUrl: `${deps.baseUrl}/admin/enrol/${token}`,
        expiresAt,
      };
    },

    /** 無効にする: the account can no longer sign in and its sessions end. Not oneself. */
    async disable(
      actor: StaffMember,
      targetId: string,
      meta: RequestMeta,
    ): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'self' | 'last_admin' }> {
      requireAdmin(actor);
      if (targetId === actor.id) return { ok: false, reason: 'self' };
      const target = await staff.findById(targetId);
      if (!target || target.status === 'disabled') return { ok: false, reason: 'not_found' };
      if (target.role === 'admin' && target.status === 'active' && (await staff.countActiveAdmins()) <= 1)
        return { ok: false, reason: 'last_admin' };
      const now = clock.now();
      await staff.disable(target.id, now);
      await sessions.deleteForStaff(target.id);
      await audit.record(
        { action: 'staff.disabled', staffId: actor.id, ...meta, detail: { target: target.id } },
        now,
      );
      return { ok: true };
    },
  };
}

export type StaffUseCases = ReturnType<typeof staffUseCases>;
