import 'server-only';
/** Reads for the staff area: always fresh (never cached), with versions for editing. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { indicators, reports, revisions, sections } from '../schema';
import { indicatorSnapshot, sectionSnapshot, type IndicatorSnapshot, type SectionSnapshot } from '../snapshots';
import type { ItemType } from '@/lib/vocabulary';

export async function findIndicatorForEdit(
  { reportSlug, code }: { reportSlug: string; code: string },
  db?: DbOrTx,
): Promise<{ id: number; version: number; snapshot: IndicatorSnapshot } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ id: indicators.id, version: indicators.version })
    .from(indicators)
    .innerJoin(reports, eq(reports.id, indicators.reportId))
    .where(and(eq(reports.slug, reportSlug), eq(indicators.code, code)));
  if (!row) return null;
  return { ...row, snapshot: (await indicatorSnapshot(row.id, conn))! };
}

export async function findSectionForEdit(
  { reportSlug, slug }: { reportSlug: string; slug: string },
  db?: DbOrTx,
): Promise<{ id: number; version: number; snapshot: SectionSnapshot } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ id: sections.id, version: sections.version })
    .from(sections)
    .innerJoin(reports, eq(reports.id, sections.reportId))
    .where(and(eq(reports.slug, reportSlug), eq(sections.slug, slug)));
  if (!row) return null;
  return { ...row, snapshot: (await sectionSnapshot(row.id, conn))! };
}

export type StaffItem = { id: number; key: string; label: string; version: number; updatedAt: string; revisions: number };

export async function listIndicatorsForStaff({ reportSlug }: { reportSlug: string }, db?: DbOrTx): Promise<StaffItem[]> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({
      id: indicators.id,
      key: indicators.code,
      label: indicators.name,
      version: indicators.version,
      updatedAt: indicators.updatedAt,
      revisions: sql<number>`(select count(*)::int from ${revisions} where ${revisions.itemType} = 'indicator' and ${revisions.itemId} = ${indicators.id})`,
    })
    .from(indicators)
    .innerJoin(reports, eq(reports.id, indicators.reportId))
    .where(eq(reports.slug, reportSlug))
    .orderBy(indicators.position);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function listSectionsForStaff({ reportSlug }: { reportSlug: string }, db?: DbOrTx): Promise<Array<StaffItem & { depth: number }>> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({
      id: sections.id,
      key: sections.slug,
      label: sections.title,
      version: sections.version,
      updatedAt: sections.updatedAt,
      parentId: sections.parentId,
      revisions: sql<number>`(select count(*)::int from ${revisions} where ${revisions.itemType} = 'section' and ${revisions.itemId} = ${sections.id})`,
    })
    .from(sections)
    .innerJoin(reports, eq(reports.id, sections.reportId))
    .where(eq(reports.slug, reportSlug))
    .orderBy(sections.position);
  return rows.map(({ parentId, ...r }) => ({ ...r, depth: parentId ? 1 : 0, updatedAt: r.updatedAt.toISOString() }));
}

/** Indicators whose latest revision is a delete: they can be brought back from their history. */
export async function listDeletedIndicators(db?: DbOrTx): Promise<Array<{ itemId: number; key: string; label: string; deletedAt: string }>> {
  const conn = db ?? (await getDb());
  const latest = conn
    .selectDistinctOn([revisions.itemId], {
      itemId: revisions.itemId,
      key: revisions.itemKey,
      label: revisions.itemLabel,
      action: revisions.action,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .where(eq(revisions.itemType, 'indicator'))
    .orderBy(revisions.itemId, desc(revisions.revisionNo))
    .as('latest');
  const rows = await conn.select().from(latest).where(eq(latest.action, 'delete'));
  return rows.map((r) => ({ itemId: r.itemId, key: r.key, label: r.label, deletedAt: r.createdAt.toISOString() }));
}

/** The stored version of an item now; 0 when it no longer exists (deleted). */
export async function findCurrentVersion(
  { itemType, itemId }: { itemType: ItemType; itemId: number },
  db?: DbOrTx,
): Promise<number> {
  const conn = db ?? (await getDb());
  const table = { indicator: indicators, section: sections, report: reports, entity: null }[itemType];
  if (!table) return 0;
  const [row] = await conn.select({ version: table.version }).from(table).where(eq(table.id, itemId));
  return row?.version ?? 0;
}
