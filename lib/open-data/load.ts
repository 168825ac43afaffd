import 'server-only';
/** What one revision of the report shows, read for the open-data representations. */
import type { DbOrTx } from '@/db/index';
import { getEntities, getIndicators, getReport, getSectionTree } from '@/db/queries/cached-reads';
import { findEntities, findIndicators, findReport, findSectionTree } from '@/db/queries/reports';
import type { EntityView, IndicatorView, ReportHeader, SectionView } from '@/db/views';
import type { Moment } from './moment';

export type OpenDataSource = {
  revision: Moment;
  report: ReportHeader;
  indicators: IndicatorView[];
  sections: SectionView[];
  entities: EntityView[];
};

/**
 * Everything one revision of the report shows. With `db` (tests, scripts): read
 * directly; without: through the cache, where a past revision never changes.
 */
export async function loadOpenData(
  { slug, revision, parts = 'all' }: { slug: string; revision: Moment; parts?: 'all' | 'indicators' },
  db?: DbOrTx,
): Promise<OpenDataSource | null> {
  const revisionId = revision.revisionId;
  const all = parts === 'all';
  const [report, indicators, sections, entities] = db
    ? await Promise.all([
        findReport({ slug, revisionId }, db),
        findIndicators({ reportSlug: slug, revisionId }, db),
        all ? findSectionTree({ reportSlug: slug, revisionId }, db) : [],
        all ? findEntities({ reportSlug: slug, revisionId }, db) : [],
      ])
    : await Promise.all([
        getReport({ slug, revisionId }),
        getIndicators({ reportSlug: slug, revisionId }),
        all ? getSectionTree({ reportSlug: slug, revisionId }) : [],
        all ? getEntities({ reportSlug: slug, revisionId }) : [],
      ]);
  if (!report) return null;
  return { revision, report, indicators, sections, entities };
}
