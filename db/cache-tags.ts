/**
 * The cache-tag contract, in one place: the tags each cached public read carries, and the
 * tags each write clears, side by side. A write clears exactly the reads that show what it
 * changed; the action wrapper (lib/actions.ts) applies the list a write returns.
 */

/** Tag names. */
export const tags = {
  report: (report: string) => `report:${report}`,
  toc: (report: string) => `toc:${report}`,
  section: (report: string, section: string) => `section:${report}/${section}`,
  indicators: (report: string) => `indicators:${report}`,
  indicator: (report: string, code: string) => `indicator:${report}/${code}`,
  entities: (report: string) => `entities:${report}`,
  /** The newest revision of the report (the print edition's citation): cleared by every write. */
  latest: (report: string) => `latest:${report}`,
  /** Which indicators each section cites: changes only when an indicator is created, deleted or restored. */
  citations: (report: string) => `citations:${report}`,
  /** Past states never change; their reads carry only this, cleared by nothing but a purge. */
  past: (report: string) => `report:${report}:past`,
};

/** What each cached read carries (db/queries/cached-reads.ts). */
export const readTags = {
  report: (report: string) => [tags.report(report)],
  indicators: (report: string) => [tags.indicators(report)],
  indicator: (report: string, code: string) => [tags.indicator(report, code)],
  toc: (report: string) => [tags.toc(report)],
  sectionTree: (report: string, section?: string) => [tags.toc(report), tags.entities(report), ...(section ? [tags.section(report, section)] : [])],
  entities: (report: string) => [tags.entities(report)],
  entity: (report: string) => [tags.entities(report), tags.toc(report)],
  sourceText: (report: string) => [tags.report(report)],
  latestRevision: (report: string) => [tags.latest(report)],
  sectionCitations: (report: string) => [tags.citations(report)],
  /** An item's public changelog changes exactly when the item is written. */
  itemChangelog: (report: string, itemType: 'indicator' | 'section', key: string) =>
    [itemType === 'indicator' ? tags.indicator(report, key) : tags.section(report, key)],
  past: (report: string) => [tags.past(report)],
  /** Every code and slug the report has or had: an indicator write may add a code, a section write a slug. */
  knownKeys: (report: string) => [tags.indicators(report), tags.toc(report)],
};

/**
 * What each write clears (db/queries/edits.ts): the pages that show what changed, and the
 * latest-revision read (the print edition). Never the report tag: no page shows the latest
 * revision but /in, so an edit re-renders only the pages it touches.
 */
export const writeTags = {
  /**
   * An indicator saved, created, deleted or restored under any of `codes` (a restore may bring
   * back an old code). A save keeps the section it belongs to; the others may change which
   * indicators a section page cites.
   */
  indicator: (report: string, codes: string[], { saved }: { saved: boolean }) => [
    ...codes.map((code) => tags.indicator(report, code)),
    tags.indicators(report),
    tags.latest(report),
    ...(saved ? [] : [tags.citations(report)]),
  ],
  /**
   * A section edited: the section and every section containing it (`sections`), the table of
   * contents, entity mentions, and the indicator pages that name its title (`indicators`).
   */
  section: (report: string, { sections, indicators }: { sections: string[]; indicators: string[] }) => [
    tags.latest(report),
    tags.toc(report),
    tags.entities(report),
    tags.indicators(report),
    ...sections.map((slug) => tags.section(report, slug)),
    ...indicators.map((code) => tags.indicator(report, code)),
  ],
};

/** The tags a write returns for the action wrapper to clear. */
export type Invalidation = string[];
