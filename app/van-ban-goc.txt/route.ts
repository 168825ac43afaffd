import { getSourceText } from '@/db/queries/cached-reads';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export const dynamic = 'force-dynamic';

export async function GET() {
  const source = await getSourceText({ slug: DEFAULT_REPORT_SLUG });
  if (!source) return new Response('Không tìm thấy văn bản gốc.', { status: 404 });
  return new Response(source.text, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `inline; filename="${source.file}"`,
    },
  });
}
