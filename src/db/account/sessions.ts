/** SessionStore on PostgreSQL: only the SHA-256 of a session id is ever stored. */
import { and, eq, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { SessionStore } from '../../app/shared/ports.js';
import type { Db } from '../shared/client.js';
import { sessions, users } from '../schema/index.js';
import { deleteInBatches } from '../shared/sweep.js';
import { toUserRecord } from './users.js';

export function sessionStore(db: Db): SessionStore {
  // Every signed-in page reads its session and user: one statement, prepared once per connection
  // under a name (PostgreSQL parses and plans it once; Drizzle builds its SQL once).
  const withUser = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare('session_with_user');
  const byHash = db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare('session_by_hash');
  return {
    async create(idHash, userId, now) {
      await db.insert(sessions).values({ idHash, userId, createdAt: now, lastSeenAt: now, signedInAt: now });
    },
    async findWithUser(idHash) {
      const [row] = await withUser.execute({ idHash });
      return row
        ? {
            userId: row.session.userId,
            createdAt: row.session.createdAt,
            lastSeenAt: row.session.lastSeenAt,
            signedInAt: row.session.signedInAt,
            user: toUserRecord(row.user),
          }
        : null;
    },
    async find(idHash) {
      const [row] = await byHash.execute({ idHash });
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
