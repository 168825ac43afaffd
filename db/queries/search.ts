import 'server-only';
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb, type DbOrTx } from '../index';
import { entities, indicators, reports, sections } from '../schema';
import { entityHref } from '@/lib/site';
import {
  bestSnippet,
  escapeLike,
  foldSearchText,
  hasSearchableWords,
  highlight,
  markdownToPlainText,
  normalizeSearchQuery,
  SEARCH_HIT_LABELS,
  SEARCH_HIT_TYPES,
  searchTerms,
  type SearchHitType,
  type SearchTerms,
  type Segment,
} from '@/lib/search-query';

// Search reads live data, uncached: every distinct query would be a new cache entry keyed by
// whatever a reader typed (unbounded), an edit must show up in the next search at once, and the
// cost is three small indexed queries.

export type SearchHit = {
  type: SearchHitType;
  typeLabel: string;
  title: string;
  href: string;
  /** The title and a snippet of the matching text, cut into plain and highlighted pieces. */
  titleSegments: Segment[];
  snippet: Segment[];
  /** The query matched the title (name, heading, number) itself: such hits come first. */
  inTitle: boolean;
  score: number;
};

export type SearchResults = {
  /** The query as searched: NFC, trimmed, at most MAX_QUERY_LENGTH characters. */
  query: string;
  total: number;
  hits: SearchHit[];
};

/** Below this many characters a substring match would match nearly everything: words only. */
const MIN_SUBSTRING_LENGTH = 2;

// ------------------------------------------------------------ expressions
// These build exactly the expressions of the indexes in db/migrations/0003_search.sql.

/** The searchable columns of a row as one text. */
const joined = (columns: AnyPgColumn[]) =>
  sql.join(
    columns.map((c) => sql`coalesce(${c}, '')`),
    sql.raw(` || ' ' || `),
  );
const folded = (text: SQL) => sql`lower(public.f_unaccent(${text}))`;
const vector = (text: SQL) => sql`to_tsvector('public.vi_unaccent'::regconfig, public.f_unaccent(${text}))`;

type Matcher = {
  /** The row matches: every word (full text, any order), or the query as typed (substring). */
  where: SQL;
  /** The query matched the title columns. */
  inTitle: SQL<boolean>;
  /** Full-text rank (title words weigh most) + trigram similarity to the title + phrase bonuses. */
  score: SQL<number>;
};

type Query = { text: string; words: boolean; substring: boolean };

function matcher(q: Query, titleColumns: AnyPgColumn[], documentColumns: AnyPgColumn[]): Matcher {
  const title = joined(titleColumns);
  const document = joined(documentColumns);
  const tsquery = sql`plainto_tsquery('public.vi_unaccent'::regconfig, public.f_unaccent(${q.text}))`;
  // Wildcards in the query are escaped: `%`, `_` and `\` match themselves (`\` is LIKE's default escape).
  const pattern = sql`'%' || lower(public.f_unaccent(${escapeLike(q.text)})) || '%'`;
  const queryFolded = sql`lower(public.f_unaccent(${q.text}))`;

  const documentHits: SQL[] = [];
  const titleHits: SQL[] = [];
  if (q.words) {
    documentHits.push(sql`${vector(document)} @@ ${tsquery}`);
    titleHits.push(sql`${vector(title)} @@ ${tsquery}`);
  }
  if (q.substring) {
    documentHits.push(sql`${folded(document)} like ${pattern}`);
    titleHits.push(sql`${folded(title)} like ${pattern}`);
  }
  const rank = q.words
    ? sql`ts_rank('{0.1, 0.2, 0.4, 1.0}'::float4[], setweight(${vector(title)}, 'A') || ${vector(document)}, ${tsquery}, 1)`
    : sql`0`;
  const phrase = q.substring
    ? sql`(case when ${folded(title)} like ${pattern} then 0.5 else 0 end) + (case when ${folded(document)} like ${pattern} then 0.25 else 0 end)`
    : sql`0`;
  return {
    where: or(...documentHits)!,
    inTitle: sql<boolean>`(${or(...titleHits)!})`,
    score: sql<number>`(${rank} + word_similarity(${queryFolded}, ${folded(title)}) + ${phrase})::float8`.mapWith(Number),
  };
}

const total = sql<number>`count(*) over ()`.mapWith(Number);

/** One type's hits, with their position in the report (the last tie-breaker), and how many matched in all. */
type Found = { total: number; hits: Array<{ position: number; hit: SearchHit }> };

// ------------------------------------------------------------ per type

