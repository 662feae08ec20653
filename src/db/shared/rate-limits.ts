/** RateLimiter on PostgreSQL: fixed windows, one atomic upsert per hit, shared by every process. */
import { eq, lt, sql } from 'drizzle-orm';
import type { DeviceLockouts } from '../../app/account/ports.js';
import type { RateLimiter } from '../../app/shared/ports.js';
import type { Db } from './client.js';
import { rateLimits } from '../schema/index.js';
import { deleteInBatches } from './sweep.js';

export function rateLimiter(db: Db): RateLimiter {
  return {
    async hit(key, limit, windowSeconds, now) {
      const floor = sql`${new Date(now.getTime() - windowSeconds * 1000).toISOString()}::timestamptz`;
      const at = sql`${now.toISOString()}::timestamptz`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key, windowStart: now, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            // A window older than windowSeconds starts again from this hit.
            count: sql`case when ${rateLimits.windowStart} <= ${floor} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${rateLimits.windowStart} <= ${floor} then ${at} else ${rateLimits.windowStart} end`,
          },
        })
        .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
      const count = row?.count ?? 1;
      const start = row?.windowStart ?? now;
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000),
      );
      return { allowed: count <= limit, retryAfterSeconds };
    },

    /**
     * One statement: an upsert per hit, each a CTE that counts only when the one before is within
     * its limit (its INSERT … SELECT finds no row otherwise), as the same `hit` calls in turn would.
     */
    async hitEach(hits, now) {
      if (hits.length === 0) return null;
      const at = sql`${now.toISOString()}::timestamptz`;
      const name = (i: number) => sql.identifier(`hit${i}`);
      const upserts = hits.map((h, i) => {
        const floor = sql`${new Date(now.getTime() - h.windowSeconds * 1000).toISOString()}::timestamptz`;
        const before = hits[i - 1];
        const row = before
          ? sql`select ${h.key}::text, ${at}, 1 where (select count from ${name(i - 1)}) <= ${before.limit}::int`
          : sql`values (${h.key}::text, ${at}, 1)`;
        return sql`${name(i)} as (
          insert into rate_limits (key, window_start, count) ${row}
          on conflict (key) do update set
            count = case when rate_limits.window_start <= ${floor} then 1 else rate_limits.count + 1 end,
            window_start = case when rate_limits.window_start <= ${floor} then ${at} else rate_limits.window_start end
          returning count, extract(epoch from window_start) * 1000 as start_ms)`;
      });
      const counts = hits.map((_, i) => sql`select ${i}::int as i, count, start_ms from ${name(i)}`);
      const result = await db.execute(
        sql`with ${sql.join(upserts, sql`, `)} ${sql.join(counts, sql` union all `)}`,
      );
      const rows = (result as unknown as { rows: { i: number; count: number; start_ms: number | string }[] })
        .rows;
      for (const [i, h] of hits.entries()) {
        const row = rows.find((r) => Number(r.i) === i);
        if (!row || Number(row.count) <= h.limit) continue;
        return Math.max(1, Math.ceil((Number(row.start_ms) + h.windowSeconds * 1000 - now.getTime()) / 1000));
      }
      return null;
    },
  };
}

/**
 * Deletes counters whose window ended long ago (called by the sweep), in batches through
 * rate_limits_window_idx.
 */
export async function deleteOldCounters(db: Db, before: Date): Promise<void> {
  await deleteInBatches(db, rateLimits, rateLimits.key, lt(rateLimits.windowStart, before), [
    rateLimits.windowStart,
  ]);
}

/**
 * DeviceLockouts on the same table: `count` failures since `window_start`; once `count` reaches
 * `max`, `window_start` moves to that failure and the key is held until `lockSeconds` after it.
 */
export function deviceLockouts(db: Db): DeviceLockouts {
  return {
    async heldUntil(key, max, lockSeconds, now) {
      const [row] = await db
        .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
        .from(rateLimits)
        .where(eq(rateLimits.key, key));
      if (!row || row.count < max) return null;
      const until = new Date(row.windowStart.getTime() + lockSeconds * 1000);
      return until.getTime() > now.getTime() ? until : null;
    },
    async fail(key, max, lockSeconds, now) {
      const floor = sql`${new Date(now.getTime() - lockSeconds * 1000).toISOString()}::timestamptz`;
      const at = sql`${now.toISOString()}::timestamptz`;
      const stale = sql`${rateLimits.windowStart} <= ${floor}`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key, windowStart: now, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${stale} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${stale} or ${rateLimits.count} + 1 = ${max} then ${at} else ${rateLimits.windowStart} end`,
          },
        })
        .returning({ count: rateLimits.count });
      return (row?.count ?? 1) === max;
    },
  };
}
