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
  /**
   * The indicator codes and section slugs the report has or had: cleared only when a write may
   * add one (a create, a rename; a delete or restore too, which is cheap to include).
   */
  known: (report: string, type: 'indicator' | 'section') => `known:${report}/${type}`,
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
  /** The report's head now (its newest revision in the report chain): moves with every write. */
  reportHead: (report: string) => [tags.latest(report)],
  sectionCitations: (report: string) => [tags.citations(report)],
  /** An item's public changelog changes exactly when the item is written. */
  itemChangelog: (report: string, itemType: 'indicator' | 'section', key: string) =>
    [itemType === 'indicator' ? tags.indicator(report, key) : tags.section(report, key)],
  past: (report: string) => [tags.past(report)],
  /**
   * Every indicator code and section slug the report has or had (`known`), and its entity slugs,
   * which change with the entities (not editable today) and so carry what entity pages carry.
   */
  knownKeys: (report: string, type: 'indicator' | 'section' | 'entity') => (type === 'entity' ? [tags.entities(report)] : [tags.known(report, type)]),
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
    // A new code (created, or a save that renamed it) must stop being "not found".
    ...(saved && codes.length === 1 ? [] : [tags.known(report, 'indicator')]),
  ],
  /**
   * A section edited: the section and every section containing it (`sections`), the table of
   * contents, entity mentions, and the indicator pages that name its title (`indicators`).
   */
  section: (report: string, { sections, indicators, renamed = false }: { sections: string[]; indicators: string[]; renamed?: boolean }) => [
    tags.latest(report),
    // A section saved under a new slug: that slug must stop being "not found".
    ...(renamed ? [tags.known(report, 'section')] : []),
    tags.toc(report),
    tags.entities(report),
    tags.indicators(report),
    ...sections.map((slug) => tags.section(report, slug)),
    ...indicators.map((code) => tags.indicator(report, code)),
  ],
};

/** The tags a write returns for the action wrapper to clear. */
export type Invalidation = string[];
