import 'server-only';
/**
 * Staff accounts, their sign-in sessions, and sign-in throttling.
 *
 * Functions that change an account take `by`: the signed-in admin making the change
 * (re-checked inside the transaction by `assertActor`), or 'console' for the operator
 * at the server (scripts/user.ts, start-up bootstrap). There is no default, so a caller
 * cannot skip the check by forgetting an argument. Every time-dependent function takes
 * an optional `now`, so tests move the clock instead of sleeping.
 */
import { and, asc, count, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { signInThrottle, userSessions, users, type User, type UserSession } from '../schema';
import { assertActor, type ActorRef } from '@/lib/auth';
import { InvalidError, NotFoundError } from '@/lib/errors';
import { hashPassword } from '@/lib/password';
import { passwordProblem } from '@/lib/password-policy';
import { normaliseEmail } from '@/lib/validations/auth';
import type { Role } from '@/lib/validations/user';

export { normaliseEmail };
export type { Role };

// ------------------------------------------------------------------ policy

/** A session ends after 30 minutes without a request (the editor walked away from an unlocked screen). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and 8 hours after sign-in whatever happens: a working day, then sign in again. */
export const SESSION_ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** How often a used session's lastSeenAt is written. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/** Failed sign-ins tolerated per account ("email:…") before delays start. */
export const THROTTLE_ACCOUNT_LIMIT = 5;
/** Failed sign-ins tolerated per client address ("ip:…"): higher, an office shares one address. */
export const THROTTLE_ADDRESS_LIMIT = 20;
/** First delay once a limit is reached; each further failure doubles it… */
export const THROTTLE_BASE_DELAY_SECONDS = 30;
/** …up to this cap, so nothing ever locks for longer than 15 minutes at a time. */
export const THROTTLE_MAX_DELAY_SECONDS = 15 * 60;
/** A key with no failure for this long starts counting from zero again. */
export const THROTTLE_FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Who makes an account change: a signed-in admin, or the operator at the console. */
export type ChangedBy = ActorRef | 'console';

/** What pages may see of an account: never the hash. */
export type UserSummary = Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'active' | 'createdAt' | 'updatedAt'>;

const summaryColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  active: users.active,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** Run `work` in a transaction: a new one on the app database, or a savepoint inside the caller's. */
async function inTransaction<T>(tx: DbOrTx | undefined, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const base = tx ?? (await getDb());
  return base.transaction((t) => work(t));
}

async function checkBy(by: ChangedBy, tx: DbOrTx): Promise<void> {
  if (by !== 'console') await assertActor(by, 'admin', tx);
}

/** Changes to who is an admin take this lock first, so two admins demoting each other cannot both succeed. */
const ACCOUNTS_LOCK = 7_340_101;
async function lockAccounts(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNTS_LOCK})`);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function policyCheck(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new InvalidError(problem, { password: [problem] });
}

// ------------------------------------------------------------------ accounts

export async function findUserByEmail({ email }: { email: string }, tx?: DbOrTx): Promise<User | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
  return row ?? null;
}

export async function getUserById({ id }: { id: number }, tx?: DbOrTx): Promise<UserSummary | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select(summaryColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Every account, admins first, then by name. */
export async function listUsers(tx?: DbOrTx): Promise<UserSummary[]> {
  const db = tx ?? (await getDb());
  return db.select(summaryColumns).from(users).orderBy(asc(users.role), asc(users.displayName), asc(users.id));
}

export async function countActiveAdmins(tx?: DbOrTx): Promise<number> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return row?.n ?? 0;
}

export async function createUser(
  { email, displayName, role, password, by }: { email: string; displayName: string; role: Role; password: string; by: ChangedBy },
  tx?: DbOrTx,
): Promise<UserSummary> {
  policyCheck(password);
  const normalised = normaliseEmail(email);
  const name = displayName.normalize('NFC').trim();
  if (!name) throw new InvalidError('Hãy nhập tên hiển thị.', { displayName: ['Hãy nhập tên hiển thị.'] });
  const passwordHash = await hashPassword(password); // outside the transaction: ~30 ms of CPU holding no locks
  const taken = () => new InvalidError('Email này đã có tài khoản.', { email: ['Email này đã có tài khoản.'] });
  try {
    return await inTransaction(tx, async (t) => {
      await checkBy(by, t);
      const [existing] = await t.select({ id: users.id }).from(users).where(eq(users.email, normalised));
      if (existing) throw taken();
      const [row] = await t
        .insert(users)
        .values({ email: normalised, displayName: name, role, passwordHash })
        .returning(summaryColumns);
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/**
 * Change an account's name, role or active flag. A role change or a deactivation ends the
 * account's sessions at once. Refuses to leave the site without an active admin.
 */
export async function updateUser(
  {
    userId,
    displayName,
    role,
    active,
    by,
    now = new Date(),
  }: { userId: number; displayName?: string; role?: Role; active?: boolean; by: ChangedBy; now?: Date },
  tx?: DbOrTx,
): Promise<UserSummary> {
  return inTransaction(tx, async (t) => {
    await lockAccounts(t);
    await checkBy(by, t);
    const [current] = await t.select(summaryColumns).from(users).where(eq(users.id, userId)).for('update');
    if (!current) throw new NotFoundError('Không tìm thấy tài khoản này.');

    const nextRole = role ?? current.role;
    const nextActive = active ?? current.active;
    const losesAdmin = current.role === 'admin' && current.active && (nextRole !== 'admin' || !nextActive);
    if (losesAdmin) {
      const [others] = await t
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
      if ((others?.n ?? 0) === 0) {
        const self = by !== 'console' && by.userId === userId;
        throw new InvalidError(
          self
            ? 'Bạn là quản trị viên đang hoạt động cuối cùng. Hãy cấp quyền quản trị cho một người khác trước khi tự hạ quyền hoặc tự khoá tài khoản của mình.'
            : 'Đây là quản trị viên đang hoạt động cuối cùng. Hãy cấp quyền quản trị cho một người khác trước.',
        );
      }
    }

    const name = displayName?.normalize('NFC').trim();
    if (displayName !== undefined && !name) throw new InvalidError('Hãy nhập tên hiển thị.', { displayName: ['Hãy nhập tên hiển thị.'] });

    const [row] = await t
      .update(users)
      .set({ displayName: name ?? current.displayName, role: nextRole, active: nextActive, updatedAt: now })
      .where(eq(users.id, userId))
      .returning(summaryColumns);
    if (nextRole !== current.role || (current.active && !nextActive)) {
      await revokeSessionsForUser({ userId, now }, t);
    }
    return row!;
  });
}

/** Set a new password (policy enforced), end the account's sessions and forget its failed sign-ins. */
export async function resetPassword(
  { userId, password, by, now = new Date() }: { userId: number; password: string; by: ChangedBy; now?: Date },
  tx?: DbOrTx,
): Promise<UserSummary> {
  policyCheck(password);
  const passwordHash = await hashPassword(password);
  return inTransaction(tx, async (t) => {
    await checkBy(by, t);
    const [row] = await t
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, userId))
      .returning(summaryColumns);
    if (!row) throw new NotFoundError('Không tìm thấy tài khoản này.');
    await revokeSessionsForUser({ userId, now }, t);
    await clearFailures({ keys: [accountThrottleKey(row.email)] }, t);
    return row;
  });
}

/**
 * Store a fresh hash of the password just verified (after a parameter change). Not a
 * permission-bearing change: only the sign-in path calls it, with the password it checked.
 */
export async function rehashPassword({ userId, password }: { userId: number; password: string }, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId));
}

// ------------------------------------------------------------------ sessions

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

// ------------------------------------------------------------------ throttling

export type ThrottleState = { blocked: boolean; retryAfterSeconds: number };

export function accountThrottleKey(email: string): string {
  return `email:${normaliseEmail(email)}`;
}

export function addressThrottleKey(address: string): string {
  return `ip:${address.trim().toLowerCase() || 'unknown'}`;
}

/** How long a key is blocked after its `failures`-th failure: nothing below the limit, then 30 s doubling to at most 15 min. */
export function throttleDelaySeconds(key: string, failures: number): number {
  const limit = key.startsWith('ip:') ? THROTTLE_ADDRESS_LIMIT : THROTTLE_ACCOUNT_LIMIT;
  if (failures < limit) return 0;
  const doublings = Math.min(failures - limit, 10); // 2^10 × 30 s is far past the cap already
  return Math.min(THROTTLE_BASE_DELAY_SECONDS * 2 ** doublings, THROTTLE_MAX_DELAY_SECONDS);
}

/** Whether any of `keys` is blocked now, and for how many more seconds (the longest wait). */
export async function checkThrottle({ keys, now = new Date() }: { keys: string[]; now?: Date }, tx?: DbOrTx): Promise<ThrottleState> {
  if (keys.length === 0) return { blocked: false, retryAfterSeconds: 0 };
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ blockedUntil: signInThrottle.blockedUntil })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.blockedUntil, now)));
  const waitMs = Math.max(0, ...rows.map((r) => (r.blockedUntil ? r.blockedUntil.getTime() - now.getTime() : 0)));
  return waitMs > 0 ? { blocked: true, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { blocked: false, retryAfterSeconds: 0 };
}

/** Count one failed sign-in against each key (atomically) and set its block; returns the state after it. */
export async function recordFailure({ keys, now = new Date() }: { keys: string[]; now?: Date }, tx?: DbOrTx): Promise<ThrottleState> {
  const db = tx ?? (await getDb());
  const forgetBefore = new Date(now.getTime() - THROTTLE_FORGET_AFTER_MS).toISOString();
  let longest = 0;
  for (const key of new Set(keys)) {
    const [row] = await db
      .insert(signInThrottle)
      .values({ key, failures: 1, lastFailureAt: now, blockedUntil: null })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${signInThrottle.lastFailureAt} < ${forgetBefore}::timestamptz then 1 else ${signInThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: signInThrottle.failures });
    const delay = throttleDelaySeconds(key, row?.failures ?? 1);
    await db
      .update(signInThrottle)
      .set({ blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null })
      .where(eq(signInThrottle.key, key));
    longest = Math.max(longest, delay);
  }
  return { blocked: longest > 0, retryAfterSeconds: longest };
}

/** Forget failures (after a successful sign-in: the account key only, never the address). */
export async function clearFailures({ keys }: { keys: string[] }, tx?: DbOrTx): Promise<void> {
  if (keys.length === 0) return;
  const db = tx ?? (await getDb());
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, keys));
}
