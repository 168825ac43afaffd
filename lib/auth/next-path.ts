/** Where to send someone after signing in: only a path on this site, never another origin. */

export const SIGN_IN_PATH = '/dang-nhap';
export const STAFF_HOME = '/quan-tri';

/**
 * `value` if it is a same-site relative path ("/quan-tri/chi-tieu?trang=2"), else `fallback`.
 * Refuses absolute URLs, protocol-relative "//host", backslash tricks ("/\host"), control
 * characters, and the sign-in page itself (a loop).
 */
export function safeNextPath(value: unknown, fallback: string = STAFF_HOME): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- refuses control characters in the address, on purpose
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, 'http://same.site');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://same.site') return fallback;
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`) || url.pathname.startsWith('/api/')) {
    return fallback;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/** "/dang-nhap?next=%2Fquan-tri%2Fchi-tieu" */
export function signInHref(next?: string): string {
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(safeNextPath(next))}`;
}
