import { buildIndicatorsDocument } from '@/lib/open-data/json';
import { loadOpenData } from '@/lib/open-data/load';
import { openDataResponse } from '@/lib/open-data/response';

export const dynamic = 'force-dynamic';

/** Every indicator with its values, at one revision. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return openDataResponse(request, {
    slug,
    representation: 'indicators.json',
    contentType: 'application/json; charset=utf-8',
    render: async (revision) => {
      const src = await loadOpenData({ slug, revision, parts: 'indicators' });
      return src ? JSON.stringify(buildIndicatorsDocument(src)) : null;
    },
  });
}
