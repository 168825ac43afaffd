import 'server-only';
/**
 * The report's rows, either as they are now or as they stood at a past moment.
 * The past is rebuilt from revision snapshots (the latest revision of each item
 * at that moment), never from copies, so every public view can be shown as of
 * any date or revision.
 */
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { entities, indicators, indicatorValues, reports, revisions, sections } from '../schema';
import type { Entity, Indicator, IndicatorValue, Report, Section } from '../schema';
import { snapshotTranslations, type IndicatorSnapshot, type SectionSnapshot, type ValueSnapshot } from '../snapshots';
import type { AsOf } from '@/lib/as-of';
import { valuesKey } from '@/lib/values-key';
import { ITEM_TYPES, type ItemType } from '@/lib/vocabulary';

export type ReportRows = {
  report: Report;
  sections: Section[];
  indicators: Indicator[];
  values: IndicatorValue[];
  entities: Entity[];
  /** Values of each indicator as first imported from the source document, by indicator id. */
  importedValues: Map<number, string>;
  /** The latest revision included, for citing the state shown. */
  latestRevision: { id: number; createdAt: string } | null;
};

/** Figures of each indicator (or of `itemIds` only) as first imported: its first revision (revisions_report_first). */
async function importedValues(reportId: number, db: DbOrTx, itemIds?: number[]): Promise<Map<number, string>> {
  if (itemIds?.length === 0) return new Map();
  const rows = await db
    // Only the values: a whole snapshot per indicator is most of what a long list would transfer.
    .select({ itemId: revisions.itemId, values: sql<ValueSnapshot[] | null>`${revisions.snapshot}->'values'` })
    .from(revisions)
    // A literal 1, not a parameter: the planner must see the partial index's own predicate.
    .where(
      and(
        eq(revisions.reportId, reportId),
        eq(revisions.itemType, 'indicator'),
        sql`${revisions.revisionNo} = 1`,
        eq(revisions.action, 'import'),
        itemIds ? inArray(revisions.itemId, itemIds) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.itemId, valuesKey(r.values ?? [])]));
}

/**
 * Which rows a read needs; absent: all of them. `kinds`: only these kinds of item (the report's
 * own row always). `indicatorCode`: what one indicator's page shows — that indicator, its values,
 * its imported figures and its section. `indicatorIds` (now only; a past view reads them all): those
 * indicators, their values, imported figures and sections. The cost of a read then follows what
 * it shows, not the size of the report.
 */
export type RowsFor = { kinds: Exclude<ItemType, 'report'>[] } | { indicatorCode: string } | { indicatorIds: number[] };

const wants = (only: RowsFor | undefined, kind: Exclude<ItemType, 'report'>) => !only || ('kinds' in only && only.kinds.includes(kind));

async function liveRows(report: Report, db: DbOrTx, only?: RowsFor): Promise<ReportRows> {
  const code = only && 'indicatorCode' in only ? only.indicatorCode : undefined;
  const chosen = only && 'indicatorIds' in only ? only.indicatorIds : undefined;
  // Some indicators only (one code, or chosen ids): their values, imported figures and sections, not all.
  const some = code !== undefined || chosen !== undefined;
  const [indicatorRows, allSections, entityRows, [latest]] = await Promise.all([
    code !== undefined
      ? db.select().from(indicators).where(and(eq(indicators.reportId, report.id), eq(indicators.code, code)))
      : chosen !== undefined
        ? chosen.length
          ? db.select().from(indicators).where(and(eq(indicators.reportId, report.id), inArray(indicators.id, chosen))).orderBy(asc(indicators.position))
          : []
        : wants(only, 'indicator')
        ? db.select().from(indicators).where(eq(indicators.reportId, report.id)).orderBy(asc(indicators.position))
        : [],
    wants(only, 'section') ? db.select().from(sections).where(eq(sections.reportId, report.id)).orderBy(asc(sections.position)) : [],
    wants(only, 'entity') ? db.select().from(entities).where(eq(entities.reportId, report.id)).orderBy(asc(entities.position)) : [],
    db
      .select({ id: revisions.id, createdAt: revisions.createdAt })
      .from(revisions)
      .where(eq(revisions.reportId, report.id))
      .orderBy(sql`${revisions.id} desc`)
      .limit(1),
  ]);
  const ids = indicatorRows.map((i) => i.id);
  const sectionIds = indicatorRows.flatMap((i) => (i.sectionId === null ? [] : [i.sectionId]));
  const [sectionRows, values, imported] = await Promise.all([
    !some ? allSections : sectionIds.length ? db.select().from(sections).where(inArray(sections.id, [...new Set(sectionIds)])).orderBy(asc(sections.position)) : [],
    ids.length
      ? db
          .select()
          .from(indicatorValues)
          .where(
            !some
              ? sql`${indicatorValues.indicatorId} in (select id from ${indicators} where ${indicators.reportId} = ${report.id})`
              : inArray(indicatorValues.indicatorId, ids),
          )
          .orderBy(asc(indicatorValues.role), asc(indicatorValues.year))
      : [],
    ids.length ? importedValues(report.id, db, some ? ids : undefined) : new Map<number, string>(),
  ]);
  return {
    report,
    sections: sectionRows,
    indicators: indicatorRows,
    values,
    entities: entityRows,
    importedValues: imported,
    latestRevision: latest ? { id: latest.id, createdAt: latest.createdAt.toISOString() } : null,
  };
}

