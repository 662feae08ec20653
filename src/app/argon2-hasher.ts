/** argon2id at OWASP's settings (19 MiB, t=2, p=1); the async API keeps hashing off the event loop. */
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './ports.js';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  async verify(digest, password) {
    try {
      return await verify(digest, password);
    } catch {
      return false;
    }
  },
};
