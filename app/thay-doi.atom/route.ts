import { listPublicChanges } from '@/db/queries/public-history';
import { getReport, getReportHead } from '@/db/queries/cached-reads';
import { buildChangeFeed } from '@/lib/open-data/atom';
import { openDataResponse } from '@/lib/open-data/response';
import { siteOrigin } from '@/lib/i18n/metadata';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { headPath } from '@/lib/report-head';

export const dynamic = 'force-dynamic';

const ENTRIES = 50;

/** Atom 1.0: the latest changes published after the import. No staff identity: the portal is the author. */
export async function GET(request: Request) {
  const slug = DEFAULT_REPORT_SLUG;
  // Atom wants absolute links: from SITE_URL, never from the request's Host or X-Forwarded-Host.
  const origin = siteOrigin().origin;
  return openDataResponse(request, {
    slug,
    representation: 'changes.atom',
    contentType: 'application/atom+xml; charset=utf-8',
    variant: origin,
    render: async (revision) => {
      const [report, { rows }, head] = await Promise.all([
        getReport({ slug, revisionId: revision.revisionId }),
        listPublicChanges({ reportSlug: slug, upTo: revision.revisionId, limit: ENTRIES }),
        getReportHead({ slug, revisionId: revision.revisionId }),
      ]);
      if (!report) return null;
      // The head of the revision the feed is read at; a past feed links to that same past head.
      const past = new URL(request.url).searchParams.has('asOf');
      const feedHead = head ? { ...head, path: past ? `${headPath(slug)}?asOf=r${head.revisionId}` : headPath(slug) } : null;
      return buildChangeFeed({ origin, reportSlug: slug, reportTitle: report.title, updated: revision.createdAt, changes: rows, head: feedHead });
    },
  });
}
