import 'server-only';
import { cachingHeaders, etagFor, isNotModified, jsonError, type Representation } from './http';
import { resolveRequestMoment, type Moment } from './moment';

/**
 * The common path of every open-data GET: resolve `?asOf=`, answer 304 when the
 * client is current, otherwise render the body for that revision.
 */
export async function openDataResponse(
  request: Request,
  { slug, representation, contentType, variant, render, extraHeaders }: {
    slug: string;
    representation: Representation;
    contentType: string;
    variant?: string;
    render: (moment: Moment) => Promise<BodyInit | null>;
    extraHeaders?: (moment: Moment) => Record<string, string>;
  },
): Promise<Response> {
  const url = new URL(request.url);
  const resolved = await resolveRequestMoment({ slug, asOf: url.searchParams.get('asOf') });
  if (!resolved.ok) return jsonError(resolved.status, resolved.error);
  const { moment } = resolved;
  const etag = etagFor({ slug, revisionId: moment.revisionId, representation, variant });
  const headers = {
    ...cachingHeaders({ etag, lastModified: moment.createdAt, revisionId: moment.revisionId }),
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag, Last-Modified, X-Report-Revision',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders?.(moment),
  };
  if (isNotModified(request.headers, { etag, lastModified: moment.createdAt })) return new Response(null, { status: 304, headers });
  const body = await render(moment);
  if (body === null) return jsonError(404, `Không có báo cáo “${slug.slice(0, 80)}”. — No report with this slug.`);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
}
