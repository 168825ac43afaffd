import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { appendRevision } from '@/db/history';
import { NoChangeError, restoreRevision, saveIndicator, saveSection } from '@/db/queries/edits';
import { findIndicator, findSectionTree } from '@/db/queries/reports';
import { listItemRevisions, verifyHistory } from '@/db/queries/revisions';
import { findIndicatorForEdit, findSectionForEdit } from '@/db/queries/staff';
import { createUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import { revisions } from '@/db/schema';
import type { IndicatorSnapshot } from '@/db/snapshots';
import { indicatorFormValues, type IndicatorFormValues } from '@/components/staff/indicator-form-values';
import { sectionFormValues } from '@/components/staff/section-form-values';
import type { Actor } from '@/db/permissions';
import { langOf } from '@/lib/i18n/content';
import { localizeIndicator, localizeSection } from '@/lib/i18n/localize';
import { diffIndicators, diffSections } from '@/lib/revision-diff';
import { indicatorEditSchema } from '@/lib/validations/indicator';
import { sectionEditSchema } from '@/lib/validations/section';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const reportSlug = 'soc-trang-2020-2025';
const reason = { kind: 'bien_tap' as const, text: 'Thêm bản dịch tiếng Anh' };
const code = 'gia-tri-xuat-khau';

describe(`English translations of content (${databaseKind()})`, () => {
  let t: TestDatabase;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase();
    const user = await createUser({ email: 'dich@example.vn', displayName: 'Biên dịch', role: 'editor', password: 'mật khẩu đủ dài cho kiểm thử', by: 'console' }, t.db);
    actor = { userId: user.id, sessionId: (await createSession({ userId: user.id }, t.db)).id, role: 'editor', displayName: 'Biên dịch', email: user.email };
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Edit as the form does: its values, changed, with a reason. */
  async function editIndicator(change: (v: IndicatorFormValues) => void) {
    const item = (await findIndicatorForEdit({ reportSlug, code }, t.db))!;
    const input = indicatorFormValues(item.snapshot, item.version);
    input.reason = reason;
    change(input);
    return saveIndicator({ reportSlug, code, edit: indicatorEditSchema.parse(input) }, actor, t.db);
  }
  const history = async () => {
    const item = (await findIndicatorForEdit({ reportSlug, code }, t.db))!;
    return { item, revisions: await listItemRevisions({ itemType: 'indicator', itemId: item.id }, t.db) };
  };
  const snapshotOf = async (revisionId: number) => (await t.db.select().from(revisions).where(eq(revisions.id, revisionId)))[0]!.snapshot as IndicatorSnapshot;

  it('an indicator starts with no translation: the English view shows the Vietnamese text, marked', async () => {
    const view = (await findIndicator({ reportSlug, code }, t.db))!;
    expect(view.translations).toEqual({});
    const en = localizeIndicator(view, 'en');
    expect(en.name).toBe('Giá trị xuất khẩu');
    expect(langOf(en, 'name')).toBe('vi');
    expect(en.untranslated).toEqual(expect.arrayContaining(['name', 'area', 'unit']));
  });

  it('an English name is saved, and its revision holds it (labelled in the diff)', async () => {
    const saved = await editIndicator((v) => {
      v.translations.en.name = '  Export value ';
    });
    const { item } = await history();
    expect(item.snapshot.translations).toEqual({ en: { name: 'Export value' } });
    const snapshot = await snapshotOf(saved.revisionId);
    expect(snapshot).toEqual(item.snapshot);
    expect(snapshot.translations.en?.name).toBe('Export value');

    const { revisions: list } = await history();
    const diff = diffIndicators(await snapshotOf(list[1]!.id), snapshot);
    expect(diff.fields).toEqual([expect.objectContaining({ field: 'translations.en.name', label: 'Tên (tiếng Anh)', before: null, after: 'Export value' })]);
  });

  it('saving the same translation again is no change; emptying a field is', async () => {
    await expect(editIndicator((v) => void (v.translations.en.name = 'Export value'))).rejects.toBeInstanceOf(NoChangeError);
    await expect(editIndicator((v) => void (v.translations.en.note = '   '))).rejects.toBeInstanceOf(NoChangeError);
  });

  it('the English view uses the English name and falls back to Vietnamese for the rest; the Vietnamese view never shows English', async () => {
    const view = (await findIndicator({ reportSlug, code }, t.db))!;
    const en = localizeIndicator(view, 'en');
    expect(en.name).toBe('Export value');
    expect(langOf(en, 'name')).toBeUndefined();
    expect(en.area).toBe(view.area);
    expect(langOf(en, 'area')).toBe('vi');
    expect(en.untranslated).not.toContain('name');
    const vi = localizeIndicator(view, 'vi');
    expect(vi.name).toBe('Giá trị xuất khẩu');
    expect(vi.untranslated).toEqual([]);
  });

  it('the report as of before the translation has none', async () => {
    const { revisions: list } = await history();
    const before = (await findIndicator({ reportSlug, code, revisionId: list[1]!.id }, t.db))!;
    expect(before.translations).toEqual({});
    expect(localizeIndicator(before, 'en').name).toBe('Giá trị xuất khẩu');
  });

  it('restoring the imported version removes the English name', async () => {
    const { item, revisions: list } = await history();
    const imported = list.at(-1)!;
    expect(imported.action).toBe('import');
    await restoreRevision({ revisionId: imported.id, version: item.version, reason }, actor, t.db);
    const after = (await findIndicatorForEdit({ reportSlug, code }, t.db))!;
    expect(after.snapshot.translations).toEqual({});
    const en = localizeIndicator((await findIndicator({ reportSlug, code }, t.db))!, 'en');
    expect(en.name).toBe('Giá trị xuất khẩu');
    expect(langOf(en, 'name')).toBe('vi');
  });

  it('a snapshot written before translations existed reads as untranslated, and restores as such', async () => {
    await editIndicator((v) => void (v.translations.en.area = 'Economy'));
    const { item } = await history();
    // A revision as written before migration 0004: the same fields, no `translations`.
    const { translations: _none, ...legacy } = item.snapshot;
    const old = await appendRevision(
      { reportId: legacy.reportId, itemType: 'indicator', itemId: item.id, itemKey: code, itemLabel: legacy.name, action: 'update', snapshot: legacy, author: { id: actor.userId, name: 'x' }, reason },
      t.db,
    );
    const past = (await findIndicator({ reportSlug, code, revisionId: old.id }, t.db))!;
    expect(past.translations).toEqual({});
    expect(diffIndicators(legacy as IndicatorSnapshot, item.snapshot).fields.map((f) => f.label)).toEqual(['Lĩnh vực (tiếng Anh)']);

    await restoreRevision({ revisionId: old.id, version: item.version, reason }, actor, t.db);
    expect((await findIndicatorForEdit({ reportSlug, code }, t.db))!.snapshot.translations).toEqual({});
    expect(await verifyHistory(t.db)).toMatchObject({ ok: true });
  });

  it('a section: English title and body are saved, rendered for English readers, and restorable', async () => {
    const slug = 'quoc-phong-an-ninh';
    const s = (await findSectionForEdit({ reportSlug, slug }, t.db))!;
    const input = sectionFormValues(s.snapshot, s.version);
    input.translations.en = { title: 'Defence and security', heading: '', body: 'Defence **was** strengthened.' };
    const saved = await saveSection({ reportSlug, slug, edit: sectionEditSchema.parse({ ...input, reason }) }, actor, t.db);
    const [section] = await findSectionTree({ reportSlug, slug }, t.db);
    expect(section!.translations).toEqual({ en: { body: 'Defence **was** strengthened.', title: 'Defence and security' } });

    const en = localizeSection(section!, 'en');
    expect(en.title).toBe('Defence and security');
    expect(en.bodyHtml).toContain('<strong>was</strong>');
    expect(en.untranslated).toEqual(section!.heading ? ['heading'] : []);
    const vi = localizeSection(section!, 'vi');
    expect(vi.title).toBe(section!.title);
    // Links to the portal's own pages inside a body stay in the reader's language.
    const [economy] = await findSectionTree({ reportSlug, slug: 'kinh-te' }, t.db);
    expect(economy!.bodyHtml).toMatch(/href="\/du-an\//);
    expect(localizeSection(economy!, 'en').bodyHtml).not.toMatch(/href="\/(?!en\/)/);
    expect(localizeSection(economy!, 'en').bodyHtml).toMatch(/href="\/en\/du-an\//);
    expect(vi.bodyHtml).toBe(section!.bodyHtml);
    expect(vi.bodyHtml).not.toContain('Defence');

    const list = await listItemRevisions({ itemType: 'section', itemId: s.id }, t.db);
    const [rev] = await t.db.select().from(revisions).where(eq(revisions.id, saved.revisionId));
    const [prev] = await t.db.select().from(revisions).where(eq(revisions.id, list[1]!.id));
    expect(diffSections(prev!.snapshot as never, rev!.snapshot as never).fields.map((f) => f.label)).toEqual([
      'Tiêu đề mục (tiếng Anh)',
      'Nội dung (tiếng Anh)',
    ]);
    await restoreRevision({ revisionId: list.at(-1)!.id, version: s.version + 1, reason }, actor, t.db);
    expect((await findSectionForEdit({ reportSlug, slug }, t.db))!.snapshot.translations).toEqual({});
  });
});
