import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { reports, type ContentTranslations, type Section } from '../schema';
import type { ValueSnapshot } from '../snapshots';
import { cachedRead } from './cache';
import { loadReportRows, resolveAsOf, type ReportRows } from './state';
import { tags } from './tags';
import type { AsOf } from '@/lib/as-of';
import { localizedPath, type Locale } from '@/lib/i18n/config';
import { localize, normalizeTranslations, TRANSLATABLE_FIELDS, type Localized } from '@/lib/i18n/content';
import { renderMarkdown, type EntityLink } from '@/lib/markdown';
import { entityHref, type EntityKind } from '@/lib/site';
import type { IndicatorStatus } from '@/lib/status';
import { valuesKey } from '@/lib/values-key';

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
  translations: ContentTranslations;
  updatedAt: string;
  /** The latest revision in the state shown: what a citation of this page refers to. */
  latestRevision: { id: number; createdAt: string } | null;
};

export type SectionSummary = {
  id: number;
  slug: string;
  parentSlug: string | null;
  position: number;
  title: string;
  heading: string | null;
  depth: number;
  translations: ContentTranslations;
};

export type SectionView = SectionSummary & {
  body: string;
  bodyHtml: string;
  /** The English body (translations.en.body) rendered like `bodyHtml`; null when there is none. */
  bodyHtmlEn: string | null;
  version: number;
  updatedAt: string;
};

/** A value as readers see it: the stored value (as in a snapshot) with an id for lists. */
export type ValueView = ValueSnapshot & { id: number };

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
  section: { slug: string; title: string; translations: ContentTranslations } | null;
  values: ValueView[];
  translations: ContentTranslations;
  /** Its figures differ from those first published in the source document. */
  adjusted: boolean;
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
  translations: ContentTranslations;
  href: string;
};

export type Mention = { section: SectionSummary; sentences: string[] };
export type EntityDetail = EntityView & { mentions: Mention[] };

// ------------------------------------------------------ views over rows

function toReportView(rows: ReportRows): ReportView {
  const { sourceText: _sourceText, createdAt: _createdAt, version: _version, updatedAt, translations, ...rest } = rows.report;
  return {
    ...rest,
    translations: normalizeTranslations(translations),
    updatedAt: new Date(updatedAt).toISOString(),
    latestRevision: rows.latestRevision,
  };
}

function toSummaries(list: Section[]): SectionSummary[] {
  const byId = new Map(list.map((r) => [r.id, r]));
  const depthOf = (r: Section): number => {
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    return parent ? 1 + depthOf(parent) : 0;
  };
  return list.map((r) => ({
    id: r.id,
    slug: r.slug,
    parentSlug: r.parentId ? (byId.get(r.parentId)?.slug ?? null) : null,
    position: r.position,
    title: r.title,
    heading: r.heading,
    depth: depthOf(r),
    translations: normalizeTranslations(r.translations),
  }));
}

function toEntityViews(rows: ReportRows): EntityView[] {
  return rows.entities.map((e) => ({
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
    translations: normalizeTranslations(e.translations),
    href: entityHref(e.kind, e.slug),
  }));
}

function entityLinks(list: EntityView[]): EntityLink[] {
  return list.flatMap((e) => e.aliases.map((text) => ({ text, href: e.href, title: e.shortName })));
}

function toIndicatorViews(rows: ReportRows, code?: string): IndicatorView[] {
  const sectionById = new Map(rows.sections.map((s) => [s.id, s]));
  return rows.indicators
    .filter((i) => code === undefined || i.code === code)
    .map((i) => {
      const section = i.sectionId ? sectionById.get(i.sectionId) : undefined;
      const values: ValueView[] = rows.values
        .filter((v) => v.indicatorId === i.id)
        .sort((a, b) => a.role.localeCompare(b.role) || a.year - b.year)
        .map((v) => ({
          id: v.id,
          role: v.role,
          year: v.year,
          periodLabel: v.periodLabel,
          value: v.value,
          kind: v.kind,
          qualifier: v.qualifier,
          note: v.note,
        }));
      const imported = rows.importedValues.get(i.id);
      return {
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
        section: section ? { slug: section.slug, title: section.title, translations: normalizeTranslations(section.translations) } : null,
        values,
        translations: normalizeTranslations(i.translations),
        adjusted: imported !== undefined && imported !== valuesKey(values),
        version: i.version,
        updatedAt: new Date(i.updatedAt).toISOString(),
      };
    });
}

