import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { entities, indicators, indicatorValues, reports, sections } from '../schema';
import { cachedRead } from './cache';
import { tags } from './tags';
import { renderMarkdown, type EntityLink } from '@/lib/markdown';
import { entityHref, type EntityKind } from '@/lib/site';
import type { IndicatorStatus } from '@/lib/status';

export type ReportView = {
  id: number;
  slug: string;
  documentLabel: string;
  documentHeading: string;
  title: string;
  issuingBody: string;
  province: string;
  termStart: number;
  termEnd: number;
  termLabel: string;
  indicatorsTotal: number | null;
  indicatorsMet: number | null;
  indicatorsNotMet: number | null;
  headline: string | null;
  sourceFile: string;
  updatedAt: string;
};

export type SectionSummary = {
  id: number;
  slug: string;
  parentSlug: string | null;
  position: number;
  title: string;
  heading: string | null;
  depth: number;
};

export type SectionView = SectionSummary & {
  body: string;
  bodyHtml: string;
  version: number;
  updatedAt: string;
};

export type ValueView = {
  id: number;
  role: 'actual' | 'target';
  year: number;
  periodLabel: string | null;
  value: string;
  kind: 'reported' | 'estimate' | 'derived';
  qualifier: string | null;
  note: string | null;
};

export type IndicatorView = {
  id: number;
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
  section: { slug: string; title: string } | null;
  values: ValueView[];
  version: number;
  updatedAt: string;
};

export type EntityView = {
  id: number;
  kind: EntityKind;
  slug: string;
  name: string;
  shortName: string;
  aliases: string[];
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  subject: string | null;
  href: string;
};

export type Mention = { section: SectionSummary; sentences: string[] };
export type EntityDetail = EntityView & { mentions: Mention[] };

// ---------------------------------------------------------------- loaders

async function loadReport({ slug }: { slug: string }, db: DbOrTx): Promise<ReportView | null> {
  const [row] = await db.select().from(reports).where(eq(reports.slug, slug));
  if (!row) return null;
  const { sourceText: _sourceText, createdAt: _createdAt, version: _version, updatedAt, ...rest } = row;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}

async function loadSectionRows(reportId: number, db: DbOrTx) {
  return db.select().from(sections).where(eq(sections.reportId, reportId)).orderBy(asc(sections.position));
}

type SectionRow = Awaited<ReturnType<typeof loadSectionRows>>[number];

function toSummaries(rows: SectionRow[]): SectionSummary[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depthOf = (r: SectionRow): number => (r.parentId ? 1 + depthOf(byId.get(r.parentId)!) : 0);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    parentSlug: r.parentId ? (byId.get(r.parentId)?.slug ?? null) : null,
    position: r.position,
    title: r.title,
    heading: r.heading,
    depth: depthOf(r),
  }));
}

async function loadEntities(reportId: number, db: DbOrTx): Promise<EntityView[]> {
  const rows = await db.select().from(entities).where(eq(entities.reportId, reportId)).orderBy(asc(entities.position));
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    slug: e.slug,
    name: e.name,
    shortName: e.shortName,
    aliases: e.aliases,
    number: e.number,
    issuedOn: e.issuedOn,
    issuer: e.issuer,
    subject: e.subject,
    href: entityHref(e.kind, e.slug),
  }));
}

function entityLinks(list: EntityView[]): EntityLink[] {
  return list.flatMap((e) => e.aliases.map((text) => ({ text, href: e.href, title: e.shortName })));
}

async function loadIndicators(reportId: number, db: DbOrTx, code?: string): Promise<IndicatorView[]> {
  const where = code ? and(eq(indicators.reportId, reportId), eq(indicators.code, code)) : eq(indicators.reportId, reportId);
  const rows = await db
    .select({ indicator: indicators, sectionSlug: sections.slug, sectionTitle: sections.title })
    .from(indicators)
    .leftJoin(sections, eq(sections.id, indicators.sectionId))
    .where(where)
    .orderBy(asc(indicators.position));
  if (rows.length === 0) return [];
  const values = await db
    .select()
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicatorId, rows.map((r) => r.indicator.id)))
    .orderBy(asc(indicatorValues.role), asc(indicatorValues.year));
  return rows.map(({ indicator: i, sectionSlug, sectionTitle }) => ({
    id: i.id,
    code: i.code,
    position: i.position,
    area: i.area,
    name: i.name,
    unit: i.unit,
    status: i.status,
    statusNote: i.statusNote,
    namedAsKeyIndicator: i.namedAsKeyIndicator,
    targetComparison: i.targetComparison,
    baselineComparison: i.baselineComparison,
    sourceSentence: i.sourceSentence,
    note: i.note,
    section: sectionSlug && sectionTitle ? { slug: sectionSlug, title: sectionTitle } : null,
    values: values
      .filter((v) => v.indicatorId === i.id)
      .map((v) => ({
        id: v.id,
        role: v.role,
        year: v.year,
        periodLabel: v.periodLabel,
        value: v.value,
        kind: v.kind,
        qualifier: v.qualifier,
        note: v.note,
      })),
    version: i.version,
    updatedAt: i.updatedAt.toISOString(),
  }));
}

