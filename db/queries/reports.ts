import 'server-only';
/**
 * The public data functions: the report, its indicators, sections and entities as views
 * (db/views.ts), now or right after a revision; uncached. Pages read them through
 * db/queries/cached-reads.ts.
 */
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { reports } from '../schema';
import { entityLinks, sentencesWith, toEntityViews, toIndicatorViews, toReportView, toSummaries } from '../views';
import type { EntityDetail, EntityView, IndicatorView, Mention, ReportView, SectionSummary, SectionView } from '../views';
import { loadReportRows, resolveAsOf, type ReportRows, type RowsFor } from './state';
import type { AsOf } from '@/lib/as-of';
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
