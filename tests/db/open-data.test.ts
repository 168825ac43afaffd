/**
 * Open data (lib/open-data/) against a migrated, seeded database: the JSON
 * documents, the CSV read back with csv-parse and compared with the database
 * value by value, and `?asOf=` resolution before and after an edit.
 */
import { parse } from 'csv-parse/sync';
import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveIndicator } from '@/db/queries/edits';
import { findIndicatorForEdit } from '@/db/queries/staff';
import { createUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import { indicators, indicatorValues, reports, revisions, sections } from '@/db/schema';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import type { Actor } from '@/db/permissions';
import { buildIndicatorsCsv, unguardCell } from '@/lib/open-data/csv';
import { CSV_COLUMNS, JSON_FIELDS } from '@/lib/open-data/fields';
import { buildIndicatorsDocument, buildReportDocument } from '@/lib/open-data/json';
import { loadOpenData } from '@/lib/open-data/load';
import { resolveRequestMoment, type Moment } from '@/lib/open-data/moment';
import { indicatorEditSchema, type IndicatorEditInput } from '@/lib/validations/indicator';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const slug = 'soc-trang-2020-2025';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`open data (${databaseKind()})`, () => {
  let t: TestDatabase;
  let now: Moment;

  beforeAll(async () => {
    t = await createTestDatabase();
    const r = await resolveRequestMoment({ slug, asOf: null }, t.db);
    if (!r.ok) throw new Error(r.error);
    now = r.moment;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function load(moment: Moment, parts: 'all' | 'indicators' = 'all') {
    const src = await loadOpenData({ slug, revision: moment, parts }, t.db);
    if (!src) throw new Error('no report');
    return src;
  }

  /** The database's own rows, read without the code under test. */
  async function databaseValues() {
    const [report] = await t.db.select().from(reports).where(eq(reports.slug, slug));
    const list = await t.db.select().from(indicators).where(eq(indicators.reportId, report!.id)).orderBy(asc(indicators.position));
    const values = await t.db.select().from(indicatorValues).orderBy(asc(indicatorValues.role), asc(indicatorValues.year));
    return list.map((i) => ({ indicator: i, values: values.filter((v) => v.indicatorId === i.id) }));
  }

  describe('resolving ?asOf=', () => {
    it('without asOf: the latest revision', async () => {
      const [latest] = await t.db.select({ id: revisions.id }).from(revisions).orderBy(desc(revisions.id)).limit(1);
      expect(now.revisionId).toBe(latest!.id);
      expect(now.createdAt).toMatch(ISO);
    });

    it('a bad asOf: 400 with a Vietnamese and English message', async () => {
      const r = await resolveRequestMoment({ slug, asOf: '31/12/2025' }, t.db);
      expect(r).toMatchObject({ ok: false, status: 400 });
      if (!r.ok) {
        expect(r.error).toContain('asOf không hợp lệ');
        expect(r.error).toContain('Invalid asOf');
      }
    });

    it('an unknown report, or a moment before the report: 404', async () => {
      expect(await resolveRequestMoment({ slug: 'khong-co', asOf: null }, t.db)).toMatchObject({ ok: false, status: 404 });
      const early = await resolveRequestMoment({ slug, asOf: '2000-01-01' }, t.db);
      expect(early).toMatchObject({ ok: false, status: 404 });
      if (!early.ok) expect(early.error).toContain('chưa được đưa lên');
    });
  });

  describe('JSON', () => {
    it('the whole report: report fields with the headline counts, sections with Markdown, indicators, entities', async () => {
      const doc = buildReportDocument(await load(now));
      expect(doc.api_version).toBe(1);
      expect(doc.as_of).toBe(`r${now.revisionId}`);
      expect(doc.revision).toEqual({ id: now.revisionId, created_at: now.createdAt });
      expect(doc.licence).toContain('Dữ liệu trích từ văn bản gốc');
      expect(doc.report).toMatchObject({ slug, indicators_total: 20, indicators_met: 17, indicators_not_met: 3, term_label: '2020 - 2025' });
      expect(doc.report.headline).toBe('Đến nay, đã có 17/20 chỉ tiêu đạt và vượt.');
      expect(doc.report).not.toHaveProperty('source_text');

      const sectionRows = await t.db.select().from(sections).orderBy(asc(sections.position));
      expect(doc.sections.map((s) => s.slug)).toEqual(sectionRows.map((s) => s.slug));
      for (const s of doc.sections) expect(s.body_markdown).toBe(sectionRows.find((r) => r.slug === s.slug)!.body);
      expect(doc.sections.find((s) => s.slug === 'kinh-te')).toMatchObject({ parent: 'phat-trien-kinh-te-xa-hoi', depth: 1 });

      expect(doc.indicators).toHaveLength((await databaseValues()).length);
      const grdp = doc.indicators.find((i) => i.code === 'tang-truong-grdp')!;
      expect(grdp.values).toEqual([
        expect.objectContaining({ role: 'actual', year: 2025, value: '6.20', kind: 'reported', qualifier: null }),
        expect.objectContaining({ role: 'target', year: 2025, value: '8.00', kind: 'derived' }),
      ]);
      expect(grdp).toMatchObject({ unit: '%/năm', status: 'chua_dat', status_label: 'Chưa đạt', named_as_key_indicator: true, adjusted: false });
      expect(grdp.path).toBe('/chi-tieu/tang-truong-grdp');
      expect(doc.entities.length).toBe(11);
      expect(doc.entities.filter((e) => e.kind === 'resolution').every((e) => e.path.startsWith('/nghi-quyet/'))).toBe(true);
      // Plain JSON, nothing lost on the way.
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    });

    it('documents every field it emits, and nothing else (the /du-lieu tables)', async () => {
      const doc = buildReportDocument(await load(now));
      const names = (rows: ReadonlyArray<readonly [string, string]>) => rows.map(([n]) => n).sort();
      const { report, indicators: list, sections: secs, entities, ...envelope } = doc;
      expect(Object.keys(envelope).sort()).toEqual(names(JSON_FIELDS.envelope));
      expect(Object.keys(report).sort()).toEqual(names(JSON_FIELDS.report));
      expect(Object.keys(list[0]!).sort()).toEqual(names(JSON_FIELDS.indicator));
      expect(Object.keys(list.find((i) => i.values.length)!.values[0]!).sort()).toEqual(names(JSON_FIELDS.value));
      expect(Object.keys(secs[0]!).sort()).toEqual(names(JSON_FIELDS.section));
      expect(Object.keys(entities[0]!).sort()).toEqual(names(JSON_FIELDS.entity));
    });

    it('the indicators document carries the same indicators', async () => {
      const whole = buildReportDocument(await load(now));
      const doc = buildIndicatorsDocument(await load(now, 'indicators'));
      expect(doc.indicators).toEqual(whole.indicators);
      expect(doc.report).toEqual({ slug, title: whole.report.title });
      expect(doc.as_of).toBe(whole.as_of);
    });

    it('is the same bytes for the same revision (the strong ETag promises it)', async () => {
      const a = JSON.stringify(buildReportDocument(await load(now)));
      const b = JSON.stringify(buildReportDocument(await load(now)));
      expect(a).toBe(b);
    });
  });

  describe('CSV', () => {
    it('has a BOM, the documented header, and every database value exactly, read back with csv-parse', async () => {
      const csv = buildIndicatorsCsv(await load(now, 'indicators'));
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const header = csv.slice(1, csv.indexOf('\r\n'));
      expect(header).toBe(CSV_COLUMNS.map(([c]) => c).join(','));

      const rows = (parse(csv, { bom: true, columns: true }) as Record<string, string>[]).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unguardCell(v)])),
      );
      const db = await databaseValues();
      expect(rows).toHaveLength(db.reduce((n, d) => n + Math.max(d.values.length, 1), 0));

      let i = 0;
      for (const { indicator, values } of db) {
        const expected = values.length ? values : [null];
        for (const v of expected) {
          const row = rows[i++]!;
          expect(row).toMatchObject({
            report: slug,
            revision: String(now.revisionId),
            indicator_code: indicator.code,
            indicator_position: String(indicator.position),
            indicator_name: indicator.name,
            area: indicator.area,
            unit: indicator.unit ?? '',
            status: indicator.status,
            named_as_key_indicator: String(indicator.namedAsKeyIndicator),
            target_comparison: indicator.targetComparison ?? '',
            baseline_comparison: indicator.baselineComparison ?? '',
            status_note: indicator.statusNote ?? '',
            indicator_note: indicator.note ?? '',
            source_sentence: indicator.sourceSentence ?? '',
            role: v?.role ?? '',
            year: v ? String(v.year) : '',
            period_label: v?.periodLabel ?? '',
            value: v?.value ?? '',
            value_kind: v?.kind ?? '',
            qualifier: v?.qualifier ?? '',
            value_note: v?.note ?? '',
          });
        }
      }
      // Exact decimals, with the scale the source gave.
      expect(rows.find((r) => r.indicator_code === 'tang-truong-grdp' && r.role === 'actual')!.value).toBe('6.20');
      expect(rows.find((r) => r.indicator_code === 'gia-tri-xuat-khau' && r.year === '2025' && r.role === 'actual')!.value).toBe('1.90');
      // An indicator the report names without a figure still has its row.
      expect(rows.filter((r) => r.indicator_code === 'co-cau-grdp')).toEqual([expect.objectContaining({ value: '', role: '', value_kind: '' })]);
    });
  });

  describe('as of a moment', () => {
    let actor: Actor;
    let before: Moment;

    beforeAll(async () => {
      const user = await createUser(
        { email: 'od-editor@example.vn', displayName: 'Người sửa dữ liệu mở', role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử', by: 'console' },
        t.db,
      );
      const session = await createSession({ userId: user.id }, t.db);
      actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: user.displayName, email: user.email };
      before = now;
      const item = (await findIndicatorForEdit({ reportSlug: slug, code: 'san-luong-thuy-hai-san' }, t.db))!;
      const input = indicatorFormValues(item.snapshot, item.version) as unknown as IndicatorEditInput;
      input.values = input.values.map((v) => (v.year === '2025' ? { ...v, value: '430.000,50', kind: 'reported' } : v)) as never;
      input.reason = { kind: 'cap_nhat_so_lieu', text: 'Số liệu chính thức của Cục Thống kê' } as never;
      await saveIndicator({ reportSlug: slug, code: 'san-luong-thuy-hai-san', edit: indicatorEditSchema.parse(input) }, actor, t.db);
    });

    it('now: the new value, marked adjusted; at the earlier revision: the old one', async () => {
      const after = await resolveRequestMoment({ slug, asOf: null }, t.db);
      if (!after.ok) throw new Error(after.error);
      expect(after.moment.revisionId).toBeGreaterThan(before.revisionId);

      const value2025 = (csv: string) =>
        (parse(csv, { bom: true, columns: true }) as Record<string, string>[]).find(
          (r) => r.indicator_code === 'san-luong-thuy-hai-san' && r.year === '2025',
        )!;
      const nowRow = value2025(buildIndicatorsCsv(await load(after.moment, 'indicators')));
      expect(nowRow).toMatchObject({ value: '430000.50', value_kind: 'reported', adjusted: 'true', revision: String(after.moment.revisionId) });

      const past = await resolveRequestMoment({ slug, asOf: `r${before.revisionId}` }, t.db);
      if (!past.ok) throw new Error(past.error);
      const pastRow = value2025(buildIndicatorsCsv(await load(past.moment, 'indicators')));
      expect(pastRow).toMatchObject({ value: '423700', value_kind: 'estimate', adjusted: 'false' });

      const json = buildIndicatorsDocument(await load(past.moment, 'indicators'));
      expect(json.indicators.find((i) => i.code === 'san-luong-thuy-hai-san')!.values.find((v) => v.year === 2025)!.value).toBe('423700');
    });

    it('never carries who made a change', async () => {
      const after = await resolveRequestMoment({ slug, asOf: null }, t.db);
      if (!after.ok) throw new Error(after.error);
      const src = await load(after.moment);
      const text = JSON.stringify(buildReportDocument(src)) + buildIndicatorsCsv(src);
      expect(text).not.toContain('od-editor@example.vn');
      expect(text).not.toContain('Người sửa dữ liệu mở');
    });
  });
});
