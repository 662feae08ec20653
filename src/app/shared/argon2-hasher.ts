/**
 * argon2id at OWASP's settings (19 MiB, t=2, p=1). The async API computes off the event loop, on
 * libuv's thread pool; at most one hash per core runs at a time (the rest wait their turn here), so
 * that on a small server the event loop is not starved of CPU by more hashing threads than cores,
 * and at most that many 19 MiB blocks are in use at once.
 */
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './ports.js';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Runs at most `limit` of the given tasks at once, in the order they came. */
export function limiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const oneHashPerCore = limiter(availableParallelism());

export const argon2Hasher: PasswordHasher = {
  hash: (password) => oneHashPerCore(() => hash(password, OPTIONS)),
  async verify(digest, password) {
    try {
      return await oneHashPerCore(() => verify(digest, password));
    } catch {
      return false;
    }
  },
};
