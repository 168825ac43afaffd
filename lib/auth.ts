import 'server-only';
import { cache } from 'react';
/**
 * Permissions, in one place. Every staff page, every server action and every data write asks
 * here; proxy.ts only saves a round trip for visitors with no cookie at all.
 *
 * - `getCurrentUser()` / `requireUser()` / `requireRole()`: for pages and actions. Each call
 *   re-reads the session row and the account from the database.
 * - `assertActor()`: for write functions in db/queries, inside their transaction, so the
 *   permission is checked where (and when) the data changes.
 *
 * next/* and next-auth are imported lazily: db/queries modules import this file for
 * `assertActor`, and they must stay loadable from Vitest and scripts/user.ts, outside Next.
 */
import type { DbOrTx } from '@/db';
import { findLiveSession, getUserById, touchSession } from '@/db/queries/users';
import { AuthError } from '@/lib/errors';
import { signInHref } from '@/lib/auth/next-path';
import type { Role } from '@/lib/validations/user';

export { AuthError };
export type { AuthErrorCode } from '@/lib/errors';
export type { Role };

/** Enough to re-check a signed-in person later: what write functions receive. */
export type ActorRef = { userId: number; sessionId: string };

/** The signed-in person, as read from the database just now. */
export type Actor = { userId: number; sessionId: string; role: 'admin' | 'editor'; displayName: string; email: string };

/** Admins can do everything editors can. */
export function hasRole(actual: Role, required: Role): boolean {
  return actual === 'admin' || required === 'editor';
}

/** Header proxy.ts sets to the requested path, so a layout can send the visitor back to it after sign-in. */
export const PATHNAME_HEADER = 'x-kqnk-pathname';

/**
 * The signed-in user, or null: no cookie, a session signed out / past 8 hours / idle over
 * 30 minutes, or a deactivated account. A live session is marked as used now.
 *
 * Read once per request (React `cache`): the staff layout and its page both ask, and one
 * request must not pay for the session, user and JWT twice. Writes re-check inside their
 * transaction with `assertActor`, so this sharing never widens what a write may do.
 */
export const getCurrentUser = cache(async function getCurrentUser(): Promise<Actor | null> {
  const { auth } = await import('@/lib/auth/config');
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  const row = await touchSession({ sessionId });
  if (!row || row.userId !== session.userId) return null;
  const user = await getUserById({ id: row.userId });
  if (!user || !user.active) return null;
  return { userId: user.id, sessionId: row.id, role: user.role, displayName: user.displayName, email: user.email };
});

/** The signed-in user; throws AuthError('unauthenticated') otherwise. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError('unauthenticated');
  return user;
}

/** The signed-in user if their role is at least `role`; throws AuthError('unauthenticated' | 'forbidden'). */
export async function requireRole(role: Role): Promise<Actor> {
  const user = await requireUser();
  if (!hasRole(user.role, role)) throw new AuthError('forbidden');
  return user;
}

/**
 * Re-check, inside the caller's transaction, that `actor` may still act with `role`: the
 * session is live and the account active with that role. Both rows stay share-locked until
 * the transaction ends, so a concurrent sign-out, demotion or deactivation cannot slip in
 * between this check and the write. Returns the actor as stored now.
 */
export async function assertActor(actor: ActorRef, role: Role, tx: DbOrTx, now: Date = new Date()): Promise<Actor> {
  const found = await findLiveSession({ sessionId: actor.sessionId, now, lock: true }, tx);
  if (!found || found.session.userId !== actor.userId || !found.user.active) throw new AuthError('unauthenticated');
  if (!hasRole(found.user.role, role)) throw new AuthError('forbidden');
  const { user, session } = found;
  return { userId: user.id, sessionId: session.id, role: user.role, displayName: user.displayName, email: user.email };
}

// ------------------------------------------------------------------ pages

/** Where proxy.ts says this request was going (for `?next=`); the staff home when unknown. */
export async function requestedPath(): Promise<string> {
  const { headers } = await import('next/headers');
  return (await headers()).get(PATHNAME_HEADER) ?? '/quan-tri';
}

/**
 * For staff pages and layouts: the signed-in user with at least `role`. Otherwise redirects:
 * to sign-in (coming back here afterwards), or to the "not allowed" page.
 *
 * Call it in every staff page, not only in the layout: a layout is not re-rendered when
 * navigating between pages below it.
 */
export async function requireStaffPage(role: Role = 'editor'): Promise<Actor> {
  const { redirect } = await import('next/navigation');
  const user = await getCurrentUser();
  if (!user) return redirect(signInHref(await requestedPath()));
  if (!hasRole(user.role, role)) return redirect('/quan-tri/khong-du-quyen');
  return user;
}
