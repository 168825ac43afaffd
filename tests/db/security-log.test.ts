/**
 * The security log (lib/security-log.ts): what a sign-in, a refusal and a staff write leave
 * on stdout, captured here through a stream — and that no password or session id is in it.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, resetPassword } from '@/db/queries/accounts';
import { saveSection } from '@/db/queries/edits';
import { resetSecondFactor } from '@/db/queries/second-factor';
import { createSession } from '@/db/queries/sessions';
import { findSectionForEdit } from '@/db/queries/staff';
import type { DatabaseHandle } from '@/db';
import type { Actor } from '@/db/permissions';
import { authorize, ThrottledSignIn } from '@/lib/auth/config';
import { captureSecurityLog, securityLog } from '@/lib/security-log';
import { sectionEditSchema } from '@/lib/validations/section';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const R = 'soc-trang-2020-2025';
const PASSWORD = 'một mật khẩu rất dài cho kiểm thử nhật ký';
const NEW_PASSWORD = 'mật khẩu mới cho nhật ký bảo mật';
const WRONG = 'không phải mật khẩu này đâu';

type Line = Record<string, unknown>;

describe(`the security log (${databaseKind()})`, () => {
  let t: TestDatabase;
  let raw: string[] = [];
  let release: () => void;
  const lines = (): Line[] => raw.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  const events = (name: string) => lines().filter((l) => l.event === name);

  beforeAll(async () => {
    t = await createTestDatabase();
    // authorize() reads the app's shared handle: make it this test's database.
    (globalThis as { __kqnkDb?: Promise<DatabaseHandle> }).__kqnkDb = Promise.resolve(t);
    release = captureSecurityLog(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          raw.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
  });
  afterAll(async () => {
    release?.();
    (globalThis as { __kqnkDb?: Promise<DatabaseHandle> }).__kqnkDb = undefined;
    await t?.close();
  });
  beforeEach(() => {
    raw = [];
  });

  const request = (address: string) => new Request('http://localhost/api/auth/callback/credentials', { headers: { 'x-forwarded-for': address } });

  it('an account created at the console, then a failed and a successful sign-in', async () => {
    const user = await createUser({ email: 'log@example.vn', displayName: 'Nhật ký', role: 'editor', password: PASSWORD, by: 'console' }, t.db);
    expect(events('account_write')).toEqual([
      expect.objectContaining({ log: 'security', level: 30, actorId: 'console', action: 'create', targetUserId: user.id, role: 'editor', active: true }),
    ]);

    // With TRUSTED_PROXY_HOPS=0 a client's own X-Forwarded-For is not believed.
    expect(await authorize({ email: 'Log@Example.vn', password: WRONG }, request('203.0.113.9'))).toBeNull();
    expect(events('sign_in_failed')).toEqual([
      expect.objectContaining({ level: 40, reason: 'wrong_password', email: 'log@example.vn', userId: user.id, address: 'unknown' }),
    ]);

    expect(await authorize({ email: 'nobody@example.vn', password: WRONG }, request('203.0.113.9'))).toBeNull();
    expect(events('sign_in_failed')[1]).toMatchObject({ reason: 'unknown_account', email: 'nobody@example.vn' });
    expect(events('sign_in_failed')[1]).not.toHaveProperty('userId');

    // Not an address at all (a password typed into the email box): logged without it.
    expect(await authorize({ email: PASSWORD, password: PASSWORD }, request('203.0.113.9'))).toBeNull();
    expect(events('sign_in_failed')[2]).toEqual(expect.objectContaining({ reason: 'invalid_input' }));
    expect(events('sign_in_failed')[2]).not.toHaveProperty('email');

    const signedIn = await authorize({ email: 'log@example.vn', password: PASSWORD }, request('203.0.113.9'));
    expect(signedIn?.id).toBe(String(user.id));
    expect(events('sign_in_succeeded')).toEqual([expect.objectContaining({ level: 30, userId: user.id, address: 'unknown' })]);

    const text = raw.join('');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(WRONG);
    expect(text).not.toContain(signedIn!.sessionId!);
    for (const line of lines()) expect(typeof line.time).toBe('string'); // ISO time, one JSON object a line
  });

  it('a throttled sign-in says how long, still without the password', async () => {
    const guess = { email: 'throttled@example.vn', password: WRONG };
    for (let i = 0; i < 5; i++) expect(await authorize(guess, request('x'))).toBeNull();
    await expect(authorize(guess, request('x'))).rejects.toBeInstanceOf(ThrottledSignIn);
    expect(events('sign_in_failed')).toHaveLength(5);
    const [throttled] = events('sign_in_throttled');
    expect(throttled).toMatchObject({ level: 40, email: 'throttled@example.vn', address: 'unknown' });
    expect(throttled!.retryAfterSeconds).toBeGreaterThan(0);
    expect(raw.join('')).not.toContain(WRONG);
  });

  it('a staff write: who, which item, which revision — and an admin resetting a password', async () => {
    const editor = await createUser({ email: 'writer@example.vn', displayName: 'Người viết', role: 'editor', password: PASSWORD, by: 'console' }, t.db);
    const session = await createSession({ userId: editor.id }, t.db);
    const actor: Actor = { userId: editor.id, sessionId: session.id, role: 'editor', displayName: 'Người viết', email: editor.email };
    const s = (await findSectionForEdit({ reportSlug: R, slug: 'kinh-te' }, t.db))!;
    const edit = sectionEditSchema.parse({ ...s.snapshot, body: `${s.snapshot.body}\n\nThêm một câu.`, version: s.version, reason: { kind: 'sua_loi', text: 'Nhật ký' } });
    raw = [];
    const saved = await saveSection({ reportSlug: R, slug: 'kinh-te', edit }, actor, t.db);
    expect(events('staff_write')).toEqual([
      expect.objectContaining({ level: 30, actorId: editor.id, action: 'update', itemType: 'section', itemKey: 'kinh-te', itemId: saved.itemId, revisionId: saved.revisionId }),
    ]);
    expect(raw.join('')).not.toContain(session.id);

    const admin = await createUser({ email: 'boss@example.vn', displayName: 'Quản trị', role: 'admin', password: PASSWORD, by: 'console' }, t.db);
    const adminSession = await createSession({ userId: admin.id }, t.db);
    raw = [];
    await resetPassword({ userId: editor.id, password: NEW_PASSWORD, by: { userId: admin.id, sessionId: adminSession.id } }, t.db);
    expect(events('account_write')).toEqual([expect.objectContaining({ actorId: admin.id, action: 'reset_password', targetUserId: editor.id })]);
    expect(raw.join('')).not.toContain(NEW_PASSWORD);
    expect(raw.join('')).not.toContain(adminSession.id);
  });

  it('a write that fails is not logged as a write', async () => {
    const s = (await findSectionForEdit({ reportSlug: R, slug: 'kinh-te' }, t.db))!;
    const editor = await createUser({ email: 'stale@example.vn', displayName: 'Cũ', role: 'editor', password: PASSWORD, by: 'console' }, t.db);
    const session = await createSession({ userId: editor.id }, t.db);
    const actor: Actor = { userId: editor.id, sessionId: session.id, role: 'editor', displayName: 'Cũ', email: editor.email };
    const edit = sectionEditSchema.parse({ ...s.snapshot, body: `${s.snapshot.body} (cũ)`, version: s.version - 1, reason: { kind: 'sua_loi', text: 'Xung đột' } });
    raw = [];
    await expect(saveSection({ reportSlug: R, slug: 'kinh-te', edit }, actor, t.db)).rejects.toThrow();
    expect(events('staff_write')).toEqual([]);
  });

  it('redacts a secret passed by mistake (the safety net under the typed functions)', () => {
    const sloppy = securityLog.signInFailed as (e: object) => void;
    sloppy({ reason: 'wrong_password', password: 'hunter2-hunter2', nested: { token: 'abc.def.ghi', sessionId: 'sid-123', code: '123456' } });
    const [line] = events('sign_in_failed');
    expect(line).toMatchObject({ password: '[redacted]', nested: { token: '[redacted]', sessionId: '[redacted]', code: '[redacted]' } });
    expect(raw.join('')).not.toMatch(/hunter2|abc\.def|sid-123|123456/);
  });

  it('a second factor reset by the operator is one line, naming the account', async () => {
    const user = await createUser({ email: 'log-2fa@example.vn', displayName: 'Hai bước', role: 'editor', password: PASSWORD, by: 'console' }, t.db);
    raw = [];
    await resetSecondFactor({ userId: user.id, by: 'console' }, t.db);
    expect(events('second_factor')).toEqual([expect.objectContaining({ log: 'security', actorId: 'console', action: 'reset', targetUserId: user.id })]);
  });
});
