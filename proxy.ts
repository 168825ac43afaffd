/**
 * Convenience only: a visitor with no session cookie at all who opens a staff page is sent to
 * sign-in straight away (with `?next=` to come back). This file decides nothing about access —
 * a cookie's presence says nothing about whether it is valid. The real gate is lib/auth.ts,
 * called by every staff page, every server action and every data write.
 *
 * Public pages: the reader's language and moment become route segments, so that each page is
 * one cacheable render (app/[locale]/[at], lib/reading.ts):
 *   /chi-tieu                  → /vi/hien-hanh/chi-tieu
 *   /en/chi-tieu?asOf=r12      → /en/r12/chi-tieu
 *   /chi-tieu?asOf=2025-12-31  → /api/as-of (resolves the date to its revision, then redirects
 *                                to /chi-tieu?asOf=r<id>, its permanent address)
 *   /chi-tieu?asOf=hom-qua     → /vi/khong-hop-le/chi-tieu (the report now, with a notice)
 * The staff area and sign-in exist in Vietnamese only: `/en/quan-tri…` and `/en/dang-nhap`
 * redirect to their unprefixed address.
 *
 * One refusal happens here, because Next's own would be a 500: a server action posted from
 * another site (lib/action-origin.ts) gets 403 and a `bad_origin` line in the security log.
 *
 * Rate limits (lib/rate-limit.ts) answer 429 here for the public pages that cost work: a search,
 * and the first render of a past view. A past view is a page cached whole, which by design reads
 * no request header, so its render cannot know the client: this is the one place that sees both
 * the client and the page, and every past view goes through it (the `[locale]/[at]` paths exist
 * only as this file's rewrites: `/vi/r12/…` typed directly is an unknown page). The search page
 * reads the request and counts what did not come through here itself (RATE_COUNTED_HEADER).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { foreignActionOrigin } from '@/lib/action-origin';
import { segmentForQuery } from '@/lib/as-of-segment';
import { clientAddress } from '@/lib/auth/client-address';
import { AS_OF_HEADER, AS_OF_TO_HEADER, PATHNAME_HEADER, RATE_COUNTED_HEADER } from '@/lib/headers';
import { env } from '@/lib/env';
import { localizedPath, splitLocale, type Locale } from '@/lib/i18n/config';
import { isPastViewCached, PAST_VIEW_PATH } from '@/lib/past-view-cache';
import { countedStamp, takeToken, tooManyRequests, type RateLimitName } from '@/lib/rate-limit';
import { normalizeSearchQuery, SEARCH_PATH } from '@/lib/search-query';
import { isStaffOrSignIn, newNonce, staffCsp, strictTransportSecurity } from '@/lib/security-headers';
import { securityLog } from '@/lib/security-log';

// Auth.js session cookie, plain or `__Secure-` over HTTPS, possibly split into `.0`, `.1`, …
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** Where a date or an instant is turned into a revision (app/api/as-of/route.ts). */
export const AS_OF_RESOLVER = '/api/as-of';


/** A public page: rewrite to its language and moment segments (`path` is without the locale prefix). */
function publicRequest(request: NextRequest, locale: Locale, path: string) {
  const target = segmentForQuery(request.nextUrl.searchParams.get('asOf'));
  const url = request.nextUrl.clone();
  if ('resolve' in target) {
    const rest = new URLSearchParams(request.nextUrl.searchParams);
    rest.delete('asOf');
    const query = rest.toString();
    url.pathname = AS_OF_RESOLVER;
    url.search = '';
    const headers = new Headers(request.headers); // overwritten, so a client cannot choose them
    headers.set(AS_OF_HEADER, target.resolve);
    headers.set(AS_OF_TO_HEADER, `${localizedPath(locale, path)}${query ? `?${query}` : ''}`);
    return NextResponse.rewrite(url, { request: { headers } });
  }
  url.pathname = `/${locale}/${target.segment}${path === '/' ? '' : path}`;
  const limit = costlyPage(request, path, url.pathname);
  if (!limit) return NextResponse.rewrite(url);
  const refused = overLimit(request, limit, locale);
  if (refused) return refused;
  const headers = new Headers(request.headers);
  headers.set(RATE_COUNTED_HEADER, countedStamp());
  return NextResponse.rewrite(url, { request: { headers } });
}

