/**
 * argon2id runs on libuv's thread pool, not on the event loop: while a hash is being computed the
 * process goes on answering other requests. Counted in turns of the event loop, not in time.
 */
import { describe, expect, it } from 'vitest';
import { argon2Hasher, limiter } from './argon2-hasher.js';

/** Counts the turns of the event loop (setImmediate callbacks) until `work` settles. */
async function turnsWhile<T>(work: Promise<T>): Promise<{ value: T; turns: number }> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  let turns = 0;
  while (!settled) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    turns++;
  }
  return { value: await done, turns };
}

describe('argon2Hasher', () => {
  it('hashing does not block the event loop: it keeps turning until the hash is done', async () => {
    const { value, turns } = await turnsWhile(argon2Hasher.hash('Hanami#Tree2026'));
    expect(value).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // Computed on the event loop, the hash would be done before the first turn (0 or 1 turns).
    expect(turns).toBeGreaterThan(10);
  });

  it('verifying does not block the event loop either, and tells a right password from a wrong one', async () => {
    const digest = await argon2Hasher.hash('Hanami#Tree2026');
    const right = await turnsWhile(argon2Hasher.verify(digest, 'Hanami#Tree2026'));
    expect(right.value).toBe(true);
    expect(right.turns).toBeGreaterThan(10);
    expect(await argon2Hasher.verify(digest, 'Hanami#Tree2027')).toBe(false);
    expect(await argon2Hasher.verify('not a digest', 'Hanami#Tree2026')).toBe(false);
  });
});

describe('limiter', () => {
  it('runs at most `limit` tasks at once, and every task in the order it came', async () => {
    const run = limiter(2);
    let now = 0;
    let most = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      run(async () => {
        started.push(i);
        now++;
        most = Math.max(most, now);
        await new Promise<void>((resolve) => gates.push(resolve));
        now--;
        return i * 10;
      }),
    );
    for (let turn = 0; turn < 50 && started.length < 5; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    gates.forEach((open) => open());
    expect(await Promise.all(tasks)).toEqual([0, 10, 20, 30, 40]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('lets the next task run when one fails', async () => {
    const run = limiter(1);
    const failed = run(() => Promise.reject(new Error('no')));
    const next = run(() => Promise.resolve('yes'));
    await expect(failed).rejects.toThrow('no');
    expect(await next).toBe('yes');
  });
});
