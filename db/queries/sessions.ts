import 'server-only';
/**
 * Sign-in sessions: the database row behind each session cookie. Every time-dependent
 * function takes an optional `now`, so tests move the clock instead of sleeping.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { userSessions, users, type UserSession } from '../schema';
import { summaryColumns, type UserSummary } from './user-summary';

/** A session ends after 30 minutes without a request (the editor walked away from an unlocked screen). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and 8 hours after sign-in whatever happens: a working day, then sign in again. */
export const SESSION_ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** How often a used session's lastSeenAt is written. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export async function createSession({ userId, now = new Date() }: { userId: number; now?: Date }, tx?: DbOrTx): Promise<UserSession> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .insert(userSessions)
    .values({ userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS) })
    .returning();
  return row!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The conditions under which a session row still counts: not revoked, not past its absolute end, not idle too long. */
function liveSession(sessionId: string, now: Date) {
  return and(
    eq(userSessions.id, sessionId),
    isNull(userSessions.revokedAt),
    gt(userSessions.expiresAt, now),
    gt(userSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
  );
}

/**
 * Mark the session as used now, if it is still live (the idle check and the touch are one
 * statement). Returns the session, or null when it was revoked, expired or idle too long.
 */
export async function touchSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }, tx?: DbOrTx): Promise<UserSession | null> {
  if (!UUID.test(sessionId)) return null;
  const db = tx ?? (await getDb());
  // Writing lastSeenAt on every request would serialise a user's parallel requests on one row;
  // once a minute is precise enough for a 30-minute idle limit.
  const [current] = await db.select().from(userSessions).where(liveSession(sessionId, now));
  if (!current) return null;
  if (now.getTime() - current.lastSeenAt.getTime() < SESSION_TOUCH_INTERVAL_MS) return current;
  const [row] = await db.update(userSessions).set({ lastSeenAt: now }).where(liveSession(sessionId, now)).returning();
  return row ?? null;
}

/**
 * A live session and its account, read without touching. `lock` takes a share lock on both
 * rows until the caller's transaction ends, so a concurrent sign-out, demotion or
 * deactivation waits for the write that was allowed to finish, rather than racing it.
 */
export async function findLiveSession(
  { sessionId, now = new Date(), lock = false }: { sessionId: string; now?: Date; lock?: boolean },
  tx?: DbOrTx,
): Promise<{ session: UserSession; user: UserSummary } | null> {
  if (!UUID.test(sessionId)) return null;
  const db = tx ?? (await getDb());
  const query = db
    .select({ session: userSessions, user: summaryColumns })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(liveSession(sessionId, now));
  const [row] = lock ? await query.for('share') : await query;
  return row ?? null;
}

export async function revokeSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }, tx?: DbOrTx): Promise<void> {
  if (!UUID.test(sessionId)) return;
  const db = tx ?? (await getDb());
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** End every session of an account (deactivation, role change, password reset). Returns how many were live. */
export async function revokeSessionsForUser({ userId, now = new Date() }: { userId: number; now?: Date }, tx?: DbOrTx): Promise<number> {
  const db = tx ?? (await getDb());
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length;
}

