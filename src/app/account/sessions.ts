/**
 * Signed-in sessions: a random id for the browser, its SHA-256 in the database, an idle and an
 * absolute limit. Every process shares them because nothing is kept in memory.
 */
import type { AuditLog, Clock, SessionStore, UserRecord } from '../shared/ports.js';
import { hashToken, newToken } from '../shared/tokens.js';

export type SessionDeps = {
  sessions: SessionStore;
  audit: AuditLog;
  clock: Clock;
  idleSeconds: number;
  absoluteSeconds: number;
};

export type CurrentSession =
  { status: 'signed_in'; user: UserRecord; signedInAt: Date } | { status: 'timed_out' } | { status: 'none' };

export function sessionUseCases(deps: SessionDeps) {
  const { sessions, clock } = deps;
  return {
    /** Starts a session for the user; the returned id goes into the cookie and nowhere else. */
    async start(userId: string, replacing?: string): Promise<string> {
      if (replacing) await sessions.delete(hashToken(replacing));
      const id = newToken();
      await sessions.create(hashToken(id), userId, clock.now());
      return id;
    },

    async resolve(id: string | undefined): Promise<CurrentSession> {
      if (!id || id.length > 100) return { status: 'none' };
      const idHash = hashToken(id);
      const s = await sessions.findWithUser(idHash);
      if (!s) return { status: 'none' };
      const now = clock.now().getTime();
      const idle = now - s.lastSeenAt.getTime() > deps.idleSeconds * 1000;
      const old = now - s.createdAt.getTime() > deps.absoluteSeconds * 1000;
      if (idle || old) {
        await sessions.delete(idHash);
        return { status: 'timed_out' };
      }
      const { user } = s;
      if (user.status !== 'active') {
        await sessions.delete(idHash);
        return { status: 'none' };
      }
      // Write the last-seen time at most once a minute, not on every request.
      if (now - s.lastSeenAt.getTime() > 60_000) await sessions.touch(idHash, clock.now());
      return { status: 'signed_in', user, signedInAt: s.signedInAt };
    },

    async end(id: string | undefined, meta: { ip: string | null; userAgent: string | null }): Promise<void> {
      if (!id) return;
      const idHash = hashToken(id);
      const s = await sessions.find(idHash);
      await sessions.delete(idHash);
      if (s)
        await deps.audit.record({ action: 'session.signed_out', userId: s.userId, ...meta }, clock.now());
    },
  };
}

export type SessionUseCases = ReturnType<typeof sessionUseCases>;
