/** Reading the audit log for the back office (the table itself is append-only). */
import { and, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { AuditFilter, AuditReader, AuditRecord } from '../../app/staff/ports.js';
import type { Db } from '../shared/client.js';
import { auditLog, staff } from '../schema/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function conditions(filter: AuditFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const actor = filter.actor;
  if (actor === 'users') parts.push(and(isNull(auditLog.staffId), isNotNull(auditLog.userId)));
  else if (actor === 'system') parts.push(and(isNull(auditLog.staffId), isNull(auditLog.userId)));
  else if (actor && UUID.test(actor.staffId)) parts.push(eq(auditLog.staffId, actor.staffId));
  else if (actor) parts.push(sql`false`);
  if (filter.action) parts.push(eq(auditLog.action, filter.action));
  return and(...parts);
}

export function auditReader(db: Db): AuditReader {
  const select = () =>
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        userId: auditLog.userId,
        staffId: auditLog.staffId,
        staffEmail: staff.email,
        ip: auditLog.ip,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.staffId));

  return {
    async list(filter, limit, offset) {
      const where = conditions(filter);
      const rows: AuditRecord[] = await select()
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit)
        .offset(offset);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { rows, total: total?.n ?? 0 };
    },
    async forUser(userId, limit) {
      if (!UUID.test(userId)) return [];
      return select()
        .where(eq(auditLog.userId, userId))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit);
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