/** Which limit a public request counts against: a search, or a past view this process has not rendered yet. */
function costlyPage(request: NextRequest, path: string, pagePath: string): RateLimitName | null {
  if (path === SEARCH_PATH) return normalizeSearchQuery(request.nextUrl.searchParams.get('q')) ? 'search' : null;
  return PAST_VIEW_PATH.test(pagePath) && !isPastViewCached(pagePath) ? 'pastViews' : null;
}

/** A 429 page when the client has used up its `limit`, else null (the token is taken). */
function overLimit(request: NextRequest, limit: RateLimitName, locale: Locale): NextResponse | null {
  const verdict = takeToken(limit, clientAddress(request.headers, env().TRUSTED_PROXY_HOPS));
  if (verdict.ok) return null;
  const page = tooManyRequests(limit, verdict.retryAfterSeconds, { home: localizedPath(locale, '/') });
  return new NextResponse(page.body, { status: page.status, headers: page.headers });
}

function route(request: NextRequest, headers: Headers): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const localized = splitLocale(pathname);
  if (localized.locale === 'en') {
    if (!isStaffOrSignIn(localized.path)) return publicRequest(request, 'en', localized.path);
    const url = request.nextUrl.clone();
    url.pathname = localized.path;
    return NextResponse.redirect(url);
  }
  if (!isStaffOrSignIn(pathname)) return publicRequest(request, 'vi', pathname);
  const query = new URLSearchParams(searchParams);
  query.delete('_rsc'); // Next's cache-busting parameter on client navigations, not part of the page's address
  const search = query.toString();
  const path = search ? `${pathname}?${search}` : pathname;
  headers.set(PATHNAME_HEADER, path); // always overwritten, so a client cannot supply its own
  if (!pathname.startsWith('/quan-tri')) return NextResponse.next({ request: { headers } });

  // Only page loads: a server action (POST) must reach its wrapper, which answers
  // "unauthenticated" and lets the form keep what the user typed.
  const hasCookie = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (!hasCookie && (request.method === 'GET' || request.method === 'HEAD')) {
    const url = request.nextUrl.clone();
    url.pathname = '/dang-nhap';
    url.search = `?next=${encodeURIComponent(path)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

/** What a browser shows for a refused cross-site action. */
export const FOREIGN_ORIGIN_MESSAGE = 'Yêu cầu bị từ chối: thao tác này được gửi từ một trang web khác.';

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const hsts = strictTransportSecurity(env().SITE_URL);
  const foreign = foreignActionOrigin(request.method, request.headers, env().TRUSTED_PROXY_HOPS);
  if (foreign) {
    securityLog.badOrigin({ path: pathname, ...foreign });
    const refused = new NextResponse(FOREIGN_ORIGIN_MESSAGE, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
    if (hsts) refused.headers.set('Strict-Transport-Security', hsts);
    return refused;
  }
  const headers = new Headers(request.headers);
  // Staff and sign-in pages are rendered per request: a fresh nonce, which Next puts on its own
  // scripts when it finds the policy among the request headers (lib/security-headers.ts).
  const csp = isStaffOrSignIn(pathname) ? staffCsp(newNonce(), { dev: process.env.NODE_ENV === 'development' }) : null;
  if (csp) headers.set('Content-Security-Policy', csp);
  const response = route(request, headers);
  if (csp) response.headers.set('Content-Security-Policy', csp);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export const config = {
  // Everything but Next's own assets and files with an extension (icon.svg, …).
  matcher: ['/((?!_next/|api/|.*\\.[a-z0-9]+$).*)'],
};
