/** The dashboard's numbers: counts only, never a person's data. */
import { and, count, gt, lte, ne, sql } from 'drizzle-orm';
import type { DailyCount, DashboardStore } from '../../app/staff/ports.js';
import type { Db } from '../shared/client.js';
import { mailOutbox, registrations, users } from '../schema/index.js';

export function dashboardStore(db: Db): DashboardStore {
  return {
    async registrationsPerDay(fromDay, toDay) {
      const day = sql`to_char(${users.createdAt} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`;
      const rows = await db
        .select({
          day: sql<string>`${day}`,
          individual: sql<number>`count(*) filter (where ${users.kind} = 'individual')::int`,
          business: sql<number>`count(*) filter (where ${users.kind} = 'business')::int`,
        })
        .from(users)
        .where(
          and(
            sql`(${users.createdAt} at time zone 'Asia/Tokyo')::date >= ${fromDay}::date`,
            sql`(${users.createdAt} at time zone 'Asia/Tokyo')::date < ${toDay}::date`,
          ),
        )
        .groupBy(day);
      return rows as DailyCount[];
    },

    async stats(now, ttlSeconds) {
      const [u] = await db
        .select({
          individual: sql<number>`count(*) filter (where ${users.kind} = 'individual')::int`,
          business: sql<number>`count(*) filter (where ${users.kind} = 'business')::int`,
          optedIn: sql<number>`count(*) filter (where ${users.notify})::int`,
          suspended: sql<number>`count(*) filter (where ${users.status} = 'suspended')::int`,
        })
        .from(users);
      const [m] = await db
        .select({
          queued: sql<number>`count(*) filter (where ${mailOutbox.status} in ('queued', 'sending'))::int`,
          sent: sql<number>`count(*) filter (where ${mailOutbox.status} = 'sent')::int`,
          failed: sql<number>`count(*) filter (where ${mailOutbox.status} = 'failed')::int`,
        })
        .from(mailOutbox);
      const [open] = await db
        .select({ n: count(), oldestExpiry: sql<Date | string | null>`min(${registrations.expiresAt})` })
        .from(registrations)
        .where(and(ne(registrations.state, 'completed'), gt(registrations.expiresAt, now)));
      const [expired] = await db
        .select({ n: count() })
        .from(registrations)
        .where(lte(registrations.expiresAt, now));
      const oldestExpiry = open?.oldestExpiry ? new Date(open.oldestExpiry) : null;
      return {
        usersByKind: { individual: u?.individual ?? 0, business: u?.business ?? 0 },
        optedIn: u?.optedIn ?? 0,
        suspended: u?.suspended ?? 0,
        mails: { queued: m?.queued ?? 0, sent: m?.sent ?? 0, failed: m?.failed ?? 0 },
        pending: {
          open: open?.n ?? 0,
          oldestStartedAt: oldestExpiry ? new Date(oldestExpiry.getTime() - ttlSeconds * 1000) : null,
          expiredNotSwept: expired?.n ?? 0,
        },
      };
    },
  };
}
