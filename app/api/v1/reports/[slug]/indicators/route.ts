import { buildIndicatorsDocument, loadOpenData, openDataResponse } from '@/lib/open-data';

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
