import 'server-only';
/**
 * The second factor (TOTP + recovery codes) as stored. The secret's key comes from the caller
 * (lib/auth/secret.ts derives it from AUTH_SECRET; tests pass their own), so db/ never reads
 * configuration files. Writes on behalf of a person re-check them inside the transaction.
 */
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { assertActor, type ActorRef } from '../permissions';
import { recoveryCodes, users } from '../schema';
import { revokeSessionsForUser } from './sessions';
import { summaryColumns, type UserSummary } from './user-summary';
import { InvalidError, NotFoundError } from '@/lib/errors';
import { securityLog } from '@/lib/security-log';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  looksLikeTotp,
  matchTotp,
  newRecoveryCodeHash,
  recoveryCodeMatches,
} from '@/lib/second-factor';

/** Who changes someone's second factor: a signed-in admin, or the operator at the console. */
export type SecondFactorChangedBy = ActorRef | 'console';

async function inTransaction<T>(tx: DbOrTx | undefined, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const base = tx ?? (await getDb());
  return base.transaction((t) => work(t));
}

export const CODE_INVALID_MESSAGE = 'Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng xác thực.';

/**
 * Start (or continue) one's own enrolment: a new secret is stored unconfirmed, or the pending
 * one is returned, so reloading the page keeps the QR code already scanned. Refused once a
 * factor is confirmed: the secret is never shown again after enrolment.
 */
export async function beginEnrolment(
  { by, key, now = new Date() }: { by: ActorRef; key: Buffer; now?: Date },
  tx?: DbOrTx,
): Promise<{ secret: string; email: string }> {
  return inTransaction(tx, async (t) => {
    await assertActor(by, 'editor', t, now);
    const [user] = await t
      .select({ id: users.id, email: users.email, totpSecret: users.totpSecret, totpConfirmedAt: users.totpConfirmedAt })
      .from(users)
      .where(eq(users.id, by.userId))
      .for('update');
    if (!user) throw new NotFoundError('Không tìm thấy tài khoản này.');
    if (user.totpConfirmedAt) throw new InvalidError('Tài khoản này đã bật xác thực hai bước.');
    const pending = user.totpSecret ? decryptTotpSecret(user.totpSecret, key, user.id) : null;
    if (pending) return { secret: pending, email: user.email };
    const secret = generateTotpSecret();
    await t
      .update(users)
      .set({ totpSecret: encryptTotpSecret(secret, key, user.id), totpLastStep: null, updatedAt: now })
      .where(eq(users.id, user.id));
    return { secret, email: user.email };
  });
}

/**
 * Confirm one's own enrolment with the first code from the app. Turns the factor on, spends the
 * code's time step, and replaces any recovery codes with ten new ones, returned here in clear
 * for the one time they are shown.
 */
export async function confirmEnrolment(
  { by, code, key, now = new Date() }: { by: ActorRef; code: string; key: Buffer; now?: Date },
  tx?: DbOrTx,
): Promise<{ recoveryCodes: string[] }> {
  const confirmed = await inTransaction(tx, async (t) => {
    await assertActor(by, 'editor', t, now);
    const [user] = await t
      .select({ id: users.id, totpSecret: users.totpSecret, totpConfirmedAt: users.totpConfirmedAt })
      .from(users)
      .where(eq(users.id, by.userId))
      .for('update');
    if (!user) throw new NotFoundError('Không tìm thấy tài khoản này.');
    if (user.totpConfirmedAt) throw new InvalidError('Tài khoản này đã bật xác thực hai bước.');
    const secret = user.totpSecret ? decryptTotpSecret(user.totpSecret, key, user.id) : null;
    if (!secret) throw new InvalidError('Phiên bật xác thực hai bước đã hết hạn. Hãy tải lại trang và quét mã QR mới.');
    const step = matchTotp(secret, code, now);
    if (step === null) throw new InvalidError(CODE_INVALID_MESSAGE, { code: [CODE_INVALID_MESSAGE] });
    await t.update(users).set({ totpConfirmedAt: now, totpLastStep: step, updatedAt: now }).where(eq(users.id, user.id));
    const codes = generateRecoveryCodes();
    await t.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await t.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, createdAt: now, ...newRecoveryCodeHash(c) })));
    return { recoveryCodes: codes };
  });
  securityLog.secondFactor({ actorId: by.userId, action: 'enrolled', targetUserId: by.userId });
  return confirmed;
}

