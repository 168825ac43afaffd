import 'server-only';
/**
 * Sign-in throttling, on three keys per attempt:
 *   - the account *and* the address (`pair:<email>|<address>`): 5 failures, then a delay of 30 s
 *     doubling up to 15 min. This is the key that stops a guesser, and only the guesser: the
 *     account's owner at another address is not held up by it.
 *   - the address (`ip:<address>`): 50 failures across accounts (an office shares one address),
 *     then the same delays — against one address trying many accounts.
 *   - the account alone (`email:<email>`): a ceiling of 100 failures within an hour, from any
 *     number of addresses — against guesses spread over many addresses. When it is reached the
 *     account waits for the end of that hour, whatever the address.
 * A key with no failure for a day starts from zero again.
 *
 * An attempt is *reserved* before the password is checked: in one transaction the three rows
 * are locked, a blocked key refuses the attempt (nothing counted), otherwise each count goes up
 * and the key that reached its limit is blocked at once. Parallel guesses are therefore counted
 * one by one and the sixth waits, whatever the timing. A correct password then gives the
 * reservation back (`settleSuccess`): the pair is forgotten, the other two counts go down by one.
 *
 * Kept in the portal's own table rather than rate-limiter-flexible: its PostgreSQL store needs
 * a `pg` pool (this portal speaks `postgres` and embedded PGlite) and it has no notion of a
 * reservation given back on success; this module is the same upsert-and-lock it would run.
 */
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { signInThrottle } from '../schema';
import { normaliseEmail } from '@/lib/validations/auth';

/** Failures per account at one address before delays start. */
export const THROTTLE_PAIR_LIMIT = 5;
/** Failures per address across accounts before delays start. */
export const THROTTLE_ADDRESS_LIMIT = 50;
/** Failures per account within one hour, from all addresses together. */
export const THROTTLE_ACCOUNT_CEILING = 100;
export const THROTTLE_ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
/** First delay once a limit is reached; each further failure doubles it… */
export const THROTTLE_BASE_DELAY_SECONDS = 30;
/** …up to this cap. */
export const THROTTLE_MAX_DELAY_SECONDS = 15 * 60;
/** A key with no failure for this long starts counting from zero again. */
export const THROTTLE_FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export type ThrottleState = { blocked: boolean; retryAfterSeconds: number };
export type Attempt = { email: string; address: string };

type Rule = 'pair' | 'address' | 'account';

const addressPart = (address: string) => address.trim().toLowerCase() || 'unknown';

export function accountThrottleKey(email: string): string {
  return `email:${normaliseEmail(email)}`;
}
export function addressThrottleKey(address: string): string {
  return `ip:${addressPart(address)}`;
}
export function pairThrottleKey(email: string, address: string): string {
  return `pair:${normaliseEmail(email)}|${addressPart(address)}`;
}

function keysOf({ email, address }: Attempt): Array<{ key: string; rule: Rule }> {
  return [
    { key: pairThrottleKey(email, address), rule: 'pair' },
    { key: addressThrottleKey(address), rule: 'address' },
    { key: accountThrottleKey(email), rule: 'account' },
  ];
}

/** The delay after a key's `failures`-th failure: none below its limit, then 30 s doubling to 15 min. */
export function throttleDelaySeconds(rule: 'pair' | 'address', failures: number): number {
  const limit = rule === 'pair' ? THROTTLE_PAIR_LIMIT : THROTTLE_ADDRESS_LIMIT;
  if (failures < limit) return 0;
  const doublings = Math.min(failures - limit, 10);
  return Math.min(THROTTLE_BASE_DELAY_SECONDS * 2 ** doublings, THROTTLE_MAX_DELAY_SECONDS);
}

type Row = { failures: number; lastFailureAt: Date; blockedUntil: Date | null };

/** The row after one more failure at `now`. For the account ceiling `lastFailureAt` holds the window's start. */
function afterFailure(rule: Rule, row: Row | undefined, now: Date): Row {
  if (rule === 'account') {
    const fresh = !row || now.getTime() - row.lastFailureAt.getTime() >= THROTTLE_ACCOUNT_WINDOW_MS;
    const windowStart = fresh ? now : row.lastFailureAt;
    const failures = fresh ? 1 : row.failures + 1;
    const blockedUntil = failures >= THROTTLE_ACCOUNT_CEILING ? new Date(windowStart.getTime() + THROTTLE_ACCOUNT_WINDOW_MS) : null;
    return { failures, lastFailureAt: windowStart, blockedUntil };
  }
  const forgotten = !row || now.getTime() - row.lastFailureAt.getTime() >= THROTTLE_FORGET_AFTER_MS;
  const failures = forgotten ? 1 : row.failures + 1;
  const delay = throttleDelaySeconds(rule, failures);
  return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null };
}

