import { getReportHead } from '@/db/queries/cached-reads';
import { openDataResponse } from '@/lib/open-data/response';
import { buildHeadDocument } from '@/lib/report-head';

// Read per request (cached by revision underneath); nothing touches the database at build.
export const dynamic = 'force-dynamic';

/**
 * The report's head: the sequence number, report hash and time of its newest revision (or of
 * the revision `?asOf=` reads). Keep a copy; `npm run verify-history -- --head <copy>` later
 * proves the history has only grown since.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return openDataResponse(request, {
    slug,
    representation: 'head.json',
    contentType: 'application/json; charset=utf-8',
    render: async (moment) => {
      const head = await getReportHead({ slug, revisionId: moment.revisionId });
      return head ? JSON.stringify(buildHeadDocument(head)) : null;
    },
  });
}