/**
 * The revision a moment stands for: the report's last revision at or before it.
 * Past states are keyed by this id, so there are only as many distinct past
 * states (and cache entries) as there are revisions. Null: the report did not exist yet.
 */
export async function resolveAsOf(
  { slug, asOf }: { slug: string; asOf: AsOf },
  db: DbOrTx,
): Promise<{ revisionId: number; createdAt: string } | null> {
  const [report] = await db.select({ id: reports.id }).from(reports).where(eq(reports.slug, slug));
  if (!report) return null;
  // A revision stands for its moment: everything committed with it (the import writes all items at once).
  let at = asOf.at ? new Date(asOf.at) : null;
  if (asOf.revisionId !== null) {
    const [named] = await db
      .select({ createdAt: revisions.createdAt })
      .from(revisions)
      .where(and(eq(revisions.id, asOf.revisionId), eq(revisions.reportId, report.id)));
    if (!named) return null;
    at = named.createdAt;
  }
  // The newest revision at or before the moment: one descent of revisions_report_created_id.
  const [row] = await db
    .select({ id: revisions.id, createdAt: revisions.createdAt })
    .from(revisions)
    .where(and(eq(revisions.reportId, report.id), lte(revisions.createdAt, at!)))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(1);
  return row ? { revisionId: row.id, createdAt: row.createdAt.toISOString() } : null;
}

/** The latest revision up to `revisionId` of one item: one descent of revisions_report_item_id. */
const latestOf = (reportId: number, revisionId: number, type: SQL | ItemType, itemId: SQL | number) => sql`(
  select r.id from revisions r
  where r.report_id = ${reportId} and r.item_type = ${type} and r.item_id = ${itemId} and r.id <= ${revisionId}
  order by r.id desc limit 1
)`;

/**
 * Each item's latest revision up to `revisionId`, for items of the given types, in (item type,
 * item id) order. A loose index scan of revisions_report_item_id lists each type's items (one
 * descent per item: PostgreSQL 15 has no skip scan of its own), then one descent per item finds
 * its latest revision: the cost follows the number of items, not the length of the history.
 */
function latestRevisionPerItem(reportId: number, revisionId: number, types: readonly ItemType[], db: DbOrTx) {
  const firstItem = (type: SQL, after?: SQL) =>
    sql`(select min(r.item_id) from revisions r where r.report_id = ${reportId} and r.item_type = ${type}${after ? sql` and r.item_id > ${after}` : sql``})`;
  const latestIds = sql`array(
    with recursive items(item_type, item_id) as (
      select t.item_type, ${firstItem(sql`t.item_type`)}
      from (values ${sql.join(
        types.map((type) => sql`(${type}::item_type)`),
        sql`, `,
      )}) as t(item_type)
      union all
      select items.item_type, ${firstItem(sql`items.item_type`, sql`items.item_id`)} from items where items.item_id is not null
    )
    select ${latestOf(reportId, revisionId, sql`items.item_type`, sql`items.item_id`)} from items where items.item_id is not null
  )`;
  return db
    .select()
    .from(revisions)
    .where(sql`${revisions.id} = any(${latestIds})`)
    .orderBy(asc(revisions.itemType), asc(revisions.itemId));
}

/**
 * What one indicator's page needs as of `revisionId`: the report's revision and the latest
 * revision of every indicator that ever had the code (an item's key is its code at the time, so
 * the one showing the code then is among them; revisions_report_item_key), then its section's.
 */
