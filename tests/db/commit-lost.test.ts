/**
 * A connection lost during a save's COMMIT, on a real PostgreSQL: the save is held inside its
 * COMMIT by a deferred constraint trigger of the test's own (it waits for an advisory lock the
 * test holds), and the test ends that backend with pg_terminate_backend. The save then throws
 * OutcomeUnknownError (the form says it is not known whether it was saved, never "nothing was
 * saved"), and the item is whole either way: its version equals its number of revisions.
 *
 * A connection lost *before* the COMMIT ("nothing was saved", and true) is e2e/db-death.spec.ts,
 * with PostgreSQL killed outright. Ending the backend with pg_terminate_backend during a statement
 * would also work, but trips a postgres.js 3.4.9 bug (porsager/postgres#1208: the ROLLBACK's
 * deferred write runs on a closed socket and throws an uncaught TypeError from a timer).
 *
 * PostgreSQL only (PGlite has one connection, nothing to end): TEST_DATABASE_URL's server when it
 * is set, otherwise a cluster of the test's own on port COMMIT_LOST_PG_PORT (default 5593).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '@/db';
import { prepareDatabase } from '@/db/prepare';
import { saveIndicator } from '@/db/queries/edits';
import { findIndicatorForEdit } from '@/db/queries/staff';
import { createUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import type { Actor } from '@/db/permissions';
import { isDatabaseUnavailable, OutcomeUnknownError } from '@/lib/errors';
import { indicatorEditSchema } from '@/lib/validations/indicator';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { PrivatePostgres } from '../../e2e/private-postgres';
import { createPostgresDatabase, testDatabaseUrl } from '../helpers/db';

const R = 'soc-trang-2020-2025';
const CODE = 'gia-tri-xuat-khau';
const LOCK = 4242;

describe('a save whose connection is lost (PostgreSQL)', () => {
  let cluster: PrivatePostgres | undefined;
  let drop: (() => Promise<void>) | undefined;
  let handle: DatabaseHandle;
  let admin: postgres.Sql;
  let actor: Actor;

  beforeAll(async () => {
    let url: string;
    const serverUrl = testDatabaseUrl();
    if (serverUrl) {
      const created = await createPostgresDatabase(serverUrl);
      ({ url, drop } = created);
    } else {
      cluster = PrivatePostgres.create(Number(process.env.COMMIT_LOST_PG_PORT ?? 5593));
      cluster.start();
      cluster.createDatabase('kqnk_commit_lost');
      url = cluster.url('kqnk_commit_lost');
    }
    handle = await openDatabase({ url, max: 2 });
    await prepareDatabase(handle);
    admin = postgres(url, { max: 1, onnotice: () => {} }); // one connection: its advisory lock is held by that session
    await admin.unsafe(`
      CREATE FUNCTION test_wait_for_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_lock_shared(${LOCK}); PERFORM pg_advisory_unlock_shared(${LOCK}); RETURN NULL; END $$`);
    const user = await createUser(
      { email: 'lost@example.vn', displayName: 'Người sửa', role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử mất kết nối', by: 'console' },
      handle.db,
    );
    const session = await createSession({ userId: user.id }, handle.db);
    actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: 'Người sửa', email: user.email };
  }, 120_000);

  afterAll(async () => {
    await admin?.end({ timeout: 5 });
    await handle?.close();
    await drop?.();
    cluster?.destroy();
  });

  async function edit(note: string) {
    const item = (await findIndicatorForEdit({ reportSlug: R, code: CODE }, handle.db))!;
    const values = indicatorFormValues(item.snapshot, item.version);
    values.reason = { kind: 'sua_loi', text: 'Kiểm tra mất kết nối' };
    values.note = note;
    return indicatorEditSchema.parse(values);
  }

  const versionAndRevisions = async () =>
    (
      await admin.unsafe<{ version: number; revisions: number }[]>(
        `select i.version, (select count(*)::int from revisions r where r.item_type = 'indicator' and r.item_id = i.id) as revisions
           from indicators i where i.code = $1`,
        [CODE],
      )
    )[0]!;

  /** Save while `trigger` holds it at the advisory lock; end the saving backend there; return what the save threw and the statement it was in. */
  async function loseConnectionDuring(trigger: string, note: string): Promise<{ error: unknown; statement: string }> {
    await admin.unsafe(trigger);
    await admin.unsafe(`select pg_advisory_lock(${LOCK})`);
    try {
      const saving = saveIndicator({ reportSlug: R, code: CODE, edit: await edit(note) }, actor, handle.db).then(
        () => null,
        (error: unknown) => error,
      );
      let waiting: { pid: number; query: string } | undefined;
      while (!waiting) {
        [waiting] = await admin.unsafe<{ pid: number; query: string }[]>(
          `select pid, query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`,
        );
        if (!waiting) await new Promise((r) => setTimeout(r, 50));
      }
      await admin.unsafe('select pg_terminate_backend($1)', [waiting.pid]);
      return { error: await saving, statement: waiting.query };
    } finally {
      await admin.unsafe(`select pg_advisory_unlock(${LOCK})`);
      await admin.unsafe('drop trigger if exists test_hold on indicators');
    }
  }

  it('lost during the COMMIT: OutcomeUnknownError, and the database is whole either way', async () => {
    const before = await versionAndRevisions();
    const { error, statement } = await loseConnectionDuring(
      'create constraint trigger test_hold after update on indicators deferrable initially deferred for each row execute function test_wait_for_lock()',
      'Ghi chú mất kết nối đúng lúc COMMIT',
    );
    expect(statement).toMatch(/^commit/i);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const after = await versionAndRevisions();
    expect(after.version).toBe(after.revisions); // whole or not at all
    expect(after.version - before.version).toBeLessThanOrEqual(1);
  });

  it('the same handle saves again once the connection is gone', async () => {
    const before = await versionAndRevisions();
    await saveIndicator({ reportSlug: R, code: CODE, edit: await edit('Ghi chú lưu sau khi kết nối được mở lại') }, actor, handle.db);
    expect(await versionAndRevisions()).toEqual({ version: before.version + 1, revisions: before.revisions + 1 });
  });
});
