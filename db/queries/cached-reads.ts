import 'server-only';
/**
 * Cached reads for public pages. Live reads are tagged so an edit invalidates exactly what it
 * changed (db/cache-tags.ts: `readTags`). A past state never changes, so as-of reads are cached
 * under their moment and carry the past tag only. The language is applied after the cache
 * (`locale`, default 'vi').
 *
 * An unknown code or slug gets no cache entry of its own: the reads of one item first look the
 * key up in the report's list of known keys (one entry per kind of item for the whole report,
 * cleared only by a write that may add a key), and answer "not found" without caching anything
 * else. Otherwise every junk address would add an entry.
 */
import { readTags } from '../cache-tags';
import { cachedRead } from './cache';
import { findKnownKeys, type KnownKeys } from './known-keys';
import { findItemChangelog, findReportHead } from './public-history';
import {
  findEntities,
  findEntity,
  findIndicator,
  findIndicators,
  findOverviewIndicators,
  findReport,
  findSections,
  findSectionTree,
  findSourceText,
  resolveMoment,
  type At,
} from './reports';
import type { ReportHeader } from '../views';
import type { Locale } from '@/lib/i18n/config';
import { localizeEntity, localizeIndicator, localizeReport, localizeSection, type LocalizedEntityDetail } from '@/lib/i18n/localize';
import type { EntityKind } from '@/lib/vocabulary';

const key = (revisionId?: number | null) => (revisionId ? `r${revisionId}` : 'live');
type In = { locale?: Locale };

/** The report's own fields (title, document, term, headline), without what every edit changes. */
export const getReport = async ({ slug, revisionId, locale = 'vi' }: { slug: string } & At & In) => {
  const view = await cachedRead(['report', slug, key(revisionId)], revisionId ? readTags.past(slug) : readTags.report(slug), async () => {
    const found = await findReport({ slug, revisionId });
    if (!found) return null;
    const { latestRevision: _latest, updatedAt: _updated, ...header } = found;
    return header satisfies ReportHeader;
  });
  return view ? localizeReport(view, locale) : null;
};

/** The newest revision of the report: what the print edition cites. Cleared by every write. */
export const getLatestRevision = ({ slug }: { slug: string }) =>
  cachedRead(['latest-revision', slug], readTags.latestRevision(slug), async () => {
    const latest = await resolveMoment({ slug, asOf: { at: new Date().toISOString(), revisionId: null } });
    return latest ? { id: latest.revisionId, createdAt: latest.createdAt } : null;
  });

/**
 * Which revision `r<id>` shows (the last of its transaction), or null when the report has no such
 * revision. A past moment never changes, so it is cached for ever; an id beyond the newest
 * revision is not a past moment yet: that answer carries the latest-revision tag, so the page
 * that said "no such revision" is rendered again once the id exists.
 */
export const getMoment = async ({ slug, revisionId }: { slug: string; revisionId: number }) => {
  const latest = await getLatestRevision({ slug });
  if (!latest || revisionId > latest.id) return null;
  return cachedRead(['moment', slug, revisionId], readTags.past(slug), () => resolveMoment({ slug, asOf: { at: '', revisionId } }));
};

/** Every indicator code, section slug or entity slug (`type`) the report has or had (db/queries/known-keys.ts). */
export const getKnownKeys = ({ reportSlug, type }: { reportSlug: string; type: keyof KnownKeys }) =>
  cachedRead(['known-keys', reportSlug, type], readTags.knownKeys(reportSlug, type), async () => (await findKnownKeys({ reportSlug }))[type]);

async function isKnown(reportSlug: string, type: keyof KnownKeys, key: string): Promise<boolean> {
  return (await getKnownKeys({ reportSlug, type })).includes(key);
}

export const getIndicators = async ({ reportSlug, revisionId, locale = 'vi' }: { reportSlug: string } & At & In) =>
  (
    await cachedRead(['indicators', reportSlug, key(revisionId)], revisionId ? readTags.past(reportSlug) : readTags.indicators(reportSlug), () =>
      findIndicators({ reportSlug, revisionId }),
    )
  ).map((i) => localizeIndicator(i, locale));

/** The overview's indicators (db/queries/reports.ts findOverviewIndicators): what it shows, not every indicator. */
export const getOverviewIndicators = async ({ reportSlug, revisionId, locale = 'vi' }: { reportSlug: string } & At & In) => {
  const view = await cachedRead(['overview-indicators', reportSlug, key(revisionId)], revisionId ? readTags.past(reportSlug) : readTags.indicators(reportSlug), () =>
    findOverviewIndicators({ reportSlug, revisionId }),
  );
  if (!view) return null;
  const localize = (list: typeof view.featured) => list.map((i) => localizeIndicator(i, locale));
  return { ...view, notMet: localize(view.notMet), featured: localize(view.featured) };
};

