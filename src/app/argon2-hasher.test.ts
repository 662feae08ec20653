/**
 * argon2id runs on libuv's thread pool, not on the event loop: while a hash is being computed the
 * process goes on answering other requests. Counted in turns of the event loop, not in time.
 */
import { describe, expect, it } from 'vitest';
import { argon2Hasher } from './argon2-hasher.js';

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
