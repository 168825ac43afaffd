import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveIndicator, deleteIndicator } from '@/db/queries/edits';
import { findIndicator, findIndicators, findReport, resolveMoment } from '@/db/queries/reports';
import { findIndicatorForEdit } from '@/db/queries/staff';
import { createUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import type { Actor } from '@/db/permissions';
import { revisions } from '@/db/schema';
import { indicatorEditSchema, type IndicatorEditInput } from '@/lib/validations/indicator';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const reportSlug = 'soc-trang-2020-2025';
const reason = { kind: 'cap_nhat_so_lieu' as const, text: 'Số liệu chính thức' };

describe(`the report as of a moment, rebuilt from revisions (${databaseKind()})`, () => {
  let t: TestDatabase;
  let actor: Actor;
  beforeAll(async () => {
    t = await createTestDatabase();
    const user = await createUser({ email: 'asof@example.vn', displayName: 'Biên tập', role: 'editor', password: 'mật khẩu đủ dài cho kiểm thử', by: 'console' }, t.db);
    actor = { userId: user.id, sessionId: (await createSession({ userId: user.id }, t.db)).id, role: 'editor', displayName: 'Biên tập', email: user.email };
  });
  afterAll(async () => {
    await t?.close();
  });

  async function edit(code: string, change: (v: IndicatorEditInput) => void) {
    const item = (await findIndicatorForEdit({ reportSlug, code }, t.db))!;
    const input = indicatorFormValues(item.snapshot, item.version);
    input.reason = reason;
    change(input);
    return saveIndicator({ reportSlug, code, edit: indicatorEditSchema.parse(input) }, actor, t.db);
  }

  it('shows old figures, statuses and the adjusted flag as they stood before an edit', async () => {
    const before = await resolveMoment({ slug: reportSlug, asOf: { at: new Date().toISOString(), revisionId: null } }, t.db);
    expect(before).not.toBeNull();
    await edit('san-luong-thuy-hai-san', (v) => {
      v.values.find((x) => x.year === '2025')!.value = '430.100';
      v.status = 'dat';
    });

    const now = await findIndicator({ reportSlug, code: 'san-luong-thuy-hai-san' }, t.db);
    expect(now!.values.find((v) => v.year === 2025)!.value).toBe('430100');
    expect(now!.status).toBe('dat');
    expect(now!.adjusted).toBe(true);

    const then = await findIndicator({ reportSlug, code: 'san-luong-thuy-hai-san', revisionId: before!.revisionId }, t.db);
    expect(then!.values.find((v) => v.year === 2025)!.value).toBe('423700');
    expect(then!.status).toBe('chua_xac_dinh');
    expect(then!.adjusted).toBe(false);
    expect(then!.section?.slug).toBe('kinh-te');
  });

  it('a deleted indicator is still there as of before its deletion', async () => {
    const before = await resolveMoment({ slug: reportSlug, asOf: { at: new Date().toISOString(), revisionId: null } }, t.db);
    const item = await findIndicatorForEdit({ reportSlug, code: 'dao-tao-can-bo' }, t.db);
    await deleteIndicator({ reportSlug, code: 'dao-tao-can-bo', version: item!.version, reason }, actor, t.db);
    expect((await findIndicators({ reportSlug }, t.db)).map((i) => i.code)).not.toContain('dao-tao-can-bo');
    const then = await findIndicators({ reportSlug, revisionId: before!.revisionId }, t.db);
    expect(then.map((i) => i.code)).toContain('dao-tao-can-bo');
    expect(then.find((i) => i.code === 'dao-tao-can-bo')!.values[0]!.value).toBe('67929');
  });

  it('the report headline as of any moment matches the source, and a moment before the import has no report', async () => {
    const first = await resolveMoment({ slug: reportSlug, asOf: { at: '', revisionId: 1 } }, t.db);
    const report = await findReport({ slug: reportSlug, revisionId: first!.revisionId }, t.db);
    expect(report!.headline).toBe('Đến nay, đã có 17/20 chỉ tiêu đạt và vượt.');
    // r1 stands for the whole import, written in one transaction: every item is there.
    expect(await findIndicators({ reportSlug, revisionId: first!.revisionId }, t.db)).toHaveLength(12);
    expect(await resolveMoment({ slug: reportSlug, asOf: { at: '2000-01-01T00:00:00.000Z', revisionId: null } }, t.db)).toBeNull();
    expect(await resolveMoment({ slug: 'khong-co', asOf: { at: new Date().toISOString(), revisionId: null } }, t.db)).toBeNull();
  });

  it('one indicator read alone is the one in the whole list, now and as of every revision (deleted one included)', async () => {
    const moments = [null, ...(await t.db.select({ id: revisions.id }).from(revisions).orderBy(asc(revisions.id))).map((r) => r.id)];
    const imported = await resolveMoment({ slug: reportSlug, asOf: { at: '', revisionId: 1 } }, t.db);
    const codes = new Set((await findIndicators({ reportSlug, revisionId: imported!.revisionId }, t.db)).map((i) => i.code));
    expect(codes).toContain('dao-tao-can-bo');
    for (const revisionId of moments) {
      const all = await findIndicators({ reportSlug, revisionId }, t.db);
      for (const code of codes) {
        expect(await findIndicator({ reportSlug, code, revisionId }, t.db), `${code} as of ${revisionId ?? 'now'}`).toEqual(
          all.find((i) => i.code === code) ?? null,
        );
      }
    }
  });
});
