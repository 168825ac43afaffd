import 'server-only';
/**
 * The public data functions: the report, its indicators, sections and entities as views
 * (db/views.ts), now or right after a revision; uncached. Pages read them through
 * db/queries/cached-reads.ts.
 */
import { eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { indicators, indicatorValues, reports } from '../schema';
import { entityLinks, sentencesWith, toEntityViews, toIndicatorViews, toReportView, toSummaries } from '../views';
import type { EntityDetail, EntityView, IndicatorView, Mention, ReportView, SectionSummary, SectionView } from '../views';
import { loadReportRows, resolveAsOf, type ReportRows, type RowsFor } from './state';
import type { AsOf } from '@/lib/as-of';
import { headlineValue } from '@/lib/headline-value';
import { renderMarkdown } from '@/lib/markdown';
import type { EntityKind } from '@/lib/site';

/** `revisionId`: show the state right after that revision (resolve a date with `resolveMoment`); absent: now. */
export type At = { revisionId?: number | null };

async function rowsFor(slug: string, revisionId: number | null | undefined, db?: DbOrTx, only?: RowsFor): Promise<ReportRows | null> {
  return loadReportRows({ slug, revisionId: revisionId ?? null, only }, db ?? (await getDb()));
}

/** Which revision a requested moment shows (uncached: one indexed query). */
export async function resolveMoment({ slug, asOf }: { slug: string; asOf: AsOf }, db?: DbOrTx) {
  return resolveAsOf({ slug, asOf }, db ?? (await getDb()));
}

export async function findReport({ slug, revisionId }: { slug: string } & At, db?: DbOrTx): Promise<ReportView | null> {
  const rows = await rowsFor(slug, revisionId, db, { kinds: [] });
  return rows ? toReportView(rows) : null;
}

export async function findIndicators({ reportSlug, revisionId }: { reportSlug: string } & At, db?: DbOrTx): Promise<IndicatorView[]> {
  const rows = await rowsFor(reportSlug, revisionId, db, { kinds: ['section', 'indicator'] });
  return rows ? toIndicatorViews(rows) : [];
}

/** How many indicators with figures the overview shows as cards; the full table is a link away. */
export const OVERVIEW_FIGURES = 24;

/**
 * What the overview shows of the indicators: the key indicators the report names as not met, the
 * first `OVERVIEW_FIGURES` indicators with a reported figure (in report order), and counts of all.
 * Now, the cost follows what is shown, not the size of the report (counts and ids in one query);
 * as of a past revision every indicator's state is rebuilt first, then the same choice is made.
 */
export type OverviewIndicators = {
  notMet: IndicatorView[];
  featured: IndicatorView[];
  counts: { shown: number; named: number; withFigures: number };
};

export async function findOverviewIndicators(
  { reportSlug, revisionId, limit = OVERVIEW_FIGURES }: { reportSlug: string; limit?: number } & At,
  db?: DbOrTx,
): Promise<OverviewIndicators | null> {
  const choose = (all: IndicatorView[]): OverviewIndicators => {
    const withFigures = all.filter((i) => headlineValue(i));
    return {
      notMet: all.filter((i) => i.namedAsKeyIndicator && i.status === 'chua_dat'),
      featured: withFigures.slice(0, limit),
      counts: { shown: all.length, named: all.filter((i) => i.namedAsKeyIndicator).length, withFigures: withFigures.length },
    };
  };
  if (revisionId) {
    const rows = await rowsFor(reportSlug, revisionId, db, { kinds: ['section', 'indicator'] });
    return rows ? choose(toIndicatorViews(rows)) : null;
  }
  const conn = db ?? (await getDb());
  // A reported figure: an actual value that is not derived (lib/indicator.ts headlineValue).
  const hasFigure = sql`exists (select 1 from ${indicatorValues} v where v.indicator_id = i.id and v.role = 'actual' and v.kind <> 'derived')`;
  const inReport = sql`i.report_id = ${reports.id}`;
  const [picked] = await conn
    .select({
      shown: sql<number>`(select count(*)::int from ${indicators} i where ${inReport})`,
      named: sql<number>`(select count(*)::int from ${indicators} i where ${inReport} and i.named_as_key_indicator)`,
      withFigures: sql<number>`(select count(*)::int from ${indicators} i where ${inReport} and ${hasFigure})`,
      featured: sql<number[]>`array(select i.id from ${indicators} i where ${inReport} and ${hasFigure} order by i.position limit ${limit})`,
      notMet: sql<number[]>`array(select i.id from ${indicators} i where ${inReport} and i.named_as_key_indicator and i.status = 'chua_dat' order by i.position)`,
    })
    .from(reports)
    .where(eq(reports.slug, reportSlug));
  if (!picked) return null;
  const featuredIds = picked.featured.map(Number);
  const notMetIds = picked.notMet.map(Number);
  const rows = await rowsFor(reportSlug, null, conn, { indicatorIds: [...new Set([...featuredIds, ...notMetIds])] });
  if (!rows) return null;
  const byId = new Map(toIndicatorViews(rows).map((i) => [i.id, i]));
  const views = (ids: number[]) => ids.flatMap((id) => byId.get(id) ?? []);
  return {
    notMet: views(notMetIds),
    featured: views(featuredIds),
    counts: { shown: picked.shown, named: picked.named, withFigures: picked.withFigures },
  };
}

export async function findIndicator(
  { reportSlug, code, revisionId }: { reportSlug: string; code: string } & At,
  db?: DbOrTx,
): Promise<IndicatorView | null> {
  const rows = await rowsFor(reportSlug, revisionId, db, { indicatorCode: code });
  return rows ? (toIndicatorViews(rows, code)[0] ?? null) : null;
}

export async function findSections({ reportSlug, revisionId }: { reportSlug: string } & At, db?: DbOrTx): Promise<SectionSummary[]> {
  const rows = await rowsFor(reportSlug, revisionId, db, { kinds: ['section'] });
  return rows ? toSummaries(rows.sections) : [];
}

/** A section with its descendants (or the whole report), in reading order, each with sanitised HTML. */
export async function findSectionTree(
  { reportSlug, slug, revisionId }: { reportSlug: string; slug?: string } & At,
  db?: DbOrTx,
): Promise<SectionView[]> {
  const rows = await rowsFor(reportSlug, revisionId, db, { kinds: ['section', 'entity'] });
  if (!rows) return [];
  const summaries = toSummaries(rows.sections);
  let wanted = summaries;
  if (slug) {
    const root = summaries.find((s) => s.slug === slug);
    if (!root) return [];
    const keep = new Set([root.slug]);
    for (const s of summaries) if (s.parentSlug && keep.has(s.parentSlug)) keep.add(s.slug);
    wanted = summaries.filter((s) => keep.has(s.slug));
  }
  const links = entityLinks(toEntityViews(rows));
  const rowsById = new Map(rows.sections.map((r) => [r.id, r]));
  return Promise.all(
    wanted.map(async (s) => {
      const row = rowsById.get(s.id)!;
      const bodyEn = s.translations.en?.body;
      return {
        ...s,
        body: row.body,
        bodyHtml: await renderMarkdown(row.body, { links }),
        bodyHtmlEn: bodyEn ? await renderMarkdown(bodyEn, { links }) : null,
        version: row.version,
        updatedAt: new Date(row.updatedAt).toISOString(),
      };
    }),
  );
}

export async function findEntities({ reportSlug, revisionId }: { reportSlug: string } & At, db?: DbOrTx): Promise<EntityView[]> {
  const rows = await rowsFor(reportSlug, revisionId, db, { kinds: ['entity'] });
  return rows ? toEntityViews(rows) : [];
}

export async function findEntity(
  { reportSlug, kind, slug, revisionId }: { reportSlug: string; kind: EntityKind; slug: string } & At,
  db?: DbOrTx,
): Promise<EntityDetail | null> {
  const rows = await rowsFor(reportSlug, revisionId, db, { kinds: ['section', 'entity'] });
  if (!rows) return null;
  const entity = toEntityViews(rows).find((e) => e.kind === kind && e.slug === slug);
  if (!entity) return null;
  const summaries = toSummaries(rows.sections);
  const mentions: Mention[] = [];
  rows.sections.forEach((row, index) => {
    const sentences = [...new Set(entity.aliases.flatMap((alias) => sentencesWith(row.body, alias)))];
    if (sentences.length > 0) mentions.push({ section: summaries[index]!, sentences });
  });
  return { ...entity, mentions };
}

/** The source document exactly as it was loaded (NFC), for reading and download. */
export async function findSourceText({ slug }: { slug: string }, db?: DbOrTx): Promise<{ file: string; text: string } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ file: reports.sourceFile, text: reports.sourceText })
    .from(reports)
    .where(eq(reports.slug, slug));
  return row ?? null;
}