export type SecondFactorCheck = 'accepted' | 'recovery-code-used' | 'invalid';

/**
 * The sign-in's second step, after the password matched: a TOTP code whose time step is later
 * than the last one accepted (one statement, so two requests cannot spend the same code), or an
 * unused recovery code (spent by the same kind of conditional update).
 */
export async function verifySecondFactor(
  { userId, code, key, now = new Date() }: { userId: number; code: string; key: Buffer; now?: Date },
  tx?: DbOrTx,
): Promise<SecondFactorCheck> {
  const db = tx ?? (await getDb());
  if (looksLikeTotp(code)) {
    const [user] = await db.select({ totpSecret: users.totpSecret, totpConfirmedAt: users.totpConfirmedAt }).from(users).where(eq(users.id, userId));
    const secret = user?.totpConfirmedAt && user.totpSecret ? decryptTotpSecret(user.totpSecret, key, userId) : null;
    const step = secret ? matchTotp(secret, code, now) : null;
    if (step === null) return 'invalid';
    const spent = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return spent.length === 1 ? 'accepted' : 'invalid';
  }
  if (code.length > 40) return 'invalid';
  const unused = await db
    .select({ id: recoveryCodes.id, salt: recoveryCodes.salt, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const match = unused.find((r) => recoveryCodeMatches(code, r));
  if (!match) return 'invalid';
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.id, match.id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent.length === 1 ? 'recovery-code-used' : 'invalid';
}

/** Unused recovery codes left (for the security page). */
export async function countUnusedRecoveryCodes({ userId }: { userId: number }, tx?: DbOrTx): Promise<number> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * Turn off an account's second factor (a lost phone): secret, replay mark and recovery codes
 * go, and every session of the account ends. If the account must have one, its next sign-in
 * leads straight to enrolment.
 */
export async function resetSecondFactor(
  { userId, by, now = new Date() }: { userId: number; by: SecondFactorChangedBy; now?: Date },
  tx?: DbOrTx,
): Promise<UserSummary> {
  const reset = await inTransaction(tx, async (t) => {
    if (by !== 'console') await assertActor(by, 'admin', t, now);
    const [row] = await t
      .update(users)
      .set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null, updatedAt: now })
      .where(eq(users.id, userId))
      .returning(summaryColumns);
    if (!row) throw new NotFoundError('Không tìm thấy tài khoản này.');
    await t.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await revokeSessionsForUser({ userId, now }, t);
    return row;
  });
  securityLog.secondFactor({ actorId: by === 'console' ? 'console' : by.userId, action: 'reset', targetUserId: userId });
  return reset;
}

/** Mark (or unmark) an account as having to use a second factor. Takes effect on its next request. */
export async function setSecondFactorRequired(
  { userId, required, by, now = new Date() }: { userId: number; required: boolean; by: SecondFactorChangedBy; now?: Date },
  tx?: DbOrTx,
): Promise<UserSummary> {
  const row = await inTransaction(tx, async (t) => {
    if (by !== 'console') await assertActor(by, 'admin', t, now);
    const [updated] = await t
      .update(users)
      .set({ secondFactorRequired: required, updatedAt: now })
      .where(eq(users.id, userId))
      .returning(summaryColumns);
    if (!updated) throw new NotFoundError('Không tìm thấy tài khoản này.');
    return updated;
  });
  securityLog.secondFactor({ actorId: by === 'console' ? 'console' : by.userId, action: required ? 'required' : 'not_required', targetUserId: userId });
  return row;
}
