/**
 * `?asOf=` with a date or an instant (proxy.ts sends it here): find the revision that moment
 * stands for and redirect to the page's permanent address `?asOf=r<id>` (`r0`: before the report
 * was published here). proxy.ts passes both in request headers it always overwrites. Not cached: what "today" stands for moves with every edit.
 */
import { resolveMoment } from '@/db/queries/reports';
import { AS_OF_HEADER, AS_OF_TO_HEADER } from '@/lib/headers';
import { parseAsOf } from '@/lib/as-of';
import { BEFORE_FIRST_SEGMENT } from '@/lib/as-of-segment';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const to = request.headers.get(AS_OF_TO_HEADER) ?? '/';
  const parsed = parseAsOf(request.headers.get(AS_OF_HEADER));
  // Only a path on this site, never another host (`//evil`, `/\evil`).
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\') || !parsed.ok || !parsed.asOf) {
    return new Response('Bad Request', { status: 400 });
  }
  const resolved = await resolveMoment({ slug: DEFAULT_REPORT_SLUG, asOf: parsed.asOf });
  const [path, query] = to.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  params.set('asOf', resolved ? `r${resolved.revisionId}` : BEFORE_FIRST_SEGMENT);
  return new Response(null, { status: 307, headers: { Location: `${path}?${params.toString()}`, 'Cache-Control': 'no-store' } });
}
