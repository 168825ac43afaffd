/**
 * Convenience only: a visitor with no session cookie at all who opens a staff page is sent to
 * sign-in straight away (with `?next=` to come back). This file decides nothing about access —
 * a cookie's presence says nothing about whether it is valid. The real gate is lib/auth.ts,
 * called by every staff page, every server action and every data write.
 *
 * For public pages it passes the reader's `?asOf=` and path on as request headers (lib/reading.ts).
 *
 * Interface language: `/en` and `/en/<path>` are rewritten to `/<path>` with the locale header
 * set to `en`; every other request gets `vi`. The header is always overwritten, so a client
 * cannot choose it. The staff area and sign-in exist in Vietnamese only: `/en/quan-tri…` and
 * `/en/dang-nhap` redirect to their unprefixed address.
 *
 * It also passes the requested path on in a request header, so a page that finds the session
 * expired can send the visitor back to the same place after sign-in.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { ASOF_HEADER, LOCALE_HEADER, PATHNAME_HEADER } from '@/lib/headers';
import { splitLocale, type Locale } from '@/lib/i18n/config';

// Auth.js session cookie, plain or `__Secure-` over HTTPS, possibly split into `.0`, `.1`, …
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** Pages that exist in Vietnamese only. */
const isVietnameseOnly = (path: string) => path.startsWith('/quan-tri') || path === '/dang-nhap' || path.startsWith('/dang-nhap/');

/**
 * Public pages: pass the reader's `?asOf=` moment, path and language on to layouts and components.
 * `path` is the address without the locale prefix; an English request is rewritten to it.
 */
function publicRequest(request: NextRequest, locale: Locale, path: string) {
  const headers = new Headers(request.headers);
  // Always overwritten, so a client cannot supply its own value.
  headers.set(ASOF_HEADER, request.nextUrl.searchParams.get('asOf') ?? '');
  headers.set(PATHNAME_HEADER, path);
  headers.set(LOCALE_HEADER, locale);
  if (locale === 'vi') return NextResponse.next({ request: { headers } });
  const url = request.nextUrl.clone();
  url.pathname = path;
  return NextResponse.rewrite(url, { request: { headers } });
}

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const localized = splitLocale(pathname);
  if (localized.locale === 'en') {
    if (!isVietnameseOnly(localized.path)) return publicRequest(request, 'en', localized.path);
    const url = request.nextUrl.clone();
    url.pathname = localized.path;
    return NextResponse.redirect(url);
  }
  if (!pathname.startsWith('/quan-tri')) return publicRequest(request, 'vi', pathname);
  const query = new URLSearchParams(searchParams);
  query.delete('_rsc'); // Next's cache-busting parameter on client navigations, not part of the page's address
  const search = query.toString();
  const path = search ? `${pathname}?${search}` : pathname;
  const hasCookie = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));

  // Only page loads: a server action (POST) must reach its wrapper, which answers
  // "unauthenticated" and lets the form keep what the user typed.
  if (!hasCookie && (request.method === 'GET' || request.method === 'HEAD')) {
    const url = request.nextUrl.clone();
    url.pathname = '/dang-nhap';
    url.search = `?next=${encodeURIComponent(path)}`;
    return NextResponse.redirect(url);
  }

  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, path);
  headers.set(LOCALE_HEADER, 'vi');
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but Next's own assets and files with an extension (icon.svg, …).
  matcher: ['/((?!_next/|api/|.*\\.[a-z0-9]+$).*)'],
};
