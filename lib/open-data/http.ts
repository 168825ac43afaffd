/**
 * HTTP caching shared by the open-data responses and /in.pdf. A representation depends only on
 * the report, the revision it is read at and its format, so one revision id gives one strong ETag.
 */
import { createHash } from 'node:crypto';

/** Bump when the shape of a representation changes: it is part of every ETag. */
export const OPEN_DATA_FORMAT = 'v1';
export const CACHE_CONTROL = 'public, max-age=60';

/** Scheme and host a reader used, from request headers (a proxy's forwarded ones first); null if unusable. */
export function originFromHeaders(h: Headers): string | null {
  const host = (h.get('x-forwarded-host') ?? h.get('host'))?.split(',')[0]?.trim();
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return null;
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

export type Representation = 'report.json' | 'indicators.json' | 'indicators.csv' | 'changes.atom' | 'report.pdf' | 'head.json';

/**
 * Strong ETag of one representation of one revision. `variant` covers anything
 * else the body depends on (the feed's absolute links depend on the host).
 */
export function etagFor({ slug, revisionId, representation, variant }: { slug: string; revisionId: number; representation: Representation; variant?: string }): string {
  const extra = variant ? `.${createHash('sha256').update(variant).digest('hex').slice(0, 10)}` : '';
  return `"${slug}.r${revisionId}.${representation}.${OPEN_DATA_FORMAT}${extra}"`;
}

/** HTTP-date of an ISO instant (second precision, as HTTP dates are). */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/**
 * Whether the client's cached copy is current (RFC 9110 §13.1): If-None-Match
 * (weak comparison, as for GET) wins; If-Modified-Since only when it is absent.
 */
export function isNotModified(headers: Headers, { etag, lastModified }: { etag: string; lastModified: string }): boolean {
  const inm = headers.get('if-none-match');
  if (inm !== null) {
    const bare = (t: string) => t.trim().replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
  }
  const ims = headers.get('if-modified-since');
  if (ims === null) return false;
  const since = Date.parse(ims);
  if (Number.isNaN(since)) return false;
  return Math.floor(new Date(lastModified).getTime() / 1000) * 1000 <= since;
}

export function cachingHeaders({ etag, lastModified, revisionId }: { etag: string; lastModified: string; revisionId: number }): Record<string, string> {
  return {
    ETag: etag,
    'Last-Modified': httpDate(lastModified),
    'Cache-Control': CACHE_CONTROL,
    'X-Report-Revision': `r${revisionId}`,
  };
}

/** A JSON error body `{ error }`, never cached. */
export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' } });
}
