import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createIndicator, deleteIndicator, restoreRevision, saveIndicator, saveSection } from '@/db/queries/edits';
import { findIndicatorForEdit, findSectionForEdit } from '@/db/queries/staff';
import { listItemRevisions, verifyHistory } from '@/db/queries/revisions';
import { createUser, updateUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import { indicators, revisions } from '@/db/schema';
import type { Actor } from '@/db/permissions';
import { AuthError, ConflictError } from '@/lib/errors';
import { indicatorCreateSchema, indicatorEditSchema, type IndicatorEditInput } from '@/lib/validations/indicator';
import { sectionEditSchema } from '@/lib/validations/section';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const reportSlug = 'soc-trang-2020-2025';
const PASSWORD = 'một mật khẩu rất dài cho kiểm thử';
const reason = { kind: 'sua_loi' as const, text: 'Sửa theo số liệu chính thức' };

describe(`edits and revisions (${databaseKind()})`, () => {
  let t: TestDatabase;
  const actors: Record<'editor' | 'admin' | 'deactivated' | 'demoted' | 'anonymous', Actor> = {} as never;

  async function makeActor(name: string, role: 'admin' | 'editor'): Promise<Actor> {
    const user = await createUser({ email: `${name}@example.vn`, displayName: name, role, password: PASSWORD, by: 'console' }, t.db);
    const session = await createSession({ userId: user.id }, t.db);
    return { userId: user.id, sessionId: session.id, role, displayName: name, email: user.email };
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    actors.admin = await makeActor('admin', 'admin');
    actors.editor = await makeActor('editor', 'editor');
    actors.deactivated = await makeActor('deactivated', 'editor');
    await updateUser({ userId: actors.deactivated.userId, active: false, by: 'console' }, t.db);
    actors.demoted = await makeActor('demoted', 'admin');
    // Demoted mid-session: the actor object still says admin, the database no longer does.
    await updateUser({ userId: actors.demoted.userId, role: 'editor', by: 'console' }, t.db);
    actors.anonymous = { userId: 0, sessionId: randomUUID(), role: 'editor', displayName: 'x', email: 'x@x.vn' };
  });
  afterAll(async () => {
    await t?.close();
  });

  const revisionCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(revisions))[0]!.n;

  async function editInput(code: string, change: (v: IndicatorEditInput) => void): Promise<IndicatorEditInput> {
    const item = (await findIndicatorForEdit({ reportSlug, code }, t.db))!;
    const values = indicatorFormValues(item.snapshot, item.version);
    values.reason = reason;
    change(values);
    return values;
  }

  it('records the import as revision 1 of every item, "Nhập từ văn bản gốc"', async () => {
    const rows = await t.db.select().from(revisions);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.revisionNo).toBe(1);
      expect(r.action).toBe('import');
      expect(r.reasonText).toBe('Nhập từ văn bản gốc');
    }
    expect(await verifyHistory(t.db)).toMatchObject({ ok: true, checked: rows.length });
  });

  describe('every write path × every kind of user', () => {
    type Path = { name: string; run(actor: Actor): Promise<unknown> };
    let counter = 0;
    const paths: Path[] = [
      {
        name: 'save indicator',
        run: async (actor) => {
          const input = await editInput('dao-tao-can-bo', (v) => {
            v.note = `ghi chú ${++counter}`;
          });
          return saveIndicator({ reportSlug, code: 'dao-tao-can-bo', edit: indicatorEditSchema.parse(input) }, actor, t.db);
        },
      },
      {
        name: 'create indicator',
        run: (actor) =>
          createIndicator(
            {
              reportSlug,
              input: indicatorCreateSchema.parse({
                code: `chi-tieu-moi-${++counter}`,
                name: 'Tỷ lệ hộ nghèo',
                area: 'An sinh xã hội',
                unit: '%',
                status: 'chua_xac_dinh',
                namedAsKeyIndicator: false,
                values: [{ role: 'actual', year: '2025', value: '1,5', kind: 'reported' }],
                reason: { kind: 'bo_sung', text: 'Bổ sung chỉ tiêu còn thiếu' },
              }),
            },
            actor,
            t.db,
          ),
      },
      {
        name: 'delete indicator',
        run: async (actor) => {
          const code = `xoa-${++counter}`;
          await createIndicator(
            {
              reportSlug,
              input: indicatorCreateSchema.parse({ code, name: 'Tạm', area: 'Khác', status: 'chua_xac_dinh', namedAsKeyIndicator: false, values: [], reason }),
            },
            actors.editor,
            t.db,
          );
          return deleteIndicator({ reportSlug, code, version: 1, reason }, actor, t.db);
        },
      },
      {
        name: 'save section',
        run: async (actor) => {
          const s = (await findSectionForEdit({ reportSlug, slug: 'quoc-phong-an-ninh' }, t.db))!;
          const edit = sectionEditSchema.parse({ ...s.snapshot, heading: s.snapshot.heading ?? '', body: `${s.snapshot.body}\n\nĐoạn ${++counter}.`, version: s.version, reason });
          return saveSection({ reportSlug, slug: 'quoc-phong-an-ninh', edit }, actor, t.db);
        },
      },
      {
        name: 'restore revision',
        run: async (actor) => {
          const s = (await findSectionForEdit({ reportSlug, slug: 'xay-dung-dang' }, t.db))!;
          const edit = sectionEditSchema.parse({ ...s.snapshot, heading: s.snapshot.heading ?? '', body: `Nội dung tạm ${++counter}`, version: s.version, reason });
          await saveSection({ reportSlug, slug: 'xay-dung-dang', edit }, actors.editor, t.db);
          const [first] = (await listItemRevisions({ itemType: 'section', itemId: s.id }, t.db)).slice(-1);
          return restoreRevision({ revisionId: first!.id, version: s.version + 1, reason }, actor, t.db);
        },
      },
    ];

    for (const path of paths) {
      for (const who of ['editor', 'admin'] as const) {
        it(`${path.name}: ${who} is allowed and one revision is added`, async () => {
          const before = await revisionCount();
          await path.run(actors[who]);
          // delete and restore set something up first (one extra revision by the editor)
          const setup = path.name === 'delete indicator' || path.name === 'restore revision' ? 1 : 0;
          expect(await revisionCount()).toBe(before + 1 + setup);
        });
      }
      for (const who of ['anonymous', 'deactivated', 'demoted'] as const) {
        it(`${path.name}: ${who} is refused and no revision is added by them`, async () => {
          const before = await revisionCount();
          const setup = path.name === 'delete indicator' || path.name === 'restore revision' ? 1 : 0;
          await expect(path.run(actors[who])).rejects.toBeInstanceOf(AuthError);
          expect(await revisionCount()).toBe(before + setup);
        });
      }
    }
  });

  it('fifty simultaneous saves on one base version: exactly one wins, the rest get the conflict', async () => {
    const code = 'gia-tri-xuat-khau';
    const base = await findIndicatorForEdit({ reportSlug, code }, t.db);
    const before = await revisionCount();
    const inputs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        editInput(code, (v) => {
          v.note = `Lần lưu song song số ${i}`;
        }),
      ),
    );
    const results = await Promise.allSettled(
      inputs.map((input) => saveIndicator({ reportSlug, code, edit: indicatorEditSchema.parse(input) }, actors.editor, t.db)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await revisionCount()).toBe(before + 1);
    const after = await findIndicatorForEdit({ reportSlug, code }, t.db);
    expect(after!.version).toBe(base!.version + 1);
  });

  it('an edit whose revision cannot be written leaves the item unchanged', async () => {
    const code = 'san-luong-thuy-hai-san';
    const before = await findIndicatorForEdit({ reportSlug, code }, t.db);
    const count = await revisionCount();
    const edit = indicatorEditSchema.parse(
      await editInput(code, (v) => {
        v.values[1]!.value = '500.000';
      }),
    );
    // A blank reason passes nothing in the app, but here it reaches the database, whose CHECK refuses the revision.
    await expect(saveIndicator({ reportSlug, code, edit: { ...edit, reason: { kind: 'sua_loi', text: '   ' } } }, actors.editor, t.db)).rejects.toThrow();
    expect(await findIndicatorForEdit({ reportSlug, code }, t.db)).toEqual(before);
    expect(await revisionCount()).toBe(count);
  });

  it('a saved value keeps its typed precision, and the revision holds the full snapshot', async () => {
    const code = 'grdp-binh-quan-dau-nguoi';
    const input = await editInput(code, (v) => {
      v.values.find((x) => x.year === '2025')!.value = '75,50';
    });
    const saved = await saveIndicator({ reportSlug, code, edit: indicatorEditSchema.parse(input) }, actors.editor, t.db);
    const item = await findIndicatorForEdit({ reportSlug, code }, t.db);
    expect(item!.snapshot.values.find((v) => v.year === 2025)!.value).toBe('75.50');
    const [rev] = await t.db.select().from(revisions).where(eq(revisions.id, saved.revisionId));
    expect(rev!.snapshot).toEqual(item!.snapshot);
    expect(rev!.authorId).toBe(actors.editor.userId);
    expect(rev!.reasonText).toBe(reason.text);
  });

  it('restore brings back an old state as a new revision; a deleted indicator comes back too', async () => {
    const code = 'xoa-nha-tam';
    const original = await findIndicatorForEdit({ reportSlug, code }, t.db);
    await saveIndicator(
      { reportSlug, code, edit: indicatorEditSchema.parse(await editInput(code, (v) => void (v.name = 'Tên sai'))) },
      actors.editor,
      t.db,
    );
    await deleteIndicator({ reportSlug, code, version: original!.version + 1, reason }, actors.editor, t.db);
    expect(await findIndicatorForEdit({ reportSlug, code }, t.db)).toBeNull();
    const history = await listItemRevisions({ itemType: 'indicator', itemId: original!.id }, t.db);
    expect(history.map((r) => r.action)).toEqual(['delete', 'update', 'import']);
    await restoreRevision({ revisionId: history[2]!.id, version: 0, reason }, actors.editor, t.db);
    const back = await findIndicatorForEdit({ reportSlug, code }, t.db);
    expect(back!.snapshot).toEqual(original!.snapshot);
    const after = await listItemRevisions({ itemType: 'indicator', itemId: original!.id }, t.db);
    expect(after.map((r) => r.action)).toEqual(['restore', 'delete', 'update', 'import']);
    expect(after[0]!.reasonText).toContain('Khôi phục phiên bản 1');
  });

  it('a save based on an old version is refused with the current state for the conflict screen', async () => {
    const code = 'tang-truong-grdp';
    const stale = await editInput(code, (v) => void (v.note = 'Bản cũ'));
    await saveIndicator({ reportSlug, code, edit: indicatorEditSchema.parse(await editInput(code, (v) => void (v.note = 'Bản mới'))) }, actors.admin, t.db);
    const error = await saveIndicator({ reportSlug, code, edit: indicatorEditSchema.parse(stale) }, actors.editor, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ snapshot: { note: string } }>).current.snapshot.note).toBe('Bản mới');
  });

  it('revisions are append-only in the database: UPDATE, DELETE and TRUNCATE fail', async () => {
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'accepted',
        // drizzle wraps the driver's error: the database's own message is the cause
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    const count = await revisionCount();
    expect(await refusal(t.db.execute(sql`update revisions set reason_text = 'x'`))).toMatch(/append-only: UPDATE/);
    expect(await refusal(t.db.execute(sql`delete from revisions`))).toMatch(/append-only: DELETE/);
    expect(await refusal(t.db.execute(sql`truncate revisions`))).toMatch(/append-only: TRUNCATE/);
    expect(await revisionCount()).toBe(count);
  });

  it('a row tampered with behind the application makes verify-history fail at that row', async () => {
    expect((await verifyHistory(t.db)).ok).toBe(true);
    const [victim] = await t.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.itemType, 'indicator'), eq(revisions.itemKey, 'gia-tri-xuat-khau'), eq(revisions.revisionNo, 2)));
    await t.db.execute(sql`alter table revisions disable trigger revisions_no_update`);
    await t.db.execute(sql`update revisions set reason_text = 'Lý do bị sửa lén' where id = ${victim!.id}`);
    await t.db.execute(sql`alter table revisions enable trigger revisions_no_update`);
    const check = await verifyHistory(t.db);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.broken.revisionId).toBe(victim!.id);
      expect(check.broken.itemKey).toBe('gia-tri-xuat-khau');
    }
    // The indicator row itself was never touched by the tamper.
    const [row] = await t.db.select().from(indicators).where(eq(indicators.code, 'gia-tri-xuat-khau'));
    expect(row).toBeDefined();
  });
});
