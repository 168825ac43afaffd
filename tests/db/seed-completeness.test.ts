/**
 * Nothing of the source is lost: every sentence of the appendix, and every figure in it,
 * can be read back from the structured content in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { entities, indicators, indicatorValues, reports, sections } from '@/db/schema';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';
import { containsFigure, sentences, sourceFigures, sourceLines, squash } from '../helpers/source-sentences';

describe(`seed completeness (${databaseKind()})`, () => {
  let t: TestDatabase;
  let content: string[];
  let sectionText: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const rs = await t.db
      .select({ label: reports.documentLabel, heading: reports.documentHeading, headline: reports.headline })
      .from(reports);
    const ss = await t.db.select({ heading: sections.heading, body: sections.body }).from(sections);
    const is = await t.db.select().from(indicators);
    const vs = await t.db
      .select({ periodLabel: indicatorValues.periodLabel, qualifier: indicatorValues.qualifier, note: indicatorValues.note })
      .from(indicatorValues)
      .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId));
    const es = await t.db.select().from(entities);
    // reports.source_text is deliberately left out: it is the raw copy and would prove nothing.
    const fields: (string | null)[] = [
      ...rs.flatMap((r) => [r.label, r.heading, r.headline]),
      ...ss.flatMap((s) => [s.heading, s.body]),
      ...is.flatMap((i) => [i.area, i.name, i.unit, i.statusNote, i.targetComparison, i.baselineComparison, i.sourceSentence, i.note]),
      ...vs.flatMap((v) => [v.periodLabel, v.qualifier, v.note]),
      ...es.flatMap((e) => [e.name, e.shortName, e.number, e.issuer, e.subject, ...e.aliases]),
    ];
    // Squash each field on its own and join with a line break, so no sentence can match across two fields.
    content = fields.filter((f): f is string => !!f).map(squash);
    sectionText = ss.flatMap((s) => [s.heading ?? '', s.body]).map(squash).join('\n');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the sentence splitter does what the test relies on', () => {
    expect(sentences(['- A b. C d; e f. G.'])).toEqual(['A b.', 'C d; e f.', 'G.']);
    expect(sentences(['(1)- Nguồn. Hai'])).toEqual(['(1)- Nguồn.', 'Hai']);
    expect(sourceLines()).not.toContain('3');
    expect(sourceLines()).not.toContain('-----');
  });

  it('every sentence of the source is in the seeded content', () => {
    const all = content.join('\n');
    const list = sentences(sourceLines());
    expect(list.length).toBeGreaterThan(60);
    const missing = list.filter((s) => !all.includes(s));
    expect(missing).toEqual([]);
  });

  it('every figure of the source is in the seeded section text', () => {
    const figures = sourceFigures();
    for (const f of ['6,20', '423.700', '17/20', '2020', '67.929', '1,90']) expect(figures).toContain(f);
    const missing = figures.filter((f) => !containsFigure(sectionText, f));
    expect(missing).toEqual([]);
  });
});
