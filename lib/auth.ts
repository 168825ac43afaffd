import 'server-only';
/**
 * Permissions for pages and actions. Every staff page and every server action asks here;
 * proxy.ts only saves a round trip for visitors with no cookie at all.
 *
 * - `getCurrentUser()` / `requireUser()` / `requireRole()`: for pages and actions. Each
 *   request re-reads the session row and the account from the database.
 * - Data writes re-check the actor inside their own transaction with `assertActor`
 *   (db/permissions.ts). This module only calls down into db/, never the reverse.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { hasRole, type Actor, type ActorRef } from '@/db/permissions';
import { getUserById } from '@/db/queries/accounts';
import { touchSession } from '@/db/queries/sessions';
import { auth } from '@/lib/auth/config';
import { signInHref } from '@/lib/auth/next-path';
import { env } from '@/lib/env';
import { AuthError } from '@/lib/errors';
import { PATHNAME_HEADER } from '@/lib/headers';
import { securityLog } from '@/lib/security-log';
import { secondFactorDue } from '@/lib/second-factor';
import type { UserRole as Role } from '@/lib/vocabulary';

export { AuthError, hasRole };
export type { AuthErrorCode } from '@/lib/errors';
export type { Actor, ActorRef, Role };

/** The enrolment page: the one staff page open to an account that must first enrol a second factor. */
export const SECOND_FACTOR_PATH = '/quan-tri/bao-mat';

/** The signed-in person, and whether they must enrol a second factor before anything else. */
export type StaffUser = Actor & { secondFactorDue: boolean };

/** For the enrolment page and its actions only: let through an account whose second factor is due. */
type DueOptions = { allowSecondFactorDue?: boolean };

/**
 * The signed-in user, or null: no cookie, a session signed out / past 8 hours / idle over
 * 30 minutes, or a deactivated account. A live session is marked as used now.
 *
 * Read once per request (React `cache`): the staff layout and its page both ask, and one
 * request must not pay for the session, user and JWT twice. Writes re-check inside their
 * transaction with `assertActor`, so this sharing never widens what a write may do.
 */
export const getCurrentUser = cache(async function getCurrentUser(): Promise<StaffUser | null> {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  const row = await touchSession({ sessionId });
  if (!row || row.userId !== session.userId) return null;
  const user = await getUserById({ id: row.userId });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    sessionId: row.id,
    role: user.role,
    displayName: user.displayName,
    email: user.email,
    secondFactorDue: secondFactorDue(user, env().SECOND_FACTOR_POLICY),
  };
});

/** The signed-in user; throws AuthError('unauthenticated') otherwise. */
export async function requireUser(): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError('unauthenticated');
  return user;
}

/**
 * The signed-in user if their role is at least `role` and no second factor is due; throws
 * AuthError('unauthenticated' | 'forbidden' | 'second_factor_required').
 */
export async function requireRole(role: Role, { allowSecondFactorDue = false }: DueOptions = {}): Promise<StaffUser> {
  const user = await requireUser();
  if (!hasRole(user.role, role)) throw new AuthError('forbidden', { userId: user.userId });
  if (user.secondFactorDue && !allowSecondFactorDue) throw new AuthError('second_factor_required', { userId: user.userId });
  return user;
}

// ------------------------------------------------------------------ pages

/** Where proxy.ts says this request was going (for `?next=`); the staff home when unknown. */
export async function requestedPath(): Promise<string> {
  return (await headers()).get(PATHNAME_HEADER) ?? '/quan-tri';
}

/**
 * For staff pages and layouts: the signed-in user with at least `role`. Otherwise redirects:
 * to sign-in (coming back here afterwards), or to the "not allowed" page.
 *
 * An account that must enrol a second factor and has not is sent to the enrolment page first,
 * from every staff page but that one.
 *
 * Call it in every staff page, not only in the layout: a layout is not re-rendered when
 * navigating between pages below it.
 */
export async function requireStaffPage(role: Role = 'editor', { allowSecondFactorDue = false }: DueOptions = {}): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = await requestedPath();
    securityLog.pageRefused({ reason: 'unauthenticated', requiredRole: role, path });
    return redirect(signInHref(path));
  }
  if (user.secondFactorDue && !allowSecondFactorDue) return redirect(SECOND_FACTOR_PATH);
  if (!hasRole(user.role, role)) {
    securityLog.pageRefused({ reason: 'forbidden', requiredRole: role, userId: user.userId, path: await requestedPath() });
    return redirect('/quan-tri/khong-du-quyen');
  }
  return user;
}

/** The staff layout: like `requireStaffPage('editor')`, letting a due account through to the enrolment page only. */
export async function requireStaffLayout(): Promise<StaffUser> {
  const path = (await requestedPath()).split('?')[0];
  return requireStaffPage('editor', { allowSecondFactorDue: path === SECOND_FACTOR_PATH });
}
