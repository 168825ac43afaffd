/**
 * Two database roles (README, "Operations → Database roles"): what start-up says about the
 * history's safety for each configuration, and, on PostgreSQL, that the application role made by
 * `npm run db:roles` (db/prepare.ts createAppRole + db/roles.sql) can neither change nor remove
 * revisions nor switch off their triggers, while the portal's own saves and sign-ins work as it.
 *
 * PostgreSQL roles belong to the whole cluster: each run makes its own (`kqnk_t_app_<random>`) and
 * drops it afterwards. On PGlite, which has no roles to speak of, the file checks that the embedded
 * database is a superuser (the reason for its start-up notice) and that roles are refused there.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres, { type Sql } from 'postgres';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseHandle } from '@/db';
import { createAppRole, grantAppRole, prepareDatabase, RoleError, rolesFile } from '@/db/prepare';
import { verifyHistory } from '@/db/history';
import { createIndicator, deleteIndicator, restoreRevision, saveIndicator, saveSection } from '@/db/queries/edits';
import { findIndicatorForEdit, findSectionForEdit } from '@/db/queries/staff';
import { createUser, updateUser } from '@/db/queries/accounts';
import { createSession, findLiveSession, revokeSession, touchSession } from '@/db/queries/sessions';
import { releaseAttempt, reserveAttempt, settleSuccess } from '@/db/queries/sign-in-throttle';
import { beginEnrolment, countUnusedRecoveryCodes, resetSecondFactor, setSecondFactorRequired } from '@/db/queries/second-factor';
import { revisions } from '@/db/schema';
import type { Actor } from '@/db/permissions';
import { databaseSafetyNotice, databaseSetup, parseEnv } from '@/lib/env';
import { indicatorEditSchema } from '@/lib/validations/indicator';
import { sectionEditSchema } from '@/lib/validations/section';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { createPostgresDatabase, databaseKind, testDatabaseUrl } from '../helpers/db';
import { newIndicatorInput } from '../helpers/indicator-input';

const R = 'soc-trang-2020-2025';
const reason = { kind: 'sua_loi' as const, text: 'Kiểm tra vai trò ứng dụng' };
const OWNER = 'postgres://kqnk_owner@db.example.vn/kqnk';
const APP = 'postgres://kqnk_app@db.example.vn/kqnk';

describe('what start-up says about the history for each configuration', () => {
  it('PGlite (no DATABASE_URL): a superuser, for one machine and for trying the portal out', () => {
    const setup = databaseSetup({ DATABASE_URL: undefined, MIGRATION_DATABASE_URL: undefined });
    expect(setup).toEqual({ kind: 'pglite' });
    const notice = databaseSafetyNotice(setup)!;
    expect(notice).toMatch(/^Lưu ý: cơ sở dữ liệu nhúng PGlite chạy với quyền superuser/);
    expect(notice).toContain('(Note: the embedded PGlite database runs as a superuser');
    expect(notice).toContain('one machine');
    expect(notice.indexOf('Lưu ý')).toBeLessThan(notice.indexOf('(Note'));
  });

  it('DATABASE_URL alone: the history is only as safe as that role, which owns the tables', () => {
    const setup = databaseSetup({ DATABASE_URL: APP, MIGRATION_DATABASE_URL: undefined });
    expect(setup).toEqual({ kind: 'one-role', url: APP });
    const notice = databaseSafetyNotice(setup)!;
    expect(notice).toMatch(/^Lưu ý: chỉ có DATABASE_URL/);
    expect(notice).toContain('“kqnk_app”');
    expect(notice).toContain('the history\nis only as safe as that role');
    expect(notice).toContain('MIGRATION_DATABASE_URL');
    expect(notice).toContain('npm run db:roles');
  });

  it('two roles: the owner prepares, the application role serves, nothing to warn about', () => {
    const setup = databaseSetup(parseEnv({ MIGRATION_DATABASE_URL: OWNER, DATABASE_URL: APP }));
    expect(setup).toEqual({ kind: 'two-roles', ownerUrl: OWNER, appUrl: APP, appRole: 'kqnk_app' });
    expect(databaseSafetyNotice(setup)).toBeNull();
  });

  it('refuses MIGRATION_DATABASE_URL without an application role of its own in the same database, naming the variable', () => {
    const refused = (source: Record<string, string>) => {
      try {
        parseEnv(source);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`accepted: ${JSON.stringify(source)}`);
    };
    expect(refused({ MIGRATION_DATABASE_URL: OWNER })).toMatch(/MIGRATION_DATABASE_URL: .*needs DATABASE_URL/);
    expect(refused({ MIGRATION_DATABASE_URL: OWNER, DATABASE_URL: 'postgres://db.example.vn/kqnk' })).toMatch(/must name the application role/);
    expect(refused({ MIGRATION_DATABASE_URL: OWNER, DATABASE_URL: OWNER })).toMatch(/same role/);
    expect(refused({ MIGRATION_DATABASE_URL: OWNER, DATABASE_URL: 'postgres://kqnk_app@db.example.vn/other' })).toMatch(/same database/);
    expect(refused({ MIGRATION_DATABASE_URL: 'mysql://x/y', DATABASE_URL: APP })).toMatch(/MIGRATION_DATABASE_URL: .*postgres:\/\//);
  });
});

if (databaseKind() === 'pglite') {
  describe('the embedded database (pglite)', () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await openDatabase({ dataDir: 'memory://' });
    });
    afterAll(async () => {
      await handle?.close();
    });

    it('runs as a superuser, which is why start-up says so; an application role cannot be made there', async () => {
      const client = (handle.db as unknown as { $client: { query<T>(q: string): Promise<{ rows: T[] }> } }).$client;
      const { rows } = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
      expect(rows).toEqual([{ rolsuper: true }]);
      await expect(createAppRole(handle, { role: 'kqnk_app' })).rejects.toThrow(RoleError);
      await expect(grantAppRole(handle, 'kqnk_app')).rejects.toThrow(/PGlite/);
    });
  });
} else {
  describe('as the application role (postgres)', () => {
    const role = `kqnk_t_app_${randomBytes(5).toString('hex')}`;
    let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
    let owner: DatabaseHandle;
    let app: DatabaseHandle;
    let actor: Actor;

    /** The application role's raw connection, for the statements the portal never sends. */
    const appSql = () => (app.db as Database & { $client: Sql }).$client;
    const ownerSql = () => (owner.db as Database & { $client: Sql }).$client;
    const refusal = async (statement: string) => {
      const error = await appSql()
        .unsafe(statement)
        .then(
          () => null,
          (e: unknown) => e as { code?: string; message: string },
        );
      expect(error, statement).not.toBeNull();
      expect(error!.code, statement).toBe('42501'); // insufficient_privilege
      return error!.message;
    };

    beforeAll(async () => {
      const adminUrl = testDatabaseUrl()!;
      database = await createPostgresDatabase(adminUrl);
      owner = await openDatabase({ url: database.url, max: 2 });
      // As `npm run db:roles` then the portal's start do: create the role, prepare as the owner (which grants).
      await createAppRole(owner, { role });
      await prepareDatabase(owner, { appRole: role });
      const appUrl = new URL(database.url);
      appUrl.username = role;
      app = await openDatabase({ url: appUrl.toString(), max: 2 });
      // Accounts are made by the application too (/quan-tri/nguoi-dung): as the application role.
      const user = await createUser({ email: 'vai-tro@example.vn', displayName: 'Người sửa', role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử vai trò', by: 'console' }, app.db);
      const session = await createSession({ userId: user.id }, app.db);
      actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: 'Người sửa', email: user.email };
    });

    afterAll(async () => {
      await app?.close();
      if (owner) {
        // Roles outlive databases: take back what the role holds here before dropping it.
        await ownerSql().unsafe(`REASSIGN OWNED BY "${role}" TO current_user; DROP OWNED BY "${role}"`);
        await owner.close();
      }
      await database?.drop();
      const admin = postgres(testDatabaseUrl()!, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`DROP ROLE IF EXISTS "${role}"`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    });

    it('connects as its own role, which is neither a superuser nor the owner of revisions', async () => {
      const [row] = await appSql()<{ me: string; superuser: boolean; owns: boolean }[]>`
        select current_user as me, rolsuper as superuser, pg_has_role(current_user, c.relowner, 'USAGE') as owns
        from pg_roles, pg_class c where rolname = current_user and c.oid = 'revisions'::regclass`;
      expect(row).toEqual({ me: role, superuser: false, owns: false });
    });

    it('may not UPDATE, DELETE or TRUNCATE revisions: permission denied, before the triggers are even reached', async () => {
      for (const statement of ['UPDATE revisions SET reason_text = reason_text', 'DELETE FROM revisions', 'TRUNCATE revisions']) {
        expect(await refusal(statement)).toMatch(/permission denied for table revisions/);
      }
    });

    it('may not switch off or drop the append-only triggers (ALTER TABLE … DISABLE TRIGGER, DROP TRIGGER): only the owner may', async () => {
      for (const statement of [
        'ALTER TABLE revisions DISABLE TRIGGER revisions_no_update',
        'ALTER TABLE revisions DISABLE TRIGGER revisions_no_truncate',
        'ALTER TABLE revisions DISABLE TRIGGER ALL',
        'DROP TRIGGER revisions_no_update ON revisions',
        'DROP TRIGGER revisions_no_truncate ON revisions',
      ]) {
        expect(await refusal(statement)).toMatch(/must be owner of (table|relation) revisions/);
      }
      const [triggers] = await ownerSql()<{ enabled: number }[]>`
        select count(*)::int as enabled from pg_trigger
        where tgrelid = 'revisions'::regclass and tgname in ('revisions_no_update', 'revisions_no_truncate') and tgenabled = 'O'`;
      expect(triggers?.enabled).toBe(2);
    });

    it('runs no DDL: it cannot create, alter or drop tables, nor replace the trigger function', async () => {
      expect(await refusal('CREATE TABLE escape_hatch (id int)')).toMatch(/permission denied for schema public/);
      expect(await refusal('DROP TABLE revisions')).toMatch(/must be owner/);
      expect(await refusal('ALTER TABLE indicators ADD COLUMN x int')).toMatch(/must be owner/);
      expect(await refusal('CREATE OR REPLACE FUNCTION revisions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$')).toMatch(
        /must be owner|permission denied/,
      );
    });

    it('saves through the normal path: an edit, a creation, a deletion, a restore and a section, each with its revision appended', async () => {
      const before = await app.db.$count(revisions);
      const item = (await findIndicatorForEdit({ reportSlug: R, code: 'tang-truong-grdp' }, app.db))!;
      const values = indicatorFormValues(item.snapshot, item.version);
      values.reason = reason;
      values.note = 'ghi chú do vai trò ứng dụng lưu';
      const saved = await saveIndicator({ reportSlug: R, code: 'tang-truong-grdp', edit: indicatorEditSchema.parse(values) }, actor, app.db);
      expect(saved.version).toBe(item.version + 1);

      const created = await createIndicator(
        {
          reportSlug: R,
          input: newIndicatorInput({
            code: 'vai-tro-ung-dung',
            name: 'Chỉ tiêu thử vai trò',
            values: [{ role: 'actual', year: '2025', value: '1,5', kind: 'reported', periodLabel: '', qualifier: '', note: '' }],
            reason,
          }),
        },
        actor,
        app.db,
      );
      const deleted = await deleteIndicator({ reportSlug: R, code: 'vai-tro-ung-dung', version: created.version, reason }, actor, app.db);
      const restored = await restoreRevision({ revisionId: created.revisionId, version: 0, reason }, actor, app.db);
      expect(restored.itemId).toBe(created.itemId);

      const section = (await findSectionForEdit({ reportSlug: R, slug: 'kinh-te' }, app.db))!;
      await saveSection(
        {
          reportSlug: R,
          slug: 'kinh-te',
          edit: sectionEditSchema.parse({ ...section.snapshot, body: `${section.snapshot.body}\n\nĐoạn thêm.`, translations: section.snapshot.translations, version: section.version, reason }),
        },
        actor,
        app.db,
      );

      expect(await app.db.$count(revisions)).toBe(before + 5);
      const chain = await app.db
        .select({ id: revisions.id, revisionNo: revisions.revisionNo, action: revisions.action })
        .from(revisions)
        .where(and(eq(revisions.itemType, 'indicator'), eq(revisions.itemId, created.itemId)))
        .orderBy(revisions.revisionNo);
      expect(chain).toEqual([
        { id: created.revisionId, revisionNo: 1, action: 'create' },
        { id: deleted.revisionId, revisionNo: 2, action: 'delete' },
        { id: restored.revisionId, revisionNo: 3, action: 'restore' },
      ]);
      expect(await verifyHistory(app.db)).toMatchObject({ ok: true });
    });

    it('signs in, keeps and ends sessions, throttles, and manages accounts and second factors as the application role', async () => {
      const attempt = { email: 'vai-tro@example.vn', address: '192.0.2.7' };
      await reserveAttempt(attempt, {}, app.db);
      await releaseAttempt(attempt, app.db);
      await reserveAttempt(attempt, {}, app.db);
      await settleSuccess(attempt, app.db);

      const session = await createSession({ userId: actor.userId }, app.db);
      expect(await touchSession({ sessionId: session.id }, app.db)).not.toBeNull();
      await app.db.transaction(async (tx) => {
        expect(await findLiveSession({ sessionId: session.id, lock: true }, tx)).not.toBeNull();
      });
      await revokeSession({ sessionId: session.id }, app.db);

      const admin = await createUser({ email: 'qt-vai-tro@example.vn', displayName: 'Quản trị', role: 'admin', password: 'một mật khẩu quản trị rất dài cho kiểm thử', by: 'console' }, app.db);
      await updateUser({ userId: admin.id, displayName: 'Quản trị viên', by: 'console' }, app.db);
      await setSecondFactorRequired({ userId: actor.userId, required: true, by: 'console' }, app.db);
      await beginEnrolment({ by: actor, key: randomBytes(32) }, app.db);
      await resetSecondFactor({ userId: actor.userId, by: 'console' }, app.db);
      expect(await countUnusedRecoveryCodes({ userId: actor.userId }, app.db)).toBe(0);
    });

    it('names every table in db/roles.sql, and keeps revisions at SELECT and INSERT whatever later migrations create', async () => {
      const text = fs.readFileSync(rolesFile, 'utf8');
      const tables = await ownerSql()<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by 1`;
      const unnamed = tables.map((t) => t.name).filter((name) => !new RegExp(`\\b${name}\\b`).test(text));
      expect(unnamed, 'tables a migration added: say in db/roles.sql what the application does with them').toEqual([]);

      // A table a later migration creates is usable at once (default privileges) …
      await ownerSql().unsafe('CREATE TABLE later_migration (id serial primary key, note text)');
      await appSql().unsafe(`INSERT INTO later_migration (note) VALUES ('ok')`);
      // … and preparing again (as every start does) leaves revisions append-only for the role.
      await grantAppRole(owner, role);
      await grantAppRole(owner, role);
      const rows = await ownerSql().unsafe<Record<string, boolean>[]>(
        `select ${['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'].map((p) => `has_table_privilege('${role}', 'revisions', '${p}') as "${p}"`).join(', ')}`,
      );
      expect(rows[0]).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false, REFERENCES: false, TRIGGER: false });
      await ownerSql().unsafe('DROP TABLE later_migration');
    });

    it('refuses an application role that is missing, is the owner, or is not a plain name', async () => {
      await expect(grantAppRole(owner, `kqnk_t_missing_${randomBytes(4).toString('hex')}`)).rejects.toThrow(/npm run db:roles/);
      const [self] = await ownerSql()<{ me: string }[]>`select current_user as me`;
      await expect(grantAppRole(owner, self!.me)).rejects.toThrow(RoleError);
      await expect(createAppRole(owner, { role: 'Robert"; DROP TABLE revisions; --' })).rejects.toThrow(RoleError);
    });

    it('refuses an application role that may create objects in schema public, or that owns the database', async () => {
      // As on PostgreSQL 14 and older, where PUBLIC may CREATE in schema public unless revoked.
      await ownerSql().unsafe(`GRANT CREATE ON SCHEMA public TO "${role}"`);
      try {
        await expect(grantAppRole(owner, role)).rejects.toThrow(/REVOKE CREATE ON SCHEMA public/);
      } finally {
        await ownerSql().unsafe(`REVOKE CREATE ON SCHEMA public FROM "${role}"`);
      }
      const [{ name } = { name: '' }] = await ownerSql()<{ name: string }[]>`select current_database() as name`;
      const [{ dba } = { dba: '' }] = await ownerSql()<{ dba: string }[]>`select pg_get_userbyid(datdba) as dba from pg_database where datname = current_database()`;
      await ownerSql().unsafe(`ALTER DATABASE "${name}" OWNER TO "${role}"`);
      try {
        await expect(grantAppRole(owner, role)).rejects.toThrow(/sở hữu cơ sở dữ liệu|owns the database/);
      } finally {
        await ownerSql().unsafe(`ALTER DATABASE "${name}" OWNER TO "${dba}"`);
      }
      await expect(grantAppRole(owner, role)).resolves.toBeUndefined();
    });
  });
}
