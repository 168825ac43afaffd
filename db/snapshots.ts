/**
 * Full snapshots of items, as stored in revisions (plain JSON: decimals stay strings), and
 * the one child-row write they need (an indicator's values). Restoring a snapshot is a
 * write like any other: db/queries/edits.ts through db/versioned-write.ts.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from './index';
import { entities, indicators, indicatorValues, reports, sections, type ContentTranslations } from './schema';
import { normalizeTranslations } from '@/lib/i18n/content';
import type { IndicatorStatus, ValueKind, ValueRole } from '@/lib/vocabulary';

export type ValueSnapshot = {
  role: ValueRole;
  year: number;
  periodLabel: string | null;
  value: string;
  kind: ValueKind;
  qualifier: string | null;
  note: string | null;
};

export type IndicatorSnapshot = {
  reportId: number;
  code: string;
  position: number;
  area: string;
  name: string;
  unit: string | null;
  status: IndicatorStatus;
  statusNote: string | null;
  namedAsKeyIndicator: boolean;
  targetComparison: string | null;
  baselineComparison: string | null;
  sourceSentence: string | null;
  note: string | null;
  sectionId: number | null;
  /** English name, area, unit, statusNote, note. Older snapshots lack it: read it through `snapshotTranslations`. */
  translations: ContentTranslations;
  values: ValueSnapshot[];
};

export type SectionSnapshot = {
  reportId: number;
  slug: string;
  parentId: number | null;
  position: number;
  title: string;
  heading: string | null;
  body: string;
  /** English title, heading, body. Older snapshots lack it: read it through `snapshotTranslations`. */
  translations: ContentTranslations;
};

/** A snapshot's translations; snapshots written before translations existed have none ({}). */
export function snapshotTranslations(snapshot: unknown): ContentTranslations {
  return normalizeTranslations((snapshot as { translations?: unknown } | null | undefined)?.translations);
}

const byRoleYear = (a: ValueSnapshot, b: ValueSnapshot) => a.role.localeCompare(b.role) || a.year - b.year;

export async function indicatorSnapshot(id: number, tx: DbOrTx): Promise<IndicatorSnapshot | null> {
  const [row] = await tx.select().from(indicators).where(eq(indicators.id, id));
  if (!row) return null;
  const values = await tx
    .select()
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, id))
    .orderBy(asc(indicatorValues.role), asc(indicatorValues.year));
  return {
    reportId: row.reportId,
    code: row.code,
    position: row.position,
    area: row.area,
    name: row.name,
    unit: row.unit,
    status: row.status,
    statusNote: row.statusNote,
    namedAsKeyIndicator: row.namedAsKeyIndicator,
    targetComparison: row.targetComparison,
    baselineComparison: row.baselineComparison,
    sourceSentence: row.sourceSentence,
    note: row.note,
    sectionId: row.sectionId,
    translations: normalizeTranslations(row.translations),
    values: values
      .map((v) => ({
        role: v.role,
        year: v.year,
        periodLabel: v.periodLabel,
        value: v.value,
        kind: v.kind,
        qualifier: v.qualifier,
        note: v.note,
      }))
      .sort(byRoleYear),
  };
}

export async function sectionSnapshot(id: number, tx: DbOrTx): Promise<SectionSnapshot | null> {
  const [row] = await tx.select().from(sections).where(eq(sections.id, id));
  if (!row) return null;
  return {
    reportId: row.reportId,
    slug: row.slug,
    parentId: row.parentId,
    position: row.position,
    title: row.title,
    heading: row.heading,
    body: row.body,
    translations: normalizeTranslations(row.translations),
  };
}

export async function reportSnapshot(id: number, tx: DbOrTx): Promise<Record<string, unknown> | null> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id));
  if (!row) return null;
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export async function entitySnapshot(id: number, tx: DbOrTx): Promise<Record<string, unknown> | null> {
  const [row] = await tx.select().from(entities).where(eq(entities.id, id));
  if (!row) return null;
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** Replace an indicator's values with `values` (called by the versioned write, which holds the indicator's row lock). */
export async function replaceIndicatorValues(indicatorId: number, values: ValueSnapshot[], tx: DbOrTx): Promise<void> {
  await tx.delete(indicatorValues).where(eq(indicatorValues.indicatorId, indicatorId));
  if (values.length > 0) await tx.insert(indicatorValues).values(values.map((v) => ({ ...v, indicatorId })));
}
