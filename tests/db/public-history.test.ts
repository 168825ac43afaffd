/**
 * Public history (db/queries/public-history.ts): what readers see of changes —
 * when, why, old → new — and never who.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveIndicator, saveSection } from '@/db/queries/edits';
import { CHANGELOG_PAGE_SIZE, countPublicChanges, findImport, findItemChangelog, listPublicChanges, type PublicChange } from '@/db/queries/public-history';
import { findIndicatorForEdit, findSectionForEdit } from '@/db/queries/staff';
import { createUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import type { Actor } from '@/db/permissions';
import { buildChangeFeed } from '@/lib/open-data/atom';
import { changeLines, changelogPath } from '@/lib/open-data/changes';
import { indicatorEditSchema, type IndicatorEditInput } from '@/lib/validations/indicator';
import { sectionEditSchema } from '@/lib/validations/section';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const reportSlug = 'soc-trang-2020-2025';
const EDITOR_EMAIL = 'bien-tap-bi-mat@example.vn';
const EDITOR_NAME = 'Nguyễn Văn Bí Mật';
const PUBLIC_KEYS = [
  'action',
  'createdAt',
  'id',
  'itemKey',
  'itemLabel',
  'itemType',
  'previousRevisionId',
  'previousSnapshot',
  'reasonKind',
  'reasonText',
  'revisionNo',
  'snapshot',
];

describe(`public history (${databaseKind()})`, () => {
  let t: TestDatabase;
  let actor: Actor;
  let importLastId: number;
  let indicatorChangeId: number;
  let sectionChangeId: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    const user = await createUser({ email: EDITOR_EMAIL, displayName: EDITOR_NAME, role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử', by: 'console' }, t.db);
    const session = await createSession({ userId: user.id }, t.db);
    actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: user.displayName, email: user.email };
    importLastId = (await findImport({ reportSlug }, t.db))!.lastId;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function editFigure(value: string, reason: string) {
    const item = (await findIndicatorForEdit({ reportSlug, code: 'san-luong-thuy-hai-san' }, t.db))!;
    const input = indicatorFormValues(item.snapshot, item.version) as unknown as IndicatorEditInput;
    input.values = input.values.map((v) => (v.year === '2025' ? { ...v, value } : v)) as never;
    input.reason = { kind: 'cap_nhat_so_lieu', text: reason } as never;
    return saveIndicator({ reportSlug, code: 'san-luong-thuy-hai-san', edit: indicatorEditSchema.parse(input) }, actor, t.db);
  }

  const expectNoStaffIdentity = (rows: PublicChange[]) => {
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(PUBLIC_KEYS);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(EDITOR_EMAIL);
    expect(text).not.toContain(EDITOR_NAME);
    expect(text).not.toMatch(/author|hash/i);
  };

  it('before any edit: no published change, each item has its import', async () => {
    expect(await listPublicChanges({ reportSlug }, t.db)).toEqual({ rows: [], next: null });
    expect(await countPublicChanges({ reportSlug }, t.db)).toBe(0);
    const log = (await findItemChangelog({ reportSlug, itemType: 'indicator', key: 'san-luong-thuy-hai-san' }, t.db))!;
    expect(log.label).toBe('Tổng sản lượng thuỷ hải sản');
    expect(log.entries.map((e) => [e.action, e.reasonKind])).toEqual([['import', 'import']]);
    expect(log.entries[0]!.previousSnapshot).toBeNull();
    expectNoStaffIdentity(log.entries);
  });

  it('after edits: changes newest first, old → new, with reasons and no author columns', async () => {
    indicatorChangeId = (await editFigure('430.000', 'Số liệu chính thức của Cục Thống kê')).revisionId;
    const s = (await findSectionForEdit({ reportSlug, slug: 'an-sinh-xa-hoi' }, t.db))!;
    const edit = sectionEditSchema.parse({
      ...s.snapshot,
      heading: s.snapshot.heading ?? '',
      body: `${s.snapshot.body}\n\nĐoạn bổ sung <b>&</b> “trích dẫn”.`,
      version: s.version,
      reason: { kind: 'bo_sung', text: 'Bổ sung đoạn còn thiếu' },
    });
    sectionChangeId = (await saveSection({ reportSlug, slug: 'an-sinh-xa-hoi', edit }, actor, t.db)).revisionId;

    const { rows, next } = await listPublicChanges({ reportSlug }, t.db);
    expect(next).toBeNull();
    expect(rows.map((r) => r.id)).toEqual([sectionChangeId, indicatorChangeId]);
    expect(await countPublicChanges({ reportSlug }, t.db)).toBe(2);
    expectNoStaffIdentity(rows);

    const figure = rows[1]!;
    expect(figure).toMatchObject({ itemType: 'indicator', itemKey: 'san-luong-thuy-hai-san', action: 'update', reasonKind: 'cap_nhat_so_lieu', reasonText: 'Số liệu chính thức của Cục Thống kê' });
    expect(figure.previousRevisionId).not.toBeNull();
    expect(changeLines(figure)).toContainEqual({ label: 'Năm 2025', before: '423.700 tấn', after: '430.000 tấn' });

    const text = rows[0]!;
    expect(text).toMatchObject({ itemType: 'section', itemKey: 'an-sinh-xa-hoi', reasonKind: 'bo_sung' });
    const lines = changeLines(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.after).toContain('Đoạn bổ sung');
  });

  it("an item's changelog: every revision, old → new snapshots, bounded by a moment", async () => {
    await editFigure('431.000', 'Sửa lại theo số liệu cuối cùng');
    const log = (await findItemChangelog({ reportSlug, itemType: 'indicator', key: 'san-luong-thuy-hai-san' }, t.db))!;
    expect(log.entries.map((e) => e.revisionNo)).toEqual([3, 2, 1]);
    const value2025 = (s: Record<string, unknown> | null) =>
      (s?.values as Array<{ year: number; value: string }>).find((v) => v.year === 2025)!.value;
    expect(log.entries.map((e) => [value2025(e.previousSnapshot ?? { values: [{ year: 2025, value: '-' }] }), value2025(e.snapshot)])).toEqual([
      ['430000', '431000'],
      ['423700', '430000'],
      ['-', '423700'],
    ]);
    expect(log.entries[1]!.previousRevisionId).toBe(log.entries[2]!.id);
    expectNoStaffIdentity(log.entries);

    const then = (await findItemChangelog({ reportSlug, itemType: 'indicator', key: 'san-luong-thuy-hai-san', upTo: indicatorChangeId }, t.db))!;
    expect(then.entries.map((e) => e.revisionNo)).toEqual([2, 1]);
    const atImport = (await findItemChangelog({ reportSlug, itemType: 'indicator', key: 'san-luong-thuy-hai-san', upTo: importLastId }, t.db))!;
    expect(atImport.entries.map((e) => e.action)).toEqual(['import']);

    const section = (await findItemChangelog({ reportSlug, itemType: 'section', key: 'an-sinh-xa-hoi' }, t.db))!;
    expect(section.entries.map((e) => e.id)[0]).toBe(sectionChangeId);
    expect(await findItemChangelog({ reportSlug, itemType: 'indicator', key: 'khong-co' }, t.db)).toBeNull();
    expect(await findItemChangelog({ reportSlug: 'khong-co', itemType: 'indicator', key: 'san-luong-thuy-hai-san' }, t.db)).toBeNull();
  });

  it('pages back by revision id and bounds the list by a moment', async () => {
    const first = await listPublicChanges({ reportSlug, limit: 2 }, t.db);
    expect(first.rows).toHaveLength(2);
    expect(first.next).toBe(first.rows[1]!.id);
    const second = await listPublicChanges({ reportSlug, limit: 2, before: first.next! }, t.db);
    expect(second.rows.map((r) => r.id)).toEqual([indicatorChangeId]);
    expect(second.next).toBeNull();
    expect((await listPublicChanges({ reportSlug, upTo: indicatorChangeId }, t.db)).rows.map((r) => r.id)).toEqual([indicatorChangeId]);
    expect(await countPublicChanges({ reportSlug, upTo: importLastId }, t.db)).toBe(0);
  });

  it('the Atom feed built from it names no one and escapes the narrative', async () => {
    const { rows } = await listPublicChanges({ reportSlug }, t.db);
    const xml = buildChangeFeed({ origin: 'http://localhost', reportSlug, reportTitle: 'Báo cáo', updated: rows[0]!.createdAt, changes: rows });
    expect(xml).not.toContain(EDITOR_EMAIL);
    expect(xml).not.toContain(EDITOR_NAME);
    expect(xml).toContain('<name>Cổng thông tin Kết quả nhiệm kỳ</name>');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('430.000 tấn → 431.000 tấn');
    expect(xml.match(/<entry>/g)).toHaveLength(3);
  });

  it('an item\'s changelog is paged: newest page first, then older pages by revision number, none missing or repeated', async () => {
    const key = 'dao-tao-can-bo';
    const saves = CHANGELOG_PAGE_SIZE + 5;
    for (let i = 0; i < saves; i++) {
      const item = (await findIndicatorForEdit({ reportSlug, code: key }, t.db))!;
      const input = indicatorFormValues(item.snapshot, item.version) as unknown as IndicatorEditInput;
      input.note = `Ghi chú lần ${i + 1}`;
      input.reason = { kind: 'bien_tap', text: `Lần sửa thứ ${i + 1}` } as never;
      await saveIndicator({ reportSlug, code: key, edit: indicatorEditSchema.parse(input) }, actor, t.db);
    }
    const first = (await findItemChangelog({ reportSlug, itemType: 'indicator', key }, t.db))!;
    expect(first.changes).toBe(saves);
    expect(first.entries).toHaveLength(CHANGELOG_PAGE_SIZE);
    expect(first.older).toBe(first.entries.at(-1)!.revisionNo);
    const second = (await findItemChangelog({ reportSlug, itemType: 'indicator', key, before: first.older! }, t.db))!;
    expect(second.older).toBeNull();
    expect(second.changes).toBe(saves);
    const numbers = [...first.entries, ...second.entries].map((e) => e.revisionNo);
    expect(numbers).toEqual(Array.from({ length: saves + 1 }, (_, i) => saves + 1 - i)); // the import (1) included, once each
    expect(second.entries.at(-1)!.action).toBe('import');

    // A reader following the oldest of these changes from /thay-doi or the feed lands on the page
    // that holds it, though it is no longer on the newest page.
    const { rows } = await listPublicChanges({ reportSlug, limit: 100 }, t.db);
    const oldest = rows.filter((r) => r.itemKey === key).at(-1)!;
    expect(first.entries.map((e) => e.id)).not.toContain(oldest.id);
    const link = changelogPath(oldest);
    const m = /^\/chi-tieu\/dao-tao-can-bo\/lich-su\/truoc-(\d+)#r(\d+)$/.exec(link);
    expect(m, link).not.toBeNull();
    const page = (await findItemChangelog({ reportSlug, itemType: 'indicator', key, before: Number(m![1]) }, t.db))!;
    expect(page.entries[0]!.id).toBe(Number(m![2]));
  });
});

