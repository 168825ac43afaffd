/**
 * What public pages and open data show: the report's rows (db/queries/state.ts) as views, with
 * dates as ISO strings and translations normalised. Types and pure row → view mappers; the
 * queries that load rows are in db/queries/reports.ts.
 */
import type { ContentTranslations, IndicatorValue, Section } from './schema';
import type { ValueSnapshot } from './snapshots';
import type { ReportRows } from './queries/state';
import { normalizeTranslations } from '@/lib/i18n/content';
import type { EntityLink } from '@/lib/markdown';
import { entityHref } from '@/lib/site';
import type { EntityKind, IndicatorStatus } from '@/lib/vocabulary';
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

/**
 * What public pages show of the report itself: it changes only when the report's own row does,
 * not with every edit of an indicator or section (the latest revision is read on its own).
 */
export type ReportHeader = Omit<ReportView, 'latestRevision' | 'updatedAt'>;

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

export function toReportView(rows: ReportRows): ReportView {
  const { sourceText: _sourceText, createdAt: _createdAt, version: _version, updatedAt, translations, ...rest } = rows.report;
  return {
    ...rest,
    translations: normalizeTranslations(translations),
    updatedAt: new Date(updatedAt).toISOString(),
    latestRevision: rows.latestRevision,
  };
}

export function toSummaries(list: Section[]): SectionSummary[] {
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

export function toEntityViews(rows: ReportRows): EntityView[] {
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

export function entityLinks(list: EntityView[]): EntityLink[] {
  return list.flatMap((e) => e.aliases.map((text) => ({ text, href: e.href, title: e.shortName })));
}

export function toIndicatorViews(rows: ReportRows, code?: string): IndicatorView[] {
  const sectionById = new Map(rows.sections.map((s) => [s.id, s]));
  // Grouped once: filtering all values for each indicator is quadratic on a large report.
  const valuesOf = new Map<number, IndicatorValue[]>();
  for (const v of rows.values) {
    const list = valuesOf.get(v.indicatorId);
    if (list) list.push(v);
    else valuesOf.set(v.indicatorId, [v]);
  }
  return rows.indicators
    .filter((i) => code === undefined || i.code === code)
    .map((i) => {
      const section = i.sectionId ? sectionById.get(i.sectionId) : undefined;
      const values: ValueView[] = (valuesOf.get(i.id) ?? [])
        .slice()
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
export function sentencesWith(text: string, needle: string): string[] {
  return text
    .split(/(?<=[.;:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.includes(needle));
}
