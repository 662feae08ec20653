/** SessionStore on PostgreSQL: only the SHA-256 of a session id is ever stored. */
import { and, eq, lt, ne, or, type SQL } from 'drizzle-orm';
import type { SessionStore } from '../../app/shared/ports.js';
import type { Db } from '../shared/client.js';
import { sessions } from '../schema/index.js';
import { deleteInBatches } from '../shared/sweep.js';

export function sessionStore(db: Db): SessionStore {
  return {
    async create(idHash, userId, now) {
      await db.insert(sessions).values({ idHash, userId, createdAt: now, lastSeenAt: now, signedInAt: now });
    },
    async find(idHash) {
      const [row] = await db.select().from(sessions).where(eq(sessions.idHash, idHash));
      return row
        ? {
            userId: row.userId,
            createdAt: row.createdAt,
            lastSeenAt: row.lastSeenAt,
            signedInAt: row.signedInAt,
          }
        : null;
    },
    async touch(idHash, now) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    },
    async delete(idHash) {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    async deleteForUser(userId, exceptIdHash) {
      await db
        .delete(sessions)
        .where(
          exceptIdHash
            ? and(eq(sessions.userId, userId), ne(sessions.idHash, exceptIdHash))
            : eq(sessions.userId, userId),
        );
    },
  };
}

/**
 * Deletes sessions that can no longer be used (idle since `idleBefore`, or begun before
 * `createdBefore`): a person who closes the browser without signing out leaves one behind.
 */
export async function deleteOldSessions(db: Db, idleBefore: Date, createdBefore: Date): Promise<number> {
  return deleteInBatches(
    db,
    sessions,
    sessions.idHash,
    or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)) as SQL,
  );
}
