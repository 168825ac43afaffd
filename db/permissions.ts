import 'server-only';
/**
 * The permission check that runs where the data changes: every write function in db/ calls
 * `assertActor` inside its own transaction. lib/auth.ts (pages and actions) calls down into
 * this module; nothing here imports lib/auth.
 */
import type { DbOrTx } from './index';
import { findLiveSession } from './queries/sessions';
import { AuthError } from '@/lib/errors';
import type { UserRole as Role } from '@/lib/vocabulary';

/** Enough to re-check a signed-in person later: what write functions receive. */
export type ActorRef = { userId: number; sessionId: string };

/** The signed-in person, as read from the database just now. */
export type Actor = { userId: number; sessionId: string; role: Role; displayName: string; email: string };

/** Admins can do everything editors can. */
export function hasRole(actual: Role, required: Role): boolean {
  return actual === 'admin' || required === 'editor';
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
  if (!hasRole(found.user.role, role)) throw new AuthError('forbidden', { userId: actor.userId });
  const { user, session } = found;
  return { userId: user.id, sessionId: session.id, role: user.role, displayName: user.displayName, email: user.email };
}
