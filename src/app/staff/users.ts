/**
 * Staff looking after residents' accounts: search, a user's page with their audit trail, 利用停止
 * (a suspended user cannot sign in and their sessions end at once) and deletion on request. Staff
 * never see a password or a code: the user record has only the hash, which no screen shows. Each
 * view and change is audited with the staff id.
 */
import { maskEmail } from '../../domain/email.js';
import type { AuditLog, Clock, UserRecord } from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import { maskedUsers } from './dashboard.js';
import type { StaffMember } from './staff.js';
import type {
  AuditReader,
  AuditRecord,
  StaffUserMailTemplates,
  StaffUserStore,
  UserSearchHit,
} from './ports.js';

export const USERS_PER_PAGE = 20;
export const QUERY_MAX = 100;

export type StaffUserDeps = {
  users: StaffUserStore;
  auditReader: AuditReader;
  audit: AuditLog;
  clock: Clock;
  templates: StaffUserMailTemplates;
};

export function staffUserUseCases(deps: StaffUserDeps) {
  const { users, audit, clock } = deps;
  return {
    async search(
      actor: StaffMember,
      query: string,
      page: number,
      meta: RequestMeta,
    ): Promise<{ rows: UserSearchHit[]; total: number; page: number; pages: number }> {
      const q = query.trim().slice(0, QUERY_MAX);
      const p = Math.max(1, Math.floor(page) || 1);
      if (q === '') return { rows: [], total: 0, page: 1, pages: 1 };
      const { rows, total } = await users.search(q, USERS_PER_PAGE, (p - 1) * USERS_PER_PAGE);
      // The query itself may be personal data: only that a search happened, and how many it found.
      await audit.record(
        { action: 'user.searched', staffId: actor.id, ...meta, detail: { results: total, page: p } },
        clock.now(),
      );
      return { rows, total, page: p, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
    },

    async view(
      actor: StaffMember,
      id: string,
      meta: RequestMeta,
    ): Promise<{ user: UserRecord; trail: AuditRecord[] } | null> {
      const user = await users.findById(id);
      if (!user) return null;
      await audit.record({ action: 'user.viewed', staffId: actor.id, userId: user.id, ...meta }, clock.now());
      return { user, trail: maskedUsers(await deps.auditReader.forUser(user.id, 50)) };
    },

    async setSuspended(
      actor: StaffMember,
      id: string,
      suspended: boolean,
      meta: RequestMeta,
    ): Promise<boolean> {
      const now = clock.now();
      const changed = await users.setStatus(id, suspended ? 'suspended' : 'active', now);
      if (changed)
        await audit.record(
          {
            action: suspended ? 'user.suspended' : 'user.unsuspended',
            staffId: actor.id,
            userId: id,
            ...meta,
          },
          now,
        );
      return changed;
    },

    /** アカウントを削除: the same deletion as 退会, with a mail to the address telling so. */
    async delete(actor: StaffMember, id: string, meta: RequestMeta): Promise<boolean> {
      const user = await users.findById(id);
      if (!user) return false;
      const now = clock.now();
      const m = deps.templates.accountDeletedByCity({ name: user.displayName });
      const deleted = await users.deleteUser(
        id,
        { template: 'account_deleted_by_city', to: user.email, ...m },
        now,
      );
      if (deleted)
        await audit.record(
          {
            action: 'user.deleted',
            staffId: actor.id,
            userId: id,
            ...meta,
            detail: { email: maskEmail(user.email), kind: user.kind, onRequest: true },
          },
          now,
        );
      return deleted;
    },
  };
}

export type StaffUserUseCases = ReturnType<typeof staffUserUseCases>;