async function searchIndicators(reportSlug: string, q: Query, terms: SearchTerms, limit: number, db: DbOrTx): Promise<Found> {
  const m = matcher(
    q,
    [indicators.name],
    [
      indicators.name,
      indicators.area,
      indicators.note,
      indicators.statusNote,
      indicators.sourceSentence,
      indicators.targetComparison,
      indicators.baselineComparison,
    ],
  );
  const rows = await db
    .select({ row: indicators, inTitle: m.inTitle, score: m.score, total })
    .from(indicators)
    .innerJoin(reports, and(eq(reports.id, indicators.reportId), eq(reports.slug, reportSlug)))
    .where(m.where)
    .orderBy(desc(m.inTitle), desc(m.score), asc(indicators.position))
    .limit(limit);
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map(({ row: i, inTitle, score }) => ({
      position: i.position,
      hit: {
        type: 'indicator',
        typeLabel: SEARCH_HIT_LABELS.indicator,
        title: i.name,
        href: `/chi-tieu/${i.code}`,
        titleSegments: highlight(i.name, terms),
        snippet: bestSnippet([i.sourceSentence, i.targetComparison, i.baselineComparison, i.note, i.statusNote, i.area], terms),
        inTitle,
        score,
      },
    })),
  };
}

async function searchSections(reportSlug: string, q: Query, terms: SearchTerms, limit: number, db: DbOrTx): Promise<Found> {
  const m = matcher(q, [sections.title, sections.heading], [sections.title, sections.heading, sections.body]);
  const rows = await db
    .select({ row: sections, inTitle: m.inTitle, score: m.score, total })
    .from(sections)
    .innerJoin(reports, and(eq(reports.id, sections.reportId), eq(reports.slug, reportSlug)))
    .where(m.where)
    .orderBy(desc(m.inTitle), desc(m.score), asc(sections.position))
    .limit(limit);
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map(({ row: s, inTitle, score }) => ({
      position: s.position,
      hit: {
        type: 'section',
        typeLabel: SEARCH_HIT_LABELS.section,
        title: s.title,
        href: `/muc/${s.slug}`,
        titleSegments: highlight(s.title, terms),
        snippet: bestSnippet([markdownToPlainText(s.body), s.heading !== s.title ? s.heading : null], terms),
        inTitle,
        score,
      },
    })),
  };
}

async function searchEntities(reportSlug: string, q: Query, terms: SearchTerms, limit: number, db: DbOrTx): Promise<Found> {
  const m = matcher(
    q,
    [entities.name, entities.shortName, entities.number],
    [entities.name, entities.shortName, entities.number, entities.subject],
  );
  const rows = await db
    .select({ row: entities, inTitle: m.inTitle, score: m.score, total })
    .from(entities)
    .innerJoin(reports, and(eq(reports.id, entities.reportId), eq(reports.slug, reportSlug)))
    .where(m.where)
    .orderBy(desc(m.inTitle), desc(m.score), asc(entities.position))
    .limit(limit);
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map(({ row: e, inTitle, score }) => ({
      position: e.position,
      hit: {
        type: e.kind,
        typeLabel: SEARCH_HIT_LABELS[e.kind],
        title: e.shortName,
        href: entityHref(e.kind, e.slug),
        titleSegments: highlight(e.shortName, terms),
        snippet: bestSnippet([e.name !== e.shortName ? e.name : null, e.subject, e.number], terms),
        inTitle,
        score,
      },
    })),
  };
}

// ------------------------------------------------------ data function

/**
 * Indicators, sections, projects, resolutions and institutions of a report that match `query`,
 * insensitive to case, diacritics (đ = d, thuỷ = thủy) and Unicode form. Title hits come first,
 * then by score. `query` is normalised here too (NFC, cut to MAX_QUERY_LENGTH); an empty one finds nothing.
 */
export async function searchReport(
  { reportSlug, query, limit = 50 }: { reportSlug: string; query: string; limit?: number },
  db?: DbOrTx,
): Promise<SearchResults> {
  const text = normalizeSearchQuery(query);
  const q: Query = {
    text,
    words: hasSearchableWords(text),
    substring: foldSearchText(text).length >= MIN_SUBSTRING_LENGTH,
  };
  if (!q.words && !q.substring) return { query: text, total: 0, hits: [] };

  const conn = db ?? (await getDb());
  const terms = searchTerms(text);
  // One after another: PGlite has a single connection, and each query is small.
  const found: Found[] = [
    await searchIndicators(reportSlug, q, terms, limit, conn),
    await searchSections(reportSlug, q, terms, limit, conn),
    await searchEntities(reportSlug, q, terms, limit, conn),
  ];
  const hits = found
    .flatMap((f) => f.hits)
    .sort(
      (a, b) =>
        Number(b.hit.inTitle) - Number(a.hit.inTitle) ||
        b.hit.score - a.hit.score ||
        SEARCH_HIT_TYPES.indexOf(a.hit.type) - SEARCH_HIT_TYPES.indexOf(b.hit.type) ||
        a.position - b.position,
    )
    .slice(0, limit)
    .map((h) => h.hit);
  return { query: text, total: found.reduce((sum, f) => sum + f.total, 0), hits };
}
