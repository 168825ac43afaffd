import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { recoveryCodes, users } from '@/db/schema';
import { createUser, getUserById } from '@/db/queries/accounts';
import {
  beginEnrolment,
  confirmEnrolment,
  countUnusedRecoveryCodes,
  resetSecondFactor,
  setSecondFactorRequired,
  verifySecondFactor,
} from '@/db/queries/second-factor';
import { createSession, findLiveSession } from '@/db/queries/sessions';
import { releaseAttempt, reserveAttempt, THROTTLE_PAIR_LIMIT, throttleState } from '@/db/queries/sign-in-throttle';
import type { ActorRef } from '@/db/permissions';
import { AuthError, InvalidError } from '@/lib/errors';
import { decryptTotpSecret, secondFactorDue, totpCode, TOTP_PERIOD_SECONDS } from '@/lib/second-factor';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const PASSWORD = 'một mật khẩu đủ dài 2025';
const KEY = randomBytes(32);
// The middle of a 30-second step, so "one step later" is unambiguous.
const T0 = new Date(Math.floor(Date.UTC(2026, 11, 2, 9) / 30_000) * 30_000 + 15_000);
const steps = (n: number) => new Date(T0.getTime() + n * TOTP_PERIOD_SECONDS * 1000);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe(`second factor (${databaseKind()})`, () => {
  let t: TestDatabase;
  let admin: ActorRef;
  let editor: ActorRef;
  let editorEmail: string;

  const actorFor = async (email: string, role: 'admin' | 'editor') => {
    const user = await createUser({ email, displayName: email, role, password: PASSWORD, by: 'console' }, t.db);
    const session = await createSession({ userId: user.id, now: T0 }, t.db);
    return { userId: user.id, sessionId: session.id };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    admin = await actorFor('admin-2fa@example.vn', 'admin');
    editorEmail = 'editor-2fa@example.vn';
    editor = await actorFor(editorEmail, 'editor');
  });
  afterAll(async () => {
    await t?.close();
  });

  let secret = '';
  let codes: string[] = [];

  it('enrolment keeps one pending secret, encrypted at rest and bound to the account', async () => {
    const first = await beginEnrolment({ by: editor, key: KEY, now: T0 }, t.db);
    const again = await beginEnrolment({ by: editor, key: KEY, now: T0 }, t.db);
    expect(again.secret).toBe(first.secret);
    expect(first.email).toBe(editorEmail);
    secret = first.secret;

    const [row] = await t.db.select().from(users).where(eq(users.id, editor.userId));
    expect(row!.totpSecret).not.toContain(secret);
    expect(row!.totpConfirmedAt).toBeNull();
    expect(decryptTotpSecret(row!.totpSecret!, KEY, editor.userId)).toBe(secret);
    expect(decryptTotpSecret(row!.totpSecret!, randomBytes(32), editor.userId)).toBeNull(); // another AUTH_SECRET
    expect(decryptTotpSecret(row!.totpSecret!, KEY, admin.userId)).toBeNull(); // copied to another row
  });

  it('a wrong first code confirms nothing', async () => {
    const wrong = totpCode(secret, steps(-5));
    const error = await rejection(confirmEnrolment({ by: editor, code: wrong, key: KEY, now: T0 }, t.db));
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).fieldErrors?.code?.[0]).toMatch(/không đúng/);
    expect((await getUserById({ id: editor.userId }, t.db))!.secondFactorSince).toBeNull();
  });

  it('the first valid code confirms it and gives ten recovery codes, stored hashed', async () => {
    const result = await confirmEnrolment({ by: editor, code: totpCode(secret, T0), key: KEY, now: T0 }, t.db);
    codes = result.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const stored = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, editor.userId));
    expect(stored).toHaveLength(10);
    for (const r of stored) expect(codes.join()).not.toContain(r.codeHash);
    expect((await getUserById({ id: editor.userId }, t.db))!.secondFactorSince).toEqual(T0);
    // Once confirmed, the secret is never handed out again.
    expect(await rejection(beginEnrolment({ by: editor, key: KEY, now: T0 }, t.db))).toBeInstanceOf(InvalidError);
  });

  it('a code cannot be replayed within its window, nor an older one used after a newer', async () => {
    // The enrolment code's own step was spent by the confirmation.
    expect(await verifySecondFactor({ userId: editor.userId, code: totpCode(secret, T0), key: KEY, now: T0 }, t.db)).toBe('invalid');
    const later = totpCode(secret, steps(1));
    expect(await verifySecondFactor({ userId: editor.userId, code: later, key: KEY, now: steps(1) }, t.db)).toBe('accepted');
    expect(await verifySecondFactor({ userId: editor.userId, code: later, key: KEY, now: steps(1) }, t.db)).toBe('invalid');
    // Still inside the window one step on, and still refused.
    expect(await verifySecondFactor({ userId: editor.userId, code: later, key: KEY, now: steps(2) }, t.db)).toBe('invalid');
    // A wrong code, and a right one from too long ago.
    expect(await verifySecondFactor({ userId: editor.userId, code: totpCode(secret, steps(100)), key: KEY, now: steps(3) }, t.db)).toBe('invalid');
    expect(await verifySecondFactor({ userId: editor.userId, code: totpCode(secret, steps(3)), key: KEY, now: steps(6) }, t.db)).toBe('invalid');
    // Clock drift of one step either way is fine.
    expect(await verifySecondFactor({ userId: editor.userId, code: totpCode(secret, steps(9)), key: KEY, now: steps(8) }, t.db)).toBe('accepted');
  });

  it('a recovery code works once, however it is typed', async () => {
    const code = codes[0]!;
    const typed = ` ${code.toLowerCase().replace('-', '')} `;
    expect(await verifySecondFactor({ userId: editor.userId, code: typed, key: KEY, now: steps(20) }, t.db)).toBe('recovery-code-used');
    expect(await verifySecondFactor({ userId: editor.userId, code, key: KEY, now: steps(21) }, t.db)).toBe('invalid');
    expect(await countUnusedRecoveryCodes({ userId: editor.userId }, t.db)).toBe(9);
    // Another account's codes are not this one's.
    expect(await verifySecondFactor({ userId: admin.userId, code: codes[1]!, key: KEY, now: steps(21) }, t.db)).toBe('invalid');
  });

  it('two sign-ins racing with one recovery code: exactly one gets in', async () => {
    const code = codes[2]!;
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor({ userId: editor.userId, code, key: KEY, now: steps(30) }, t.db)));
    expect(results.filter((r) => r === 'recovery-code-used')).toHaveLength(1);
  });

  it('an admin resets it: the account is signed out, its secret and recovery codes gone', async () => {
    const other = await createSession({ userId: editor.userId, now: T0 }, t.db);
    // Only an admin may.
    const refused = await rejection(resetSecondFactor({ userId: editor.userId, by: editor, now: T0 }, t.db));
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as AuthError).code).toBe('forbidden');

    const row = await resetSecondFactor({ userId: editor.userId, by: admin, now: T0 }, t.db);
    expect(row.secondFactorSince).toBeNull();
    expect(await findLiveSession({ sessionId: editor.sessionId, now: T0 }, t.db)).toBeNull();
    expect(await findLiveSession({ sessionId: other.id, now: T0 }, t.db)).toBeNull();
    expect(await countUnusedRecoveryCodes({ userId: editor.userId }, t.db)).toBe(0);
    const [stored] = await t.db.select().from(users).where(eq(users.id, editor.userId));
    expect(stored).toMatchObject({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null });
    expect(await verifySecondFactor({ userId: editor.userId, code: totpCode(secret, steps(40)), key: KEY, now: steps(40) }, t.db)).toBe('invalid');
    // The admin's own session is untouched.
    expect(await findLiveSession({ sessionId: admin.sessionId, now: T0 }, t.db)).not.toBeNull();
  });

  it('the requirement flag: set by an admin only, and it makes an editor without a factor due', async () => {
    editor = { userId: editor.userId, sessionId: (await createSession({ userId: editor.userId, now: T0 }, t.db)).id };
    const before = (await getUserById({ id: editor.userId }, t.db))!;
    expect(secondFactorDue(before)).toBe(false);

    const refused = await rejection(setSecondFactorRequired({ userId: editor.userId, required: true, by: editor, now: T0 }, t.db));
    expect((refused as AuthError).code).toBe('forbidden');

    const marked = await setSecondFactorRequired({ userId: editor.userId, required: true, by: admin, now: T0 }, t.db);
    expect(marked.secondFactorRequired).toBe(true);
    expect(secondFactorDue(marked)).toBe(true);
    expect(secondFactorDue(marked, 'per-account')).toBe(true);
    // The flag does not sign anyone out: the next request leads to enrolment instead.
    expect(await findLiveSession({ sessionId: editor.sessionId, now: T0 }, t.db)).not.toBeNull();

    // Enrolling clears "due"; unmarking lifts the requirement.
    const { secret: fresh } = await beginEnrolment({ by: editor, key: KEY, now: steps(50) }, t.db);
    await confirmEnrolment({ by: editor, code: totpCode(fresh, steps(50)), key: KEY, now: steps(50) }, t.db);
    expect(secondFactorDue((await getUserById({ id: editor.userId }, t.db))!)).toBe(false);
    const unmarked = await setSecondFactorRequired({ userId: editor.userId, required: false, by: admin, now: T0 }, t.db);
    expect(unmarked.secondFactorRequired).toBe(false);
  });

  it('admins must have one under the default policy, not under per-account', async () => {
    const row = (await getUserById({ id: admin.userId }, t.db))!;
    expect(row.secondFactorSince).toBeNull();
    expect(secondFactorDue(row)).toBe(true);
    expect(secondFactorDue(row, 'admins')).toBe(true);
    expect(secondFactorDue(row, 'per-account')).toBe(false);
  });

  it('asking for the code is not a failure, but it never wipes the wrong codes counted before it', async () => {
    const attempt = { email: editorEmail, address: '203.0.113.9' };
    // Wrong codes: each reservation stands.
    for (let i = 0; i < THROTTLE_PAIR_LIMIT - 1; i++) expect((await reserveAttempt(attempt, { now: T0 }, t.db)).blocked).toBe(false);
    // Password right, no code yet: reserved then released, many times over.
    for (let i = 0; i < 10; i++) {
      expect((await reserveAttempt(attempt, { now: T0 }, t.db)).blocked).toBe(false);
      await releaseAttempt(attempt, t.db);
    }
    expect((await throttleState(attempt, { now: T0 }, t.db)).blocked).toBe(false);
    // One more wrong code reaches the limit, exactly as if the releases had never happened.
    await reserveAttempt(attempt, { now: T0 }, t.db);
    expect((await throttleState(attempt, { now: T0 }, t.db)).blocked).toBe(true);
    expect((await reserveAttempt(attempt, { now: T0 }, t.db)).blocked).toBe(true);
  });
});