/** Sentences of `text` that contain `needle`: how a section mentions an entity. */
function sentencesWith(text: string, needle: string): string[] {
  return text
    .split(/(?<=[.;:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.includes(needle));
}

// ------------------------------------------------------ data functions

/** `revisionId`: show the state right after that revision (resolve a date with `resolveMoment`); absent: now. */
type At = { revisionId?: number | null };

async function rowsFor(slug: string, revisionId: number | null | undefined, db?: DbOrTx): Promise<ReportRows | null> {
  return loadReportRows({ slug, revisionId: revisionId ?? null }, db ?? (await getDb()));
}

/** Which revision a requested moment shows (uncached: one indexed query). */
export async function resolveMoment({ slug, asOf }: { slug: string; asOf: AsOf }, db?: DbOrTx) {
  return resolveAsOf({ slug, asOf }, db ?? (await getDb()));
}

export async function findReport({ slug, revisionId }: { slug: string } & At, db?: DbOrTx): Promise<ReportView | null> {
  const rows = await rowsFor(slug, revisionId, db);
  return rows ? toReportView(rows) : null;
}

export async function findIndicators({ reportSlug, revisionId }: { reportSlug: string } & At, db?: DbOrTx): Promise<IndicatorView[]> {
  const rows = await rowsFor(reportSlug, revisionId, db);
  return rows ? toIndicatorViews(rows) : [];
}

export async function findIndicator(
  { reportSlug, code, revisionId }: { reportSlug: string; code: string } & At,
  db?: DbOrTx,
): Promise<IndicatorView | null> {
  const rows = await rowsFor(reportSlug, revisionId, db);
  return rows ? (toIndicatorViews(rows, code)[0] ?? null) : null;
}

export async function findSections({ reportSlug, revisionId }: { reportSlug: string } & At, db?: DbOrTx): Promise<SectionSummary[]> {
  const rows = await rowsFor(reportSlug, revisionId, db);
  return rows ? toSummaries(rows.sections) : [];
}

/** A section with its descendants (or the whole report), in reading order, each with sanitised HTML. */
export async function findSectionTree(
  { reportSlug, slug, revisionId }: { reportSlug: string; slug?: string } & At,
  db?: DbOrTx,
): Promise<SectionView[]> {
  const rows = await rowsFor(reportSlug, revisionId, db);
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
  const rows = await rowsFor(reportSlug, revisionId, db);
  return rows ? toEntityViews(rows) : [];
}

export async function findEntity(
  { reportSlug, kind, slug, revisionId }: { reportSlug: string; kind: EntityKind; slug: string } & At,
  db?: DbOrTx,
): Promise<EntityDetail | null> {
  const rows = await rowsFor(reportSlug, revisionId, db);
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

// ------------------------------------------------- the reader's language
//
// Cached reads hold both languages; these pick one per request. An English field replaces the
// Vietnamese one when staff have entered it; `untranslated` lists the fields shown in Vietnamese.

export function localizeReport(view: ReportView, locale: Locale): Localized<ReportView> {
  return localize(view, view.translations, TRANSLATABLE_FIELDS.report, locale);
}

export function localizeSection<T extends SectionSummary & Partial<Pick<SectionView, 'body' | 'bodyHtml' | 'bodyHtmlEn'>>>(
  view: T,
  locale: Locale,
): Localized<T> {
  const out = localize(view, view.translations, TRANSLATABLE_FIELDS.section, locale);
  if (locale === 'vi' || out.bodyHtml === undefined) return out;
  // The rendered body follows the text chosen for `body`; its links to the portal's own pages
  // (entity links, relative links) stay in English.
  return { ...out, bodyHtml: localizeLinks(view.bodyHtmlEn ?? out.bodyHtml, locale) };
}

/** Prefix the portal's own links (`href="/…"`, never `//host`) in sanitised HTML with the locale. */
function localizeLinks(html: string, locale: Locale): string {
  return html.replace(/ href="\/(?!\/)([^"]*)"/g, (_, rest: string) => ` href="${localizedPath(locale, `/${rest}`)}"`);
}

export function localizeIndicator(view: IndicatorView, locale: Locale): Localized<IndicatorView> & { section: Localized<NonNullable<IndicatorView['section']>> | null } {
  const out = localize(view, view.translations, TRANSLATABLE_FIELDS.indicator, locale);
  return { ...out, section: view.section ? localize(view.section, view.section.translations, ['title'], locale) : null };
}

export function localizeEntity<T extends EntityView>(view: T, locale: Locale): Localized<T> {
  return localize(view, view.translations, TRANSLATABLE_FIELDS.entity, locale);
}

export type LocalizedIndicator = ReturnType<typeof localizeIndicator>;
export type LocalizedEntityDetail = Omit<Localized<EntityDetail>, 'mentions'> & { mentions: Array<{ section: Localized<SectionSummary>; sentences: string[] }> };

// ------------------------------------------- cached reads for public pages
//
// Live reads are tagged so an edit invalidates exactly what it changed. A past
// state never changes, so as-of reads are cached under their moment and carry
// the report tag only. The language is applied after the cache (`locale`, default 'vi').

const key = (revisionId?: number | null) => (revisionId ? `r${revisionId}` : 'live');
const pastTags = (slug: string) => [`${tags.report(slug)}:past`];
type In = { locale?: Locale };

export const getReport = async ({ slug, revisionId, locale = 'vi' }: { slug: string } & At & In) => {
  const view = await cachedRead(['report', slug, key(revisionId)], revisionId ? pastTags(slug) : [tags.report(slug)], () => findReport({ slug, revisionId }));
  return view ? localizeReport(view, locale) : null;
};

export const getIndicators = async ({ reportSlug, revisionId, locale = 'vi' }: { reportSlug: string } & At & In) =>
  (
    await cachedRead(['indicators', reportSlug, key(revisionId)], revisionId ? pastTags(reportSlug) : [tags.indicators(reportSlug)], () =>
      findIndicators({ reportSlug, revisionId }),
    )
  ).map((i) => localizeIndicator(i, locale));

export const getIndicator = async ({ reportSlug, code, revisionId, locale = 'vi' }: { reportSlug: string; code: string } & At & In) => {
  const view = await cachedRead(
    ['indicator', reportSlug, code, key(revisionId)],
    revisionId ? pastTags(reportSlug) : [tags.indicator(reportSlug, code)],
    () => findIndicator({ reportSlug, code, revisionId }),
  );
  return view ? localizeIndicator(view, locale) : null;
};

export const getSections = async ({ reportSlug, revisionId, locale = 'vi' }: { reportSlug: string } & At & In) =>
  (
    await cachedRead(['toc', reportSlug, key(revisionId)], revisionId ? pastTags(reportSlug) : [tags.toc(reportSlug)], () =>
      findSections({ reportSlug, revisionId }),
    )
  ).map((s) => localizeSection(s, locale));

export const getSectionTree = async ({ reportSlug, slug, revisionId, locale = 'vi' }: { reportSlug: string; slug?: string } & At & In) =>
  (
    await cachedRead(
      ['section-tree', reportSlug, slug ?? null, key(revisionId)],
      revisionId ? pastTags(reportSlug) : [tags.toc(reportSlug), tags.entities(reportSlug), ...(slug ? [tags.section(reportSlug, slug)] : [])],
      () => findSectionTree({ reportSlug, slug, revisionId }),
    )
  ).map((s) => localizeSection(s, locale));

export const getEntities = async ({ reportSlug, revisionId, locale = 'vi' }: { reportSlug: string } & At & In) =>
  (
    await cachedRead(['entities', reportSlug, key(revisionId)], revisionId ? pastTags(reportSlug) : [tags.entities(reportSlug)], () =>
      findEntities({ reportSlug, revisionId }),
    )
  ).map((e) => localizeEntity(e, locale));

export const getEntity = async ({
  reportSlug,
  kind,
  slug,
  revisionId,
  locale = 'vi',
}: { reportSlug: string; kind: EntityKind; slug: string } & At & In): Promise<LocalizedEntityDetail | null> => {
  const view = await cachedRead(
    ['entity', reportSlug, kind, slug, key(revisionId)],
    revisionId ? pastTags(reportSlug) : [tags.entities(reportSlug), tags.toc(reportSlug)],
    () => findEntity({ reportSlug, kind, slug, revisionId }),
  );
  if (!view) return null;
  return { ...localizeEntity(view, locale), mentions: view.mentions.map((m) => ({ ...m, section: localizeSection(m.section, locale) })) };
};

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