/** Sentences of `text` that contain `needle`: how a section mentions an entity. */
function sentencesWith(text: string, needle: string): string[] {
  return text
    .split(/(?<=[.;:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.includes(needle));
}

// ------------------------------------------------------ data functions

export async function findReport({ slug }: { slug: string }, db?: DbOrTx): Promise<ReportView | null> {
  return loadReport({ slug }, db ?? (await getDb()));
}

export async function findIndicators({ reportSlug }: { reportSlug: string }, db?: DbOrTx): Promise<IndicatorView[]> {
  const conn = db ?? (await getDb());
  const report = await loadReport({ slug: reportSlug }, conn);
  return report ? loadIndicators(report.id, conn) : [];
}

export async function findIndicator(
  { reportSlug, code }: { reportSlug: string; code: string },
  db?: DbOrTx,
): Promise<IndicatorView | null> {
  const conn = db ?? (await getDb());
  const report = await loadReport({ slug: reportSlug }, conn);
  if (!report) return null;
  const [indicator] = await loadIndicators(report.id, conn, code);
  return indicator ?? null;
}

export async function findSections({ reportSlug }: { reportSlug: string }, db?: DbOrTx): Promise<SectionSummary[]> {
  const conn = db ?? (await getDb());
  const report = await loadReport({ slug: reportSlug }, conn);
  return report ? toSummaries(await loadSectionRows(report.id, conn)) : [];
}

/** A section with its descendants, in reading order, each with sanitised HTML. */
export async function findSectionTree(
  { reportSlug, slug }: { reportSlug: string; slug?: string },
  db?: DbOrTx,
): Promise<SectionView[]> {
  const conn = db ?? (await getDb());
  const report = await loadReport({ slug: reportSlug }, conn);
  if (!report) return [];
  const rows = await loadSectionRows(report.id, conn);
  const summaries = toSummaries(rows);
  let wanted = summaries;
  if (slug) {
    const root = summaries.find((s) => s.slug === slug);
    if (!root) return [];
    const keep = new Set([root.slug]);
    for (const s of summaries) if (s.parentSlug && keep.has(s.parentSlug)) keep.add(s.slug);
    wanted = summaries.filter((s) => keep.has(s.slug));
  }
  const links = entityLinks(await loadEntities(report.id, conn));
  const rowsById = new Map(rows.map((r) => [r.id, r]));
  return Promise.all(
    wanted.map(async (s) => {
      const row = rowsById.get(s.id)!;
      return {
        ...s,
        body: row.body,
        bodyHtml: await renderMarkdown(row.body, { links }),
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      };
    }),
  );
}

export async function findEntities({ reportSlug }: { reportSlug: string }, db?: DbOrTx): Promise<EntityView[]> {
  const conn = db ?? (await getDb());
  const report = await loadReport({ slug: reportSlug }, conn);
  return report ? loadEntities(report.id, conn) : [];
}

export async function findEntity(
  { reportSlug, kind, slug }: { reportSlug: string; kind: EntityKind; slug: string },
  db?: DbOrTx,
): Promise<EntityDetail | null> {
  const conn = db ?? (await getDb());
  const report = await loadReport({ slug: reportSlug }, conn);
  if (!report) return null;
  const entity = (await loadEntities(report.id, conn)).find((e) => e.kind === kind && e.slug === slug);
  if (!entity) return null;
  const rows = await loadSectionRows(report.id, conn);
  const summaries = toSummaries(rows);
  const mentions: Mention[] = [];
  rows.forEach((row, index) => {
    const sentences = [...new Set(entity.aliases.flatMap((alias) => sentencesWith(row.body, alias)))];
    if (sentences.length > 0) mentions.push({ section: summaries[index]!, sentences });
  });
  return { ...entity, mentions };
}

// ------------------------------------------- cached reads for public pages

export const getReport = ({ slug }: { slug: string }) =>
  cachedRead(['report', slug], [tags.report(slug)], () => findReport({ slug }));

export const getIndicators = ({ reportSlug }: { reportSlug: string }) =>
  cachedRead(['indicators', reportSlug], [tags.indicators(reportSlug)], () => findIndicators({ reportSlug }));

export const getIndicator = ({ reportSlug, code }: { reportSlug: string; code: string }) =>
  cachedRead(['indicator', reportSlug, code], [tags.indicator(reportSlug, code)], () =>
    findIndicator({ reportSlug, code }),
  );

export const getSections = ({ reportSlug }: { reportSlug: string }) =>
  cachedRead(['toc', reportSlug], [tags.toc(reportSlug)], () => findSections({ reportSlug }));

export const getSectionTree = ({ reportSlug, slug }: { reportSlug: string; slug?: string }) =>
  cachedRead(
    ['section-tree', reportSlug, slug ?? null],
    // Any section edit can change a tree that contains it, and the whole report page.
    [tags.toc(reportSlug), tags.entities(reportSlug), ...(slug ? [tags.section(reportSlug, slug)] : [])],
    () => findSectionTree({ reportSlug, slug }),
  );

export const getEntities = ({ reportSlug }: { reportSlug: string }) =>
  cachedRead(['entities', reportSlug], [tags.entities(reportSlug)], () => findEntities({ reportSlug }));

export const getEntity = ({ reportSlug, kind, slug }: { reportSlug: string; kind: EntityKind; slug: string }) =>
  cachedRead(['entity', reportSlug, kind, slug], [tags.entities(reportSlug), tags.toc(reportSlug)], () =>
    findEntity({ reportSlug, kind, slug }),
  );

/** The source document exactly as it was loaded (NFC), for reading and download. */
export async function findSourceText({ slug }: { slug: string }, db?: DbOrTx): Promise<{ file: string; text: string } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ file: reports.sourceFile, text: reports.sourceText })
    .from(reports)
    .where(eq(reports.slug, slug));
  return row ?? null;
}

export const getSourceText = ({ slug }: { slug: string }) =>
  cachedRead(['source', slug], [tags.report(slug)], () => findSourceText({ slug }));
