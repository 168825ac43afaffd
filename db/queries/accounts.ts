import 'server-only';
/**
 * Staff accounts. Functions that change an account take `by`: the signed-in admin making the
 * change (re-checked inside the transaction by `assertActor`), or 'console' for the operator
 * at the server (scripts/user.ts, start-up bootstrap). There is no default, so a caller
 * cannot skip the check by forgetting an argument.
 */
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { users, type User } from '../schema';
import { assertActor, type ActorRef } from '../permissions';
import { revokeSessionsForUser } from './sessions';
import { clearAccountThrottle } from './sign-in-throttle';
import { summaryColumns, type UserSummary } from './user-summary';
import { InvalidError, isUniqueViolation, NotFoundError } from '@/lib/errors';
import { hashPassword } from '@/lib/password';
import { passwordProblem } from '@/lib/password-policy';
import { securityLog } from '@/lib/security-log';
import { normaliseEmail } from '@/lib/validations/auth';
import type { UserRole as Role } from '@/lib/vocabulary';

export type { UserSummary };

/** Who makes an account change: a signed-in admin, or the operator at the console. */
export type ChangedBy = ActorRef | 'console';

/** Run `work` in a transaction: a new one on the app database, or a savepoint inside the caller's. */
async function inTransaction<T>(tx: DbOrTx | undefined, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const base = tx ?? (await getDb());
  return base.transaction((t) => work(t));
}

async function checkBy(by: ChangedBy, tx: DbOrTx): Promise<void> {
  if (by !== 'console') await assertActor(by, 'admin', tx);
}

function actorIdOf(by: ChangedBy): number | 'console' {
  return by === 'console' ? 'console' : by.userId;
}

/** Changes to who is an admin take this lock first, so two admins demoting each other cannot both succeed. */
const ACCOUNTS_LOCK = 7_340_101;
async function lockAccounts(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNTS_LOCK})`);
}

function policyCheck(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new InvalidError(problem, { password: [problem] });
}

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
    const created = await inTransaction(tx, async (t) => {
      await checkBy(by, t);
      const [existing] = await t.select({ id: users.id }).from(users).where(eq(users.email, normalised));
      if (existing) throw taken();
      const [row] = await t
        .insert(users)
        .values({ email: normalised, displayName: name, role, passwordHash })
        .returning(summaryColumns);
      return row!;
    });
    securityLog.accountWrite({ actorId: actorIdOf(by), action: 'create', targetUserId: created.id, role: created.role, active: created.active });
    return created;
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
  const { row, changed } = await inTransaction(tx, async (t) => {
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
    const changed = (['displayName', 'role', 'active'] as const).filter((key) => row![key] !== current[key]);
    return { row: row!, changed };
  });
  if (changed.length > 0) {
    securityLog.accountWrite({ actorId: actorIdOf(by), action: 'update', targetUserId: userId, changed, role: row.role, active: row.active });
  }
  return row;
}

/** Set a new password (policy enforced), end the account's sessions and forget its failed sign-ins. */
export async function resetPassword(
  { userId, password, by, now = new Date() }: { userId: number; password: string; by: ChangedBy; now?: Date },
  tx?: DbOrTx,
): Promise<UserSummary> {
  policyCheck(password);
  const passwordHash = await hashPassword(password);
  const updated = await inTransaction(tx, async (t) => {
    await checkBy(by, t);
    const [row] = await t
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, userId))
      .returning(summaryColumns);
    if (!row) throw new NotFoundError('Không tìm thấy tài khoản này.');
    await revokeSessionsForUser({ userId, now }, t);
    await clearAccountThrottle({ email: row.email }, t);
    return row;
  });
  securityLog.accountWrite({ actorId: actorIdOf(by), action: 'reset_password', targetUserId: userId });
  return updated;
}

/**
 * Store a fresh hash of the password just verified (after a parameter change). Not a
 * permission-bearing change: only the sign-in path calls it, with the password it checked.
 */
export async function rehashPassword({ userId, password }: { userId: number; password: string }, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId));
}

