import { buildReportDocument } from '@/lib/open-data/json';
import { loadOpenData } from '@/lib/open-data/load';
import { openDataResponse } from '@/lib/open-data/response';

// Read per request (cached by revision underneath); nothing touches the database at build.
export const dynamic = 'force-dynamic';

/** The whole report at one revision: report fields, sections (Markdown), indicators with values, entities. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return openDataResponse(request, {
    slug,
    representation: 'report.json',
    contentType: 'application/json; charset=utf-8',
    render: async (revision) => {
      const src = await loadOpenData({ slug, revision });
      return src ? JSON.stringify(buildReportDocument(src)) : null;
    },
  });
}
