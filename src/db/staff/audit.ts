/** Reading the audit log for the back office (the table itself is append-only). */
import { and, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { AuditFilter, AuditReader, AuditRecord } from '../../app/staff/ports.js';
import type { Db } from '../shared/client.js';
import { auditLog, staff, users } from '../schema/index.js';
import { isUuid } from '../../domain/ids.js';

function conditions(filter: AuditFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const actor = filter.actor;
  if (actor === 'users') parts.push(and(isNull(auditLog.staffId), isNotNull(auditLog.userId)));
  else if (actor === 'system') parts.push(and(isNull(auditLog.staffId), isNull(auditLog.userId)));
  else if (actor && isUuid(actor.staffId)) parts.push(eq(auditLog.staffId, actor.staffId));
  else if (actor) parts.push(sql`false`);
  if (filter.action) parts.push(eq(auditLog.action, filter.action));
  return and(...parts);
}

type Row = Omit<AuditRecord, 'targetStaffEmail'>;

export function auditReader(db: Db): AuditReader {
  // The actor's and the user's addresses come with the row (both joins by primary key); a deleted
  // user leaves the entry with no address, which the screens show as 削除済みの利用者.
  const select = () =>
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        userId: auditLog.userId,
        staffId: auditLog.staffId,
        staffEmail: staff.email,
        userEmail: users.email,
        ip: auditLog.ip,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.staffId))
      .leftJoin(users, eq(users.id, auditLog.userId));

  /** The addresses of the staff members that entries are about (職員の追加, 権限の変更 …): one look-up by key. */
  async function withTargets(rows: Row[]): Promise<AuditRecord[]> {
    const ids = [
      ...new Set(
        rows.flatMap((r) => {
          const t = r.detail?.target;
          return typeof t === 'string' && isUuid(t) ? [t] : [];
        }),
      ),
    ];
    const found =
      ids.length === 0
        ? []
        : await db.select({ id: staff.id, email: staff.email }).from(staff).where(inArray(staff.id, ids));
    const emails = new Map(found.map((s) => [s.id, s.email]));
    return rows.map((r) => {
      const t = r.detail?.target;
      return { ...r, targetStaffEmail: typeof t === 'string' ? (emails.get(t) ?? null) : null };
    });
  }

  return {
    async list(filter, limit, offset) {
      const where = conditions(filter);
      const rows = await select()
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit)
        .offset(offset);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { rows: await withTargets(rows), total: total?.n ?? 0 };
    },
    async forUser(userId, limit) {
      if (!isUuid(userId)) return [];
      const rows = await select()
        .where(eq(auditLog.userId, userId))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit);
      return withTargets(rows);
    },
    async actions() {
      const rows = await db
        .selectDistinct({ action: auditLog.action })
        .from(auditLog)
        .orderBy(auditLog.action);
      return rows.map((r) => r.action);
    },
  };
}
