/**
 * The rate limiter's counters on each database: several hits counted in one statement behave as
 * the same hits one after another that stop at the first refused one.
 */
import { describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { rateLimits } from '../../src/db/schema/index.js';
import { rateLimiter } from '../../src/db/shared/rate-limits.js';
import { TestClock } from '../support/clock.js';
import { databaseFactories, useFreshDatabase } from '../support/databases.js';

describe.each(databaseFactories())('rate limits on $name', (factory) => {
  const database = useFreshDatabase(factory);
  const counts = async () =>
    (await database.db.select().from(rateLimits).orderBy(asc(rateLimits.key))).map((r) => [r.key, r.count]);

  it('hitEach counts each key in turn and stops at the first refused one', async () => {
    const clock = new TestClock();
    const limiter = rateLimiter(database.db);
    const hits = [
      { key: 'a', limit: 2, windowSeconds: 600 },
      { key: 'b', limit: 3, windowSeconds: 3600 },
    ];
    expect(await limiter.hitEach(hits, clock.now())).toBeNull();
    clock.advance(100);
    expect(await limiter.hitEach(hits, clock.now())).toBeNull();
    expect(await counts()).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    // a is over its limit: the wait is what is left of a's window, and b is not counted
    clock.advance(100);
    expect(await limiter.hitEach(hits, clock.now())).toBe(400);
    expect(await counts()).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    // a's window starts again; b reaches its limit, then goes over it
    clock.advance(401);
    expect(await limiter.hitEach(hits, clock.now())).toBeNull();
    clock.advance(1);
    expect(await limiter.hitEach([{ key: 'b', limit: 3, windowSeconds: 3600 }], clock.now())).toBe(
      3600 - 602,
    );
    expect(await counts()).toEqual([
      ['a', 1],
      ['b', 4],
    ]);
    expect(await limiter.hitEach([], clock.now())).toBeNull();
  });

  it('hitEach gives the same answers as hit called in turn', async () => {
    const clock = new TestClock();
    const limiter = rateLimiter(database.db);
    const each = [
      { key: 'each:ip', limit: 3, windowSeconds: 600 },
      { key: 'each:address', limit: 5, windowSeconds: 3600 },
    ];
    const single = each.map((h) => ({ ...h, key: h.key.replace('each', 'single') }));
    for (let i = 0; i < 12; i++) {
      let expected: number | null = null;
      for (const h of single) {
        const r = await limiter.hit(h.key, h.limit, h.windowSeconds, clock.now());
        if (!r.allowed) {
          expected = r.retryAfterSeconds;
          break;
        }
      }
      expect(await limiter.hitEach(each, clock.now())).toBe(expected);
      clock.advance(170);
    }
    const rows = await counts();
    expect(rows.filter(([k]) => String(k).startsWith('each')).map(([, n]) => n)).toEqual(
      rows.filter(([k]) => String(k).startsWith('single')).map(([, n]) => n),
    );
  });
});
