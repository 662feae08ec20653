/**
 * NoticeStore on PostgreSQL: the notices, who may see them, and their mail. Sending goes in batches,
 * each one transaction that records deliveries (the primary key (notice, user) makes a second mail to
 * a person impossible) and queues the mails of the deliveries it newly recorded, so a crash at any
 * point loses nothing and repeats nothing, and any number of processes may run batches at once.
 */
import { and, count, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { NoticeRecord, NoticeStore } from '../../app/notices/ports.js';
import type { Db } from '../shared/client.js';
import { outboxRow } from '../shared/outbox.js';
import { mailOutbox, noticeDeliveries, notices, users } from '../schema/index.js';
import { isUuid } from '../../domain/ids.js';

type NoticeRow = typeof notices.$inferSelect;

function toRecord(r: NoticeRow): NoticeRecord {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    importance: r.importance,
    audience: r.audience,
    publishFrom: r.publishFrom,
    publishUntil: r.publishUntil,
    withdrawnAt: r.withdrawnAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    mailStatus: r.mailStatus,
    mailTotal: r.mailTotal,
  };
}

/**
 * Who gets a notice by mail: users of its audience; for a normal notice only those who chose
 * 希望する and are not suspended (an important one goes to everybody, suspended users included).
 */
export function recipientsOf(n: Pick<NoticeRecord, 'id' | 'audience' | 'importance'>): SQL {
  const audience = n.audience === 'all' ? sql`true` : eq(users.kind, n.audience);
  const wanted =
    n.importance === 'important' ? sql`true` : and(eq(users.notify, true), eq(users.status, 'active'));
  return and(audience, wanted) as SQL;
}

export function noticeStore(db: Db): NoticeStore {
  return {
    async create(input, staffId, now) {
      const [row] = await db
        .insert(notices)
        .values({ ...input, createdBy: staffId, updatedBy: staffId, createdAt: now, updatedAt: now })
        .returning({ id: notices.id });
      return (row as { id: string }).id;
    },

    async update(id, input, staffId, now) {
      if (!isUuid(id)) return false;
      const rows = await db
        .update(notices)
        .set({ ...input, updatedBy: staffId, updatedAt: now })
        .where(eq(notices.id, id))
        .returning({ id: notices.id });
      return rows.length === 1;
    },

    async withdraw(id, staffId, now) {
      if (!isUuid(id)) return false;
      const rows = await db
        .update(notices)
        .set({ withdrawnAt: now, updatedBy: staffId, updatedAt: now })
        .where(and(eq(notices.id, id), isNull(notices.withdrawnAt)))
        .returning({ id: notices.id });
      return rows.length === 1;
    },

    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(notices).where(eq(notices.id, id));
      return row ? toRecord(row) : null;
    },

    async list(limit, offset) {
      const rows = await db
        .select()
        .from(notices)
        .orderBy(desc(notices.publishFrom), desc(notices.createdAt))
        .limit(limit)
        .offset(offset);
      const [total] = await db.select({ n: count() }).from(notices);
      return { rows: rows.map(toRecord), total: total?.n ?? 0 };
    },

    async published(now, filter) {
      const rows = await db
        .select()
        .from(notices)
        .where(
          and(
            isNull(notices.withdrawnAt),
            lte(notices.publishFrom, now),
            or(isNull(notices.publishUntil), gt(notices.publishUntil, now)),
            inArray(notices.audience, filter.audiences),
            filter.importantOnly ? eq(notices.importance, 'important') : undefined,
          ),
        )
        .orderBy(desc(notices.publishFrom), desc(notices.createdAt))
        .limit(filter.limit);
      return rows.map(toRecord);
    },

    async startMail(id) {
      const n = await this.findById(id);
      if (!n) return null;
      const rows = await db
        .update(notices)
        .set({
          mailStatus: 'sending',
          mailTotal: sql`(select count(*)::int from ${users} where ${recipientsOf(n)})`,
        })
        .where(and(eq(notices.id, id), eq(notices.mailStatus, 'none'), isNull(notices.withdrawnAt)))
        .returning({ total: notices.mailTotal });
      return rows[0] ? { total: rows[0].total } : null;
    },

    async sendBatch(batch, mailFor, now) {
      return db.transaction(async (tx) => {
        // One worker per notice at a time; another process takes another notice or waits its turn.
        const [row] = await tx
          .select()
          .from(notices)
          .where(eq(notices.mailStatus, 'sending'))
          .orderBy(notices.createdAt)
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return null;
        const n = toRecord(row);
        const [delivered] = await tx
          .select({ n: count() })
          .from(noticeDeliveries)
          .where(eq(noticeDeliveries.noticeId, n.id));
        // The total was fixed when sending started: people who registered since then are not added.
        const room = Math.min(batch, n.mailTotal - (delivered?.n ?? 0));
        const candidates =
          room > 0
            ? await tx
                .select({ id: users.id, email: users.email })
                .from(users)
                .where(
                  and(
                    recipientsOf(n),
                    sql`not exists (select 1 from ${noticeDeliveries} d where d.notice_id = ${n.id} and d.user_id = ${users.id})`,
                  ),
                )
                .orderBy(users.createdAt, users.id)
                .limit(room)
            : [];
        let queued = 0;
        if (candidates.length > 0) {
          const inserted = await tx
            .insert(noticeDeliveries)
            .values(candidates.map((u) => ({ noticeId: n.id, userId: u.id, createdAt: now })))
            .onConflictDoNothing()
            .returning({ userId: noticeDeliveries.userId });
          const fresh = new Set(inserted.map((r) => r.userId));
          const mails = candidates
            .filter((u) => fresh.has(u.id))
            .map((u) => ({
              ...outboxRow({ ...mailFor(n, { userId: u.id, email: u.email }), userId: u.id }, now),
              noticeId: n.id,
            }));
          if (mails.length > 0) await tx.insert(mailOutbox).values(mails);
          queued = mails.length;
        }
        const done = candidates.length < room || room <= 0 || (delivered?.n ?? 0) + queued >= n.mailTotal;
        if (done) await tx.update(notices).set({ mailStatus: 'done' }).where(eq(notices.id, n.id));
        return { noticeId: n.id, queued, done };
      });
    },

    async progress(id) {
      const n = await this.findById(id);
      if (!n) return { sent: 0, queued: 0, failed: 0, total: 0 };
      const [row] = await db
        .select({
          sent: sql<number>`count(*) filter (where ${mailOutbox.status} = 'sent')::int`,
          failed: sql<number>`count(*) filter (where ${mailOutbox.status} = 'failed')::int`,
          queued: sql<number>`count(*) filter (where ${mailOutbox.status} in ('queued', 'sending'))::int`,
        })
        .from(mailOutbox)
        .where(eq(mailOutbox.noticeId, id));
      return { sent: row?.sent ?? 0, failed: row?.failed ?? 0, queued: row?.queued ?? 0, total: n.mailTotal };
    },
  };
}
