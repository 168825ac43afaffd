import { buildIndicatorsCsv } from '@/lib/open-data/csv';
import { loadOpenData } from '@/lib/open-data/load';
import { openDataResponse } from '@/lib/open-data/response';

export const dynamic = 'force-dynamic';

/** One row per indicator value (one with an empty value for an indicator without figures); UTF-8 with BOM for Excel. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return openDataResponse(request, {
    slug,
    representation: 'indicators.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    render: async (revision) => {
      const src = await loadOpenData({ slug, revision, parts: 'indicators' });
      return src ? buildIndicatorsCsv(src) : null;
    },
    extraHeaders: (moment) => ({
      'Content-Disposition': `attachment; filename="${slug.replace(/[^a-z0-9-]/gi, '')}-chi-tieu-r${moment.revisionId}.csv"`,
    }),
  });
}
