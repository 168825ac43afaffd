import 'server-only';
/** Sign-in throttling: failed attempts counted per account ("email:…") and per address ("ip:…"). */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { signInThrottle } from '../schema';
import { normaliseEmail } from '@/lib/validations/auth';

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
