import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { countActiveAdmins, createUser, findUserByEmail, listUsers, resetPassword, updateUser } from '@/db/queries/accounts';
import { createSession, findLiveSession, revokeSession, revokeSessionsForUser, SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_IDLE_TIMEOUT_MS, touchSession } from '@/db/queries/sessions';
import { reserveAttempt, throttleState } from '@/db/queries/sign-in-throttle';
import { assertActor, type ActorRef } from '@/db/permissions';
import { AuthError } from '@/lib/errors';
import { bootstrapAdmin } from '@/lib/auth/bootstrap';
import { InvalidError, NotFoundError } from '@/lib/errors';
import { verifyPassword } from '@/lib/password';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const PASSWORD = 'một mật khẩu đủ dài 2025';
const minutes = (n: number) => n * 60 * 1000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function expectAuthError(promise: Promise<unknown>, code: 'unauthenticated' | 'forbidden') {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe(code);
}

describe(`users, sessions and throttling (${databaseKind()})`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('bootstrapAdmin', () => {
    it('creates nothing without configuration, and says how to', async () => {
      const lines: string[] = [];
      const r = await bootstrapAdmin(t.db, { log: (l) => lines.push(l) });
      expect(r.outcome).toBe('not_configured');
      expect(lines.join('\n')).toMatch(/ADMIN_EMAIL/);
      expect(await countActiveAdmins(t.db)).toBe(0);
    });

    it('refuses a weak password and never prints it', async () => {
      const lines: string[] = [];
      const r = await bootstrapAdmin(t.db, { email: 'admin@example.vn', password: 'matkhau123456', log: (l) => lines.push(l) });
      expect(r.outcome).toBe('weak_password');
      expect(lines.join('\n')).not.toContain('matkhau123456');
      expect(await findUserByEmail({ email: 'admin@example.vn' }, t.db)).toBeNull();
    });

    it('creates the admin when none exists, without printing the password', async () => {
      const lines: string[] = [];
      const r = await bootstrapAdmin(t.db, { email: ' Admin@Example.VN ', password: PASSWORD, log: (l) => lines.push(l) });
      expect(r.outcome).toBe('created');
      expect(lines.join('\n')).not.toContain(PASSWORD);
      const admin = await findUserByEmail({ email: 'admin@example.vn' }, t.db);
      expect(admin).toMatchObject({ role: 'admin', active: true, email: 'admin@example.vn' });
      expect(await verifyPassword(admin!.passwordHash, PASSWORD)).toBe(true);
    });

    it('does nothing once an active admin exists', async () => {
      const r = await bootstrapAdmin(t.db, { email: 'second@example.vn', password: PASSWORD, log: () => {} });
      expect(r.outcome).toBe('admin_exists');
      expect(await findUserByEmail({ email: 'second@example.vn' }, t.db)).toBeNull();
      expect(await countActiveAdmins(t.db)).toBe(1);
    });
  });

  describe('accounts', () => {
    it('normalises emails: trimmed, lower-case, NFC', async () => {
      const decomposed = 'Nguyễn.Văn@Example.VN'.normalize('NFD');
      const u = await createUser({ email: `  ${decomposed} `, displayName: ' Nguyễn Văn ', role: 'editor', password: PASSWORD, by: 'console' }, t.db);
      expect(u.email).toBe('nguyễn.văn@example.vn'.normalize('NFC'));
      expect(u.displayName).toBe('Nguyễn Văn');
      const found = await findUserByEmail({ email: 'NGUYỄN.VĂN@example.vn' }, t.db);
      expect(found?.id).toBe(u.id);
      expect(await findUserByEmail({ email: 'nobody@example.vn' }, t.db)).toBeNull();
    });

    it('refuses a second account for the same address, however it is spelled', async () => {
      const error = await createUser({ email: 'ADMIN@example.vn', displayName: 'X', role: 'editor', password: PASSWORD, by: 'console' }, t.db).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).fieldErrors?.email?.[0]).toMatch(/đã có tài khoản/);
    });

    it('enforces the password policy in the data layer too', async () => {
      const error = await createUser({ email: 'weak@example.vn', displayName: 'Weak', role: 'editor', password: 'passwordpassword', by: 'console' }, t.db).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).fieldErrors?.password).toBeDefined();
    });

    it('lists accounts without their hashes', async () => {
      const list = await listUsers(t.db);
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list[0]).not.toHaveProperty('passwordHash');
      expect(list[0]?.role).toBe('admin');
    });
  });

  describe('sessions', () => {
    const T0 = new Date('2030-02-01T08:00:00Z');
    let editorId: number;

    beforeAll(async () => {
      editorId = (await createUser({ email: 'session@example.vn', displayName: 'Phiên', role: 'editor', password: PASSWORD, by: 'console' }, t.db)).id;
    });

    it('ends after 30 idle minutes; each request pushes that back', async () => {
      const s = await createSession({ userId: editorId, now: T0 }, t.db);
      expect(s.expiresAt.getTime()).toBe(T0.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
      expect(await touchSession({ sessionId: s.id, now: at(T0, minutes(29)) }, t.db)).not.toBeNull();
      expect(await touchSession({ sessionId: s.id, now: at(T0, minutes(58)) }, t.db)).not.toBeNull();
      const idle = at(T0, minutes(58) + SESSION_IDLE_TIMEOUT_MS + 1000);
      expect(await touchSession({ sessionId: s.id, now: idle }, t.db)).toBeNull();
      expect(await findLiveSession({ sessionId: s.id, now: idle }, t.db)).toBeNull();
    });

    it('ends 8 hours after sign-in even when in use', async () => {
      const s = await createSession({ userId: editorId, now: T0 }, t.db);
      let now = T0;
      for (let m = 20; m < 8 * 60; m += 20) {
        now = at(T0, minutes(m));
        expect(await touchSession({ sessionId: s.id, now }, t.db), `minute ${m}`).not.toBeNull();
      }
      expect(await touchSession({ sessionId: s.id, now: at(T0, SESSION_ABSOLUTE_TIMEOUT_MS + 1000) }, t.db)).toBeNull();
    });

    it('ends when revoked', async () => {
      const s = await createSession({ userId: editorId, now: T0 }, t.db);
      await revokeSession({ sessionId: s.id, now: at(T0, 1000) }, t.db);
      expect(await touchSession({ sessionId: s.id, now: at(T0, 2000) }, t.db)).toBeNull();
    });

    it('revokes all of an account’s sessions at once', async () => {
      const a = await createSession({ userId: editorId, now: T0 }, t.db);
      const b = await createSession({ userId: editorId, now: T0 }, t.db);
      expect(await revokeSessionsForUser({ userId: editorId, now: T0 }, t.db)).toBeGreaterThanOrEqual(2);
      expect(await findLiveSession({ sessionId: a.id, now: T0 }, t.db)).toBeNull();
      expect(await findLiveSession({ sessionId: b.id, now: T0 }, t.db)).toBeNull();
    });

    it('treats a malformed id as no session', async () => {
      expect(await touchSession({ sessionId: "x' or 1=1 --", now: T0 }, t.db)).toBeNull();
    });
  });

  describe('assertActor and account changes', () => {
    const now = () => new Date();
    let admin: ActorRef;
    let editor: ActorRef;
    let editorId: number;

    beforeAll(async () => {
      const adminRow = await findUserByEmail({ email: 'admin@example.vn' }, t.db);
      admin = { userId: adminRow!.id, sessionId: (await createSession({ userId: adminRow!.id }, t.db)).id };
      editorId = (await createUser({ email: 'editor@example.vn', displayName: 'Biên tập', role: 'editor', password: PASSWORD, by: 'console' }, t.db)).id;
      editor = { userId: editorId, sessionId: (await createSession({ userId: editorId }, t.db)).id };
    });

    it('accepts a live session with enough role, and returns the stored actor', async () => {
      const actor = await t.db.transaction((tx) => assertActor(editor, 'editor', tx));
      expect(actor).toMatchObject({ userId: editorId, role: 'editor', email: 'editor@example.vn', displayName: 'Biên tập' });
      expect((await t.db.transaction((tx) => assertActor(admin, 'editor', tx))).role).toBe('admin');
    });

    it('refuses an editor where an admin is needed (forbidden)', async () => {
      await expectAuthError(t.db.transaction((tx) => assertActor(editor, 'admin', tx)), 'forbidden');
      // …and so do the account functions that call it.
      await expectAuthError(updateUser({ userId: editorId, role: 'admin', by: editor }, t.db), 'forbidden');
      expect((await findUserByEmail({ email: 'editor@example.vn' }, t.db))?.role).toBe('editor');
    });

    it('refuses a session that belongs to someone else', async () => {
      await expectAuthError(t.db.transaction((tx) => assertActor({ userId: admin.userId, sessionId: editor.sessionId }, 'editor', tx)), 'unauthenticated');
    });

    it('refuses a revoked session', async () => {
      const s = await createSession({ userId: editorId }, t.db);
      await revokeSession({ sessionId: s.id }, t.db);
      await expectAuthError(t.db.transaction((tx) => assertActor({ userId: editorId, sessionId: s.id }, 'editor', tx)), 'unauthenticated');
    });

    it('refuses a demoted user: the demotion ends their sessions, and a new one lacks the role', async () => {
      const other = await createUser({ email: 'admin2@example.vn', displayName: 'QT 2', role: 'admin', password: PASSWORD, by: admin }, t.db);
      const otherRef = { userId: other.id, sessionId: (await createSession({ userId: other.id }, t.db)).id };
      await t.db.transaction((tx) => assertActor(otherRef, 'admin', tx));

      await updateUser({ userId: other.id, role: 'editor', by: admin, now: now() }, t.db);
      await expectAuthError(t.db.transaction((tx) => assertActor(otherRef, 'editor', tx)), 'unauthenticated');

      const fresh = { userId: other.id, sessionId: (await createSession({ userId: other.id }, t.db)).id };
      await expectAuthError(t.db.transaction((tx) => assertActor(fresh, 'admin', tx)), 'forbidden');
      expect((await t.db.transaction((tx) => assertActor(fresh, 'editor', tx))).role).toBe('editor');
    });

    it('refuses an inactive user, even with a session row that was never revoked', async () => {
      const u = await createUser({ email: 'leaving@example.vn', displayName: 'Sắp nghỉ', role: 'editor', password: PASSWORD, by: admin }, t.db);
      await updateUser({ userId: u.id, active: false, by: admin }, t.db);
      // A row created behind the application's back (or raced): the account flag still decides.
      const s = await createSession({ userId: u.id }, t.db);
      await expectAuthError(t.db.transaction((tx) => assertActor({ userId: u.id, sessionId: s.id }, 'editor', tx)), 'unauthenticated');
    });

    it('deactivating ends sessions; reactivating does not revive them', async () => {
      const u = await createUser({ email: 'paused@example.vn', displayName: 'Tạm nghỉ', role: 'editor', password: PASSWORD, by: admin }, t.db);
      const s = await createSession({ userId: u.id }, t.db);
      await updateUser({ userId: u.id, active: false, by: admin }, t.db);
      await updateUser({ userId: u.id, active: true, by: admin }, t.db);
      expect(await findLiveSession({ sessionId: s.id }, t.db)).toBeNull();
    });

    it('never leaves the site without an active admin', async () => {
      expect(await countActiveAdmins(t.db)).toBe(1);
      for (const change of [{ role: 'editor' as const }, { active: false }]) {
        const error = await updateUser({ userId: admin.userId, ...change, by: admin }, t.db).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidError);
        expect((error as Error).message).toMatch(/quản trị viên đang hoạt động cuối cùng/);
      }
      const error = await updateUser({ userId: admin.userId, active: false, by: 'console' }, t.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidError);
      // The admin and their session are untouched.
      expect((await t.db.transaction((tx) => assertActor(admin, 'admin', tx))).role).toBe('admin');
    });

    it('lets an admin step down once another admin exists (and signs them out)', async () => {
      const second = await createUser({ email: 'admin3@example.vn', displayName: 'QT 3', role: 'admin', password: PASSWORD, by: admin }, t.db);
      const secondRef = { userId: second.id, sessionId: (await createSession({ userId: second.id }, t.db)).id };
      await updateUser({ userId: second.id, role: 'editor', by: secondRef }, t.db);
      expect((await findUserByEmail({ email: 'admin3@example.vn' }, t.db))?.role).toBe('editor');
      await expectAuthError(t.db.transaction((tx) => assertActor(secondRef, 'editor', tx)), 'unauthenticated');
    });

    // Needs two connections; PGlite has one.
    it.skipIf(databaseKind() !== 'postgres')('a demotion waits for a write that was already allowed', async () => {
      const x = await createUser({ email: 'admin4@example.vn', displayName: 'QT 4', role: 'admin', password: PASSWORD, by: admin }, t.db);
      const xRef = { userId: x.id, sessionId: (await createSession({ userId: x.id }, t.db)).id };
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let checked!: () => void;
      const checkedOnce = new Promise<void>((resolve) => (checked = resolve));

      const write = t.db.transaction(async (tx) => {
        await assertActor(xRef, 'admin', tx);
        order.push('checked');
        checked();
        await held;
        order.push('wrote');
      });
      await checkedOnce;
      const demote = updateUser({ userId: x.id, role: 'editor', by: admin }, t.db).then(() => order.push('demoted'));
      // Wait (on a condition, not a clock) until the demotion is blocked on the write's lock.
      for (let i = 0; ; i++) {
        const [row] = await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (Number(row?.n) > 0) break;
        if (i > 2000) throw new Error('the demotion never waited for the lock');
      }
      expect(order).toEqual(['checked']);
      release();
      await Promise.all([write, demote]);
      expect(order).toEqual(['checked', 'wrote', 'demoted']);
    });

    it('resets a password: new hash, sessions ended, failed sign-ins forgotten', async () => {
      const s = await createSession({ userId: editorId }, t.db);
      const attempt = { email: 'editor@example.vn', address: '198.51.100.77' };
      for (let i = 0; i < 5; i++) await reserveAttempt(attempt, {}, t.db);
      expect((await throttleState(attempt, {}, t.db)).blocked).toBe(true);

      await resetPassword({ userId: editorId, password: 'mật khẩu mới cũng đủ dài', by: admin }, t.db);
      const row = await findUserByEmail({ email: 'editor@example.vn' }, t.db);
      expect(await verifyPassword(row!.passwordHash, 'mật khẩu mới cũng đủ dài')).toBe(true);
      expect(await verifyPassword(row!.passwordHash, PASSWORD)).toBe(false);
      expect(await findLiveSession({ sessionId: s.id }, t.db)).toBeNull();
      expect((await throttleState(attempt, {}, t.db)).blocked).toBe(false);

      await expect(resetPassword({ userId: 999_999, password: 'mật khẩu mới cũng đủ dài', by: admin }, t.db)).rejects.toBeInstanceOf(NotFoundError);
      await expect(resetPassword({ userId: editorId, password: 'short', by: admin }, t.db)).rejects.toBeInstanceOf(InvalidError);
    });

    it('keeps the database check: stored emails are lower-case', async () => {
      const rows = await t.db.select({ email: users.email }).from(users);
      for (const r of rows) expect(r.email).toBe(r.email.toLowerCase());
    });
  });
});