async function latestRevisionsForIndicator(reportId: number, revisionId: number, code: string, db: DbOrTx) {
  const ids = sql`array(
    select ${latestOf(reportId, revisionId, 'report', reportId)}
    union all
    select ${latestOf(reportId, revisionId, 'indicator', sql`c.item_id`)}
    from (select distinct item_id from revisions
          where report_id = ${reportId} and item_type = 'indicator' and item_key = ${code} and id <= ${revisionId}) c
  )`;
  const rows = (await db.select().from(revisions).where(sql`${revisions.id} = any(${ids})`)).filter(
    (r) => r.itemType === 'report' || (r.snapshot as IndicatorSnapshot | null)?.code === code,
  );
  const sectionIds = [...new Set(rows.flatMap((r) => (r.itemType === 'indicator' ? [(r.snapshot as IndicatorSnapshot).sectionId] : [])))];
  const sectionRevisions = await Promise.all(
    sectionIds.flatMap((id) => (id === null ? [] : [db.select().from(revisions).where(sql`${revisions.id} = ${latestOf(reportId, revisionId, 'section', id)}`)])),
  );
  return [...rows, ...sectionRevisions.flat()].sort((a, b) => a.itemType.localeCompare(b.itemType) || a.itemId - b.itemId);
}

async function pastRows(reportId: number, revisionId: number, db: DbOrTx, only?: RowsFor): Promise<ReportRows | null> {
  const code = only && 'indicatorCode' in only ? only.indicatorCode : undefined;
  const chosen = only && 'indicatorIds' in only ? new Set(only.indicatorIds) : undefined;
  const types = only && 'kinds' in only ? (['report', ...only.kinds] as const) : chosen ? (['report', 'section', 'indicator'] as const) : ITEM_TYPES;
  const [latestPerItem, [latest]] = await Promise.all([
    code === undefined ? latestRevisionPerItem(reportId, revisionId, types, db) : latestRevisionsForIndicator(reportId, revisionId, code, db),
    // The newest revision in the state shown, whichever rows were read.
    db
      .select({ id: revisions.id, createdAt: revisions.createdAt })
      .from(revisions)
      .where(and(eq(revisions.reportId, reportId), lte(revisions.id, revisionId)))
      .orderBy(desc(revisions.id))
      .limit(1),
  ]);
  const reportRevision = latestPerItem.find((r) => r.itemType === 'report' && r.snapshot);
  if (!reportRevision) return null;

  const stamp = (r: (typeof latestPerItem)[number]) => ({ version: r.revisionNo, createdAt: r.createdAt, updatedAt: r.createdAt });
  const alive = latestPerItem.filter((r) => r.snapshot);
  // Snapshots written before translations existed have none: `snapshotTranslations` reads them as {}.
  const report = {
    ...(reportRevision.snapshot as Omit<Report, 'id'>),
    translations: snapshotTranslations(reportRevision.snapshot),
    id: reportId,
    ...stamp(reportRevision),
  } as Report;
  const sectionRows = alive
    .filter((r) => r.itemType === 'section')
    .map((r) => ({ ...(r.snapshot as SectionSnapshot), translations: snapshotTranslations(r.snapshot), id: r.itemId, ...stamp(r) }) as Section)
    .sort((a, b) => a.position - b.position);
  const indicatorSnapshots = alive.filter((r) => r.itemType === 'indicator' && (!chosen || chosen.has(r.itemId)));
  const indicatorRows = indicatorSnapshots
    .map((r) => {
      const { values: _values, ...fields } = r.snapshot as IndicatorSnapshot;
      return { ...fields, translations: snapshotTranslations(fields), id: r.itemId, ...stamp(r) } as Indicator;
    })
    .sort((a, b) => a.position - b.position);
  const values = indicatorSnapshots.flatMap((r) =>
    (r.snapshot as IndicatorSnapshot).values.map((v, i) => ({ ...v, id: r.itemId * 1000 + i, indicatorId: r.itemId }) as IndicatorValue),
  );
  const entityRows = alive
    .filter((r) => r.itemType === 'entity')
    .map((r) => ({ ...(r.snapshot as Omit<Entity, 'id'>), translations: snapshotTranslations(r.snapshot), id: r.itemId, ...stamp(r) }) as Entity)
    .sort((a, b) => a.position - b.position);
  return {
    report,
    sections: sectionRows,
    indicators: indicatorRows,
    values,
    entities: entityRows,
    importedValues: indicatorRows.length
      ? await importedValues(reportId, db, code === undefined ? undefined : indicatorRows.map((i) => i.id))
      : new Map<number, string>(),
    latestRevision: latest ? { id: latest.id, createdAt: latest.createdAt.toISOString() } : null,
  };
}

/**
 * All rows of one report: now (`revisionId` null), or right after revision
 * `revisionId` (see resolveAsOf). Null if the report did not exist then.
 */
export async function loadReportRows(
  { slug, revisionId, only }: { slug: string; revisionId: number | null; only?: RowsFor },
  db: DbOrTx,
): Promise<ReportRows | null> {
  const [report] = await db.select().from(reports).where(eq(reports.slug, slug));
  if (!report) return null;
  return revisionId === null ? liveRows(report, db, only) : pastRows(report.id, revisionId, db, only);
}
