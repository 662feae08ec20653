/** AuditLog on PostgreSQL (append-only: the migration forbids UPDATE and DELETE on the table). */
import { sql, type WithSubquery } from 'drizzle-orm';
import type { AuditEntry, AuditLog } from '../../app/shared/ports.js';
import type { Db } from './client.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
import { auditLog } from '../schema/index.js';

export function auditStore(db: Db): AuditLog {
  return {
    async record(entry, now) {
      await db.insert(auditLog).values({
        at: now,
        action: entry.action,
        userId: entry.userId ?? null,
        staffId: entry.staffId ?? null,
        ip: entry.ip ?? null,
        userAgent: userAgentOf(entry),
        detail: entry.detail ?? null,
      });
    },
  };
}

const userAgentOf = (entry: AuditEntry) => (entry.userAgent ? entry.userAgent.slice(0, 300) : null);

/**
 * The audit entry as a CTE of a step's own statement, so that the step and its record are one
 * round trip and commit together: one row for each row of `per` (a CTE of that statement: nothing
 * is recorded when it is empty), or one row without it.
 */
export function auditWith(db: Db | Tx, entry: AuditEntry, now: Date, per?: WithSubquery): WithSubquery {
  const detail = entry.detail ? JSON.stringify(entry.detail) : null;
  return db.$with('audited', {}).as(sql`
    insert into audit_log (at, action, user_id, staff_id, ip, user_agent, detail)
    select ${now.toISOString()}::timestamptz, ${entry.action}::text, ${entry.userId ?? null}::uuid,
      ${entry.staffId ?? null}::uuid, ${entry.ip ?? null}::text, ${userAgentOf(entry)}::text, ${detail}::jsonb
    ${per ? sql`from ${per}` : sql``}`);
}
