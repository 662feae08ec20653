/** AuditLog on PostgreSQL (append-only: the migration forbids UPDATE and DELETE on the table). */
import type { AuditLog } from '../../app/shared/ports.js';
import type { Db } from './client.js';
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
        userAgent: entry.userAgent ? entry.userAgent.slice(0, 300) : null,
        detail: entry.detail ?? null,
      });
    },
  };
}
