/**
 * The save protocol's contract, the same for every item type: which cached pages each kind of
 * edit clears, a duplicate key reported as such even when two people create it at once, and
 * conflicts and "no change" answered alike for saves and restores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createIndicator, deleteIndicator, DuplicateCodeError, NoChangeError, restoreRevision, saveIndicator, saveSection } from '@/db/queries/edits';
import { findIndicatorForEdit, findSectionForEdit } from '@/db/queries/staff';
import { createUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import { revisions } from '@/db/schema';
import type { Actor } from '@/db/permissions';
import { ConflictError } from '@/lib/errors';
import { indicatorEditSchema, type IndicatorEditInput } from '@/lib/validations/indicator';
import { sectionEditSchema } from '@/lib/validations/section';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';
import { newIndicatorInput } from '../helpers/indicator-input';

const R = 'soc-trang-2020-2025';
const reason = { kind: 'sua_loi' as const, text: 'Kiểm tra giao thức lưu' };

describe(`the versioned write (${databaseKind()})`, () => {
  let t: TestDatabase;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase();
    const user = await createUser({ email: 'vw@example.vn', displayName: 'Người sửa', role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử', by: 'console' }, t.db);
    const session = await createSession({ userId: user.id }, t.db);
    actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: 'Người sửa', email: user.email };
  });
  afterAll(async () => {
    await t?.close();
  });

  async function indicatorEdit(code: string, change: (v: IndicatorEditInput) => void) {
    const item = (await findIndicatorForEdit({ reportSlug: R, code }, t.db))!;
    const values = indicatorFormValues(item.snapshot, item.version);
    values.reason = reason;
    change(values);
    return indicatorEditSchema.parse(values);
  }

  async function sectionEdit(slug: string, body: (old: string) => string) {
    const s = (await findSectionForEdit({ reportSlug: R, slug }, t.db))!;
    return sectionEditSchema.parse({ ...s.snapshot, body: body(s.snapshot.body), translations: s.snapshot.translations, version: s.version, reason });
  }

  const createInput = (code: string) => newIndicatorInput({ code, reason });

  it('an indicator save clears that indicator, the indicator lists and the latest revision, nothing else (not the report: other pages stay cached)', async () => {
    const saved = await saveIndicator({ reportSlug: R, code: 'tang-truong-grdp', edit: await indicatorEdit('tang-truong-grdp', (v) => void (v.note = 'ghi chú mới')) }, actor, t.db);
    expect(saved.invalidate.sort()).toEqual([`indicator:${R}/tang-truong-grdp`, `indicators:${R}`, `latest:${R}`].sort());
    expect(saved.invalidate).not.toContain(`report:${R}`);
  });

  it('a section save clears the section, every section containing it, the contents, entities and the indicators that cite it', async () => {
    const saved = await saveSection({ reportSlug: R, slug: 'kinh-te', edit: await sectionEdit('kinh-te', (b) => `${b}\n\nĐoạn thêm.`) }, actor, t.db);
    const linked = ['chi-so-san-xuat-cong-nghiep', 'gia-tri-san-xuat-cong-nghiep', 'gia-tri-xuat-khau', 'grdp-binh-quan-dau-nguoi', 'huyen-nong-thon-moi', 'huyen-nong-thon-moi-nang-cao', 'san-luong-thuy-hai-san', 'tang-truong-grdp', 'xa-nong-thon-moi-kieu-mau'];
    expect(saved.invalidate.sort()).toEqual(
      [
        `latest:${R}`,
        `toc:${R}`,
        `entities:${R}`,
        `indicators:${R}`,
        `section:${R}/kinh-te`,
        `section:${R}/phat-trien-kinh-te-xa-hoi`,
        ...linked.map((c) => `indicator:${R}/${c}`),
      ].sort(),
    );
    expect(saved.invalidate).not.toContain(`section:${R}/an-sinh-xa-hoi`);
  });

  it('create, delete and restore of an indicator clear what a save clears, under its code, the sections\' citations and the known codes', async () => {
    // Unlike a save, these may change which indicators a section page cites, and which codes exist.
    const expected = [`indicator:${R}/thu-nghiem-tag`, `indicators:${R}`, `latest:${R}`, `citations:${R}`, `known:${R}/indicator`].sort();
    const created = await createIndicator({ reportSlug: R, input: createInput('thu-nghiem-tag') }, actor, t.db);
    expect(created.invalidate.sort()).toEqual(expected);
    const deleted = await deleteIndicator({ reportSlug: R, code: 'thu-nghiem-tag', version: created.version, reason }, actor, t.db);
    expect(deleted.invalidate.sort()).toEqual(expected);
    const restored = await restoreRevision({ revisionId: created.revisionId, version: 0, reason }, actor, t.db);
    expect(restored.invalidate.sort()).toEqual(expected);
    expect((await findIndicatorForEdit({ reportSlug: R, code: 'thu-nghiem-tag' }, t.db))?.snapshot.name).toBe('Chỉ tiêu thử thu-nghiem-tag');
  });

  it('two people creating the same code at once: one is saved, the other gets the duplicate-code message', async () => {
    const results = await Promise.allSettled([
      createIndicator({ reportSlug: R, input: createInput('cung-ma') }, actor, t.db),
      createIndicator({ reportSlug: R, input: createInput('cung-ma') }, actor, t.db),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DuplicateCodeError);
    expect((refused.reason as DuplicateCodeError).fieldErrors?.code?.[0]).toContain('cung-ma');
    const created = await t.db.select().from(revisions).where(and(eq(revisions.itemKey, 'cung-ma'), eq(revisions.action, 'create')));
    expect(created).toHaveLength(1);
  });

  it('a section restore on an old version gets the conflict with the section as stored now', async () => {
    const first = await saveSection({ reportSlug: R, slug: 'nguyen-nhan', edit: await sectionEdit('nguyen-nhan', (b) => `${b} (1)`) }, actor, t.db);
    await saveSection({ reportSlug: R, slug: 'nguyen-nhan', edit: await sectionEdit('nguyen-nhan', (b) => `${b} (2)`) }, actor, t.db);
    const error = await restoreRevision({ revisionId: first.revisionId, version: first.version, reason }, actor, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const current = (error as ConflictError<{ version: number; snapshot: { body: string } }>).current;
    expect(current.version).toBe(first.version + 1);
    expect(current.snapshot.body.endsWith('(1) (2)')).toBe(true);
  });

  it('restoring the state an item is already in is "no change", for sections as for indicators', async () => {
    const s = (await findSectionForEdit({ reportSlug: R, slug: 'nguyen-nhan' }, t.db))!;
    const [last] = await t.db.select().from(revisions).where(and(eq(revisions.itemType, 'section'), eq(revisions.itemId, s.id))).orderBy(desc(revisions.revisionNo)).limit(1);
    await expect(restoreRevision({ revisionId: last!.id, version: s.version, reason }, actor, t.db)).rejects.toBeInstanceOf(NoChangeError);
  });
});
