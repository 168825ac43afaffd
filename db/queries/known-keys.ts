import 'server-only';
/**
 * Every indicator code, section slug and entity slug the report has or ever had (any revision),
 * so that a public page can tell an unknown address from a real item before it asks for the
 * item itself: db/queries/cached-reads.ts keeps this as one cache entry for the whole report, and
 * an unknown code or slug never gets a cache entry of its own.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { entities, indicators, reports, revisions, sections } from '../schema';

export type KnownKeys = { indicator: string[]; section: string[]; entity: string[] };

export async function findKnownKeys({ reportSlug }: { reportSlug: string }, db?: DbOrTx): Promise<KnownKeys> {
  const conn = db ?? (await getDb());
  const [report] = await conn.select({ id: reports.id }).from(reports).where(eq(reports.slug, reportSlug));
  const known: KnownKeys = { indicator: [], section: [], entity: [] };
  if (!report) return known;
  const [history, liveIndicators, liveSections, liveEntities] = await Promise.all([
    conn
      .selectDistinct({ itemType: revisions.itemType, itemKey: revisions.itemKey })
      .from(revisions)
      .where(and(eq(revisions.reportId, report.id), inArray(revisions.itemType, ['indicator', 'section', 'entity']))),
    conn.select({ key: indicators.code }).from(indicators).where(eq(indicators.reportId, report.id)),
    conn.select({ key: sections.slug }).from(sections).where(eq(sections.reportId, report.id)),
    conn.select({ key: entities.slug }).from(entities).where(eq(entities.reportId, report.id)),
  ]);
  const sets = { indicator: new Set<string>(), section: new Set<string>(), entity: new Set<string>() };
  for (const row of history) if (row.itemType !== 'report') sets[row.itemType].add(row.itemKey);
  for (const row of liveIndicators) sets.indicator.add(row.key);
  for (const row of liveSections) sets.section.add(row.key);
  for (const row of liveEntities) sets.entity.add(row.key);
  return { indicator: [...sets.indicator].sort(), section: [...sets.section].sort(), entity: [...sets.entity].sort() };
}