export const getIndicator = async ({ reportSlug, code, revisionId, locale = 'vi' }: { reportSlug: string; code: string } & At & In) => {
  if (!(await isKnown(reportSlug, 'indicator', code))) return null;
  const view = await cachedRead(
    ['indicator', reportSlug, code, key(revisionId)],
    revisionId ? readTags.past(reportSlug) : readTags.indicator(reportSlug, code),
    () => findIndicator({ reportSlug, code, revisionId }),
  );
  return view ? localizeIndicator(view, locale) : null;
};

export const getSections = async ({ reportSlug, revisionId, locale = 'vi' }: { reportSlug: string } & At & In) =>
  (
    await cachedRead(['toc', reportSlug, key(revisionId)], revisionId ? readTags.past(reportSlug) : readTags.toc(reportSlug), () =>
      findSections({ reportSlug, revisionId }),
    )
  ).map((s) => localizeSection(s, locale));

export const getSectionTree = async ({ reportSlug, slug, revisionId, locale = 'vi' }: { reportSlug: string; slug?: string } & At & In) => {
  if (slug !== undefined && !(await isKnown(reportSlug, 'section', slug))) return [];
  const tree = await cachedRead(
    ['section-tree', reportSlug, slug ?? null, key(revisionId)],
    revisionId ? readTags.past(reportSlug) : readTags.sectionTree(reportSlug, slug),
    () => findSectionTree({ reportSlug, slug, revisionId }),
  );
  return tree.map((s) => localizeSection(s, locale));
};

export const getEntities = async ({ reportSlug, revisionId, locale = 'vi' }: { reportSlug: string } & At & In) =>
  (
    await cachedRead(['entities', reportSlug, key(revisionId)], revisionId ? readTags.past(reportSlug) : readTags.entities(reportSlug), () =>
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
  if (!(await isKnown(reportSlug, 'entity', slug))) return null;
  const view = await cachedRead(
    ['entity', reportSlug, kind, slug, key(revisionId)],
    revisionId ? readTags.past(reportSlug) : readTags.entity(reportSlug),
    () => findEntity({ reportSlug, kind, slug, revisionId }),
  );
  if (!view) return null;
  return { ...localizeEntity(view, locale), mentions: view.mentions.map((m) => ({ ...m, section: localizeSection(m.section, locale) })) };
};

export const getSourceText = ({ slug }: { slug: string }) =>
  cachedRead(['source', slug], readTags.sourceText(slug), () => findSourceText({ slug }));

/** The report's head now, or at a past moment (which never changes): published by the API, the feed and the print edition. */
export const getReportHead = ({ slug, revisionId }: { slug: string } & At) =>
  cachedRead(['report-head', slug, key(revisionId)], revisionId ? readTags.past(slug) : readTags.reportHead(slug), () => findReportHead({ slug, revisionId }));

/**
 * An indicator's or a section's public changelog, up to the moment read (`revisionId`) or now;
 * null for an unknown item, or for a page (`before`, the item's revision number to page back
 * from) beyond its newest revision, which would otherwise be one more cache entry per number
 * asked for. The newest page, which says how far back pages go, is the same cache entry as the
 * changelog's first page.
 */
export const getItemChangelog = async ({
  reportSlug,
  itemType,
  key: itemKey,
  revisionId,
  before,
}: { reportSlug: string; itemType: 'indicator' | 'section'; key: string; before?: number } & At) => {
  if (!(await isKnown(reportSlug, itemType, itemKey))) return null;
  const page = (from?: number) =>
    cachedRead(
      ['changelog', reportSlug, itemType, itemKey, key(revisionId), from ?? 'newest'],
      revisionId ? readTags.past(reportSlug) : readTags.itemChangelog(reportSlug, itemType, itemKey),
      () => findItemChangelog({ reportSlug, itemType, key: itemKey, upTo: revisionId ?? undefined, before: from }),
    );
  if (before === undefined) return page();
  const newest = (await page())?.entries[0]?.revisionNo ?? 0;
  return before > newest + 1 ? null : page(before);
};

/**
 * The indicators that sections `sectionSlugs` cite, for a section page. Which ones is cached
 * apart (it changes only when an indicator is created, deleted or restored), and each indicator
 * under its own tag, so a section page is rendered again only when one of its indicators changes.
 */
export const getCitedIndicators = async ({
  reportSlug,
  sectionSlugs,
  revisionId,
  locale = 'vi',
}: { reportSlug: string; sectionSlugs: string[] } & At & In) => {
  const codes = await cachedRead(
    ['cited-indicators', reportSlug, sectionSlugs, key(revisionId)],
    revisionId ? readTags.past(reportSlug) : readTags.sectionCitations(reportSlug),
    async () =>
      (await findIndicators({ reportSlug, revisionId })).filter((i) => i.section && sectionSlugs.includes(i.section.slug)).map((i) => i.code),
  );
  const found = await Promise.all(codes.map((code) => getIndicator({ reportSlug, code, revisionId, locale })));
  return found.filter((i): i is NonNullable<typeof i> => i !== null);
};
