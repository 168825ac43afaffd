import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { seedAll } from '@/db/seed';
import { entities, indicators, indicatorValues, reports, sections } from '@/db/schema';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const SLUG = 'soc-trang-2020-2025';
const SOURCE = path.join(process.cwd(), 'db/seed/phu-luc-2-ket-qua-noi-bat-soc-trang-2020-2025.txt');

describe(`seed (${databaseKind()})`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function counts() {
    const [r] = await t.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    const [s] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sections);
    const [i] = await t.db.select({ n: sql<number>`count(*)::int` }).from(indicators);
    const [v] = await t.db.select({ n: sql<number>`count(*)::int` }).from(indicatorValues);
    const [e] = await t.db.select({ n: sql<number>`count(*)::int` }).from(entities);
    return { reports: r!.n, sections: s!.n, indicators: i!.n, values: v!.n, entities: e!.n };
  }

  it('seeding twice loads the report once', async () => {
    expect(t.seeded).toEqual([SLUG]);
    const before = await counts();
    expect(before.reports).toBe(1);
    expect(before.sections).toBeGreaterThan(0);
    expect(before.indicators).toBeGreaterThan(0);
    expect(before.entities).toBeGreaterThan(0);

    expect(await seedAll(t.db)).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('keeps the scale each number was reported with', async () => {
    async function value(code: string, year: number, role: 'actual' | 'target' = 'actual') {
      const rows = await t.db
        .select({ value: indicatorValues.value })
        .from(indicatorValues)
        .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
        .where(and(eq(indicators.code, code), eq(indicatorValues.year, year), eq(indicatorValues.role, role)));
      expect(rows, `${code} ${role} ${year}`).toHaveLength(1);
      return rows[0]!.value;
    }
    expect(await value('tang-truong-grdp', 2025)).toBe('6.20');
    expect(await value('gia-tri-xuat-khau', 2025)).toBe('1.90');
    expect(await value('san-luong-thuy-hai-san', 2025)).toBe('423700');
    expect(await value('grdp-binh-quan-dau-nguoi', 2025)).toBe('75.5');
  });

  it('stores text as NFC even where the source file is decomposed (line 14)', async () => {
    const raw = fs.readFileSync(SOURCE, 'utf8').split('\n');
    const line14 = raw[13]!;
    // The premise: the file really has this line in decomposed form.
    expect(line14).not.toBe(line14.normalize('NFC'));
    const start = line14.normalize('NFC').slice(0, 60);

    const rows = await t.db.select({ body: sections.body, heading: sections.heading, title: sections.title }).from(sections);
    const holder = rows.find((r) => r.body.includes(start));
    expect(holder, 'the section holding line 14').toBeDefined();
    for (const r of rows) {
      for (const text of [r.body, r.heading ?? '', r.title]) expect(text).toBe(text.normalize('NFC'));
    }

    const [report] = await t.db.select().from(reports).where(eq(reports.slug, SLUG));
    expect(report).toBeDefined();
    expect(report!.sourceText).toBe(report!.sourceText.normalize('NFC'));
    expect(report!.sourceText).toContain(start);
    for (const text of [report!.documentLabel, report!.documentHeading, report!.title, report!.headline ?? '']) {
      expect(text).toBe(text.normalize('NFC'));
    }

    const inds = await t.db.select().from(indicators);
    for (const i of inds) {
      for (const text of [i.name, i.area, i.unit, i.statusNote, i.targetComparison, i.baselineComparison, i.sourceSentence, i.note]) {
        if (text) expect(text).toBe(text.normalize('NFC'));
      }
    }
  });

  it('marks the 3 indicators the report says were not met as chua_dat', async () => {
    const notMet = await t.db
      .select({ code: indicators.code, name: indicators.name })
      .from(indicators)
      .where(eq(indicators.status, 'chua_dat'))
      .orderBy(asc(indicators.position));
    expect(notMet.map((i) => i.code)).toEqual(['tang-truong-grdp', 'co-cau-grdp', 'chi-so-san-xuat-cong-nghiep']);
    expect(notMet.map((i) => i.name)).toEqual([
      'Tốc độ tăng tổng sản phẩm trên địa bàn',
      'Cơ cấu GRDP',
      'Chỉ số sản xuất công nghiệp',
    ]);

    const [report] = await t.db
      .select({ total: reports.indicatorsTotal, met: reports.indicatorsMet, notMet: reports.indicatorsNotMet })
      .from(reports)
      .where(eq(reports.slug, SLUG));
    expect(report).toEqual({ total: 20, met: 17, notMet: 3 });
  });
});