const retryAfter = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * Reserve one attempt before the password is checked. Refused (nothing counted) while any of its
 * keys is blocked; otherwise counted as a failure on every key until `settleSuccess` gives it back.
 */
export async function reserveAttempt(attempt: Attempt, { now = new Date() }: { now?: Date } = {}, tx?: DbOrTx): Promise<ThrottleState> {
  const db = tx ?? (await getDb());
  const keys = keysOf(attempt).sort((a, b) => a.key.localeCompare(b.key)); // one lock order for everyone
  return db.transaction(async (t) => {
    await t
      .insert(signInThrottle)
      .values(keys.map(({ key }) => ({ key, failures: 0, lastFailureAt: new Date(0), blockedUntil: null })))
      .onConflictDoNothing();
    const rows = await t
      .select()
      .from(signInThrottle)
      .where(inArray(signInThrottle.key, keys.map((k) => k.key)))
      .for('update');
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const waits = rows.filter((r) => r.blockedUntil && r.blockedUntil > now).map((r) => retryAfter(r.blockedUntil!, now));
    if (waits.length > 0) return { blocked: true, retryAfterSeconds: Math.max(...waits) };
    for (const { key, rule } of keys) {
      const before = byKey.get(key);
      const next = afterFailure(rule, before && before.failures > 0 ? before : undefined, now);
      await t.update(signInThrottle).set(next).where(eq(signInThrottle.key, key));
    }
    return { blocked: false, retryAfterSeconds: 0 };
  });
}

/** The attempt was the right password: forget the pair, and give back its count on the address and the account. */
export async function settleSuccess(attempt: Attempt, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  const [pair, address, account] = keysOf(attempt);
  await db.delete(signInThrottle).where(eq(signInThrottle.key, pair!.key));
  await db
    .update(signInThrottle)
    .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
    .where(inArray(signInThrottle.key, [address!.key, account!.key]));
  // The account's own ceiling was not what a successful sign-in should leave standing.
  await db
    .update(signInThrottle)
    .set({ blockedUntil: null })
    .where(and(eq(signInThrottle.key, account!.key), sql`${signInThrottle.failures} < ${THROTTLE_ACCOUNT_CEILING}`));
}

/**
 * The password was right but the second factor's code has not been asked yet: neither a failure
 * nor a success. Each count goes back down by one and a block that this reservation set is
 * lifted, but nothing is forgotten (unlike `settleSuccess`), so asking for the code again and
 * again cannot wipe the count of wrong codes.
 */
export async function releaseAttempt(attempt: Attempt, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  const limits: Record<Rule, number> = { pair: THROTTLE_PAIR_LIMIT, address: THROTTLE_ADDRESS_LIMIT, account: THROTTLE_ACCOUNT_CEILING };
  for (const { key, rule } of keysOf(attempt)) {
    // Below its limit a key carries no delay (throttleDelaySeconds), so its block can only have come from this reservation.
    await db
      .update(signInThrottle)
      .set({
        failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
        blockedUntil: sql`case when ${signInThrottle.failures} - 1 < ${limits[rule]} then null else ${signInThrottle.blockedUntil} end`,
      })
      .where(eq(signInThrottle.key, key));
  }
}

/** Whether the attempt's keys are blocked now (for tests and the form's wait message), counting nothing. */
export async function throttleState(attempt: Attempt, { now = new Date() }: { now?: Date } = {}, tx?: DbOrTx): Promise<ThrottleState> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ blockedUntil: signInThrottle.blockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keysOf(attempt).map((k) => k.key)));
  const waits = rows.filter((r) => r.blockedUntil && r.blockedUntil > now).map((r) => retryAfter(r.blockedUntil!, now));
  return waits.length > 0 ? { blocked: true, retryAfterSeconds: Math.max(...waits) } : { blocked: false, retryAfterSeconds: 0 };
}

/** Forget every count on an account (an administrator set a new password): its own key and its pairs. */
export async function clearAccountThrottle({ email }: { email: string }, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  const normalised = normaliseEmail(email);
  await db.delete(signInThrottle).where(eq(signInThrottle.key, accountThrottleKey(normalised)));
  await db.delete(signInThrottle).where(like(signInThrottle.key, `pair:${normalised.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`));
}
