/** Loads the structured reports kept under db/seed/ into the database, once. */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { normalizeDeep } from '@/lib/text';
import { ENTITY_KINDS, INDICATOR_STATUSES, VALUE_KINDS, VALUE_ROLES } from '@/lib/vocabulary';
import type { Database, DbOrTx } from '../index';
import { appendRevision, IMPORT_AUTHOR, IMPORT_REASON } from '../history';
import { entitySnapshot, indicatorSnapshot, reportSnapshot, sectionSnapshot } from '../snapshots';
import { entities, indicators, indicatorValues, reports, sections } from '../schema';

const seedDir = path.join(process.cwd(), 'db', 'seed');
export const seedFiles = ['soc-trang-2020-2025.json'];

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'exact decimal string');
const nullableText = z.string().min(1).nullable();

export const seedSchema = z.object({
  report: z.object({
    slug: z.string(),
    documentLabel: z.string(),
    documentHeading: z.string(),
    title: z.string(),
    issuingBody: z.string(),
    province: z.string(),
    termStart: z.number().int(),
    termEnd: z.number().int(),
    termLabel: z.string(),
    indicatorsTotal: z.number().int().nullable(),
    indicatorsMet: z.number().int().nullable(),
    indicatorsNotMet: z.number().int().nullable(),
    headline: nullableText,
    sourceFile: z.string(),
  }),
  sections: z.array(
    z.object({
      slug: z.string(),
      parent: z.string().optional(),
      title: z.string(),
      heading: nullableText,
      body: z.string(),
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      area: z.string(),
      name: z.string(),
      unit: nullableText,
      status: z.enum(INDICATOR_STATUSES),
      statusNote: nullableText,
      named: z.boolean(),
      targetComparison: nullableText,
      baselineComparison: nullableText,
      sourceSentence: nullableText,
      section: z.string(),
      note: nullableText,
      values: z.array(
        z.object({
          role: z.enum(VALUE_ROLES),
          year: z.number().int(),
          value: decimal,
          kind: z.enum(VALUE_KINDS),
          periodLabel: nullableText,
          qualifier: nullableText,
          note: nullableText,
        }),
      ),
    }),
  ),
  entities: z.array(
    z.object({
      kind: z.enum(ENTITY_KINDS),
      slug: z.string(),
      name: z.string(),
      shortName: z.string(),
      aliases: z.array(z.string()),
      number: nullableText,
      issuedOn: z.iso.date().nullable(),
      issuer: nullableText,
      subject: nullableText,
    }),
  ),
});
export type SeedData = z.infer<typeof seedSchema>;

/** Read a seed file and its source text, NFC-normalised. */
export function readSeed(file: string): SeedData & { sourceText: string } {
  const data = seedSchema.parse(normalizeDeep(JSON.parse(fs.readFileSync(path.join(seedDir, file), 'utf8'))));
  const sourceText = fs.readFileSync(path.join(seedDir, data.report.sourceFile), 'utf8').normalize('NFC');
  return { ...data, sourceText };
}

/** Insert one report with everything in it, in one transaction. Does nothing if the report is there already. */
export async function seedReport(db: Database, data: SeedData & { sourceText: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: reports.id }).from(reports).where(eq(reports.slug, data.report.slug));
    if (existing.length > 0) return false;

    const [report] = await tx
      .insert(reports)
      .values({ ...data.report, sourceText: data.sourceText })
      .returning({ id: reports.id });
    if (!report) throw new Error('report insert returned nothing');

    const sectionIds = new Map<string, number>();
    for (const [position, s] of data.sections.entries()) {
      const parentId = s.parent ? sectionIds.get(s.parent) : null;
      if (parentId === undefined) throw new Error(`section ${s.slug}: unknown parent ${s.parent}`);
      const [row] = await tx
        .insert(sections)
        .values({ reportId: report.id, parentId, slug: s.slug, position, title: s.title, heading: s.heading, body: s.body })
        .returning({ id: sections.id });
      sectionIds.set(s.slug, row!.id);
    }

    for (const [position, i] of data.indicators.entries()) {
      const sectionId = sectionIds.get(i.section);
      if (sectionId === undefined) throw new Error(`indicator ${i.code}: unknown section ${i.section}`);
      const { values, named, section: _section, ...fields } = i;
      const [row] = await tx
        .insert(indicators)
        .values({ ...fields, reportId: report.id, position, namedAsKeyIndicator: named, sectionId })
        .returning({ id: indicators.id });
      if (values.length > 0) {
        await tx.insert(indicatorValues).values(values.map((v) => ({ ...v, indicatorId: row!.id })));
      }
    }

    if (data.entities.length > 0) {
      await tx
        .insert(entities)
        .values(data.entities.map((e, position) => ({ ...e, reportId: report.id, position })));
    }
    await recordImport(report.id, tx);
    return true;
  });
}

/** Revision 1 of every item of a freshly loaded report: "Nhập từ văn bản gốc", in the loading transaction. */
async function recordImport(reportId: number, tx: DbOrTx): Promise<void> {
  const now = new Date();
  const base = { reportId, action: 'import' as const, author: { id: null, name: IMPORT_AUTHOR }, reason: { kind: 'import' as const, text: IMPORT_REASON }, now };
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId));
  await appendRevision({ ...base, itemType: 'report', itemId: reportId, itemKey: report!.slug, itemLabel: report!.title, snapshot: await reportSnapshot(reportId, tx) }, tx);
  for (const s of await tx.select().from(sections).where(eq(sections.reportId, reportId)).orderBy(sections.position)) {
    await appendRevision({ ...base, itemType: 'section', itemId: s.id, itemKey: s.slug, itemLabel: s.title, snapshot: await sectionSnapshot(s.id, tx) }, tx);
  }
  for (const i of await tx.select().from(indicators).where(eq(indicators.reportId, reportId)).orderBy(indicators.position)) {
    await appendRevision({ ...base, itemType: 'indicator', itemId: i.id, itemKey: i.code, itemLabel: i.name, snapshot: await indicatorSnapshot(i.id, tx) }, tx);
  }
  for (const e of await tx.select().from(entities).where(eq(entities.reportId, reportId)).orderBy(entities.position)) {
    await appendRevision({ ...base, itemType: 'entity', itemId: e.id, itemKey: e.slug, itemLabel: e.shortName, snapshot: await entitySnapshot(e.id, tx) }, tx);
  }
}

/** Seed every report kept in the repository; idempotent. Returns the slugs it loaded now. */
export async function seedAll(db: Database): Promise<string[]> {
  const loaded: string[] = [];
  for (const file of seedFiles) {
    const data = readSeed(file);
    if (await seedReport(db, data)) loaded.push(data.report.slug);
  }
  return loaded;
}
