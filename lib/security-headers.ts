/**
 * The security headers, in one place. next.config.ts sends the fixed ones on every response
 * (pages, API, files) and the public pages' policy; proxy.ts adds, per request, the staff and
 * sign-in pages' nonce-based policy and HSTS (which depends on SITE_URL at run time).
 *
 * Two policies, because the public pages are cached whole (the same HTML for every reader):
 *   - staff and sign-in pages are rendered per request, so each gets a fresh nonce and runs only
 *     scripts carrying it (`'strict-dynamic'`): an injected <script> does not run;
 *   - a cached public page cannot carry a per-request nonce, and Next writes its page data as
 *     inline scripts that differ per page (no fixed hash list can name them), so public pages
 *     allow `'self'` and inline scripts. They hold no session and nothing a reader typed: text
 *     is escaped by React and Markdown is sanitised (lib/markdown.ts); everything else is as
 *     strict as on staff pages (no plugins, no <base>, no framing, images only from here).
 */

/** Sent on every response. */
export const COMMON_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()',
  },
  // For browsers that predate CSP's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** One policy: the same strict set everywhere, with the page's own rule for scripts. */
const policy = (scriptSrc: string) =>
  [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');

/** Public pages (cached whole): see above for why scripts are `'self' 'unsafe-inline'`. */
export const PUBLIC_CSP = policy("'self' 'unsafe-inline'");

/** Staff and sign-in pages: only scripts with this request's nonce (and what they load) run. */
export function staffCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  // React in development rebuilds error stacks with eval; production needs no eval.
  return policy(`'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`);
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** HSTS when the public address is https (two years, subdomains included); nothing over plain http. */
export function strictTransportSecurity(siteUrl: string | undefined): string | null {
  return siteUrl?.startsWith('https://') ? 'max-age=63072000; includeSubDomains' : null;
}

/** Paths whose pages get the staff policy from proxy.ts; everything else gets PUBLIC_CSP from next.config.ts. */
export const isStaffOrSignIn = (path: string) => path.startsWith('/quan-tri') || path === '/dang-nhap' || path.startsWith('/dang-nhap/');
/** The same rule as a next.config `source` pattern: every path but the staff area and sign-in. */
export const PUBLIC_SOURCE = '/((?!quan-tri|dang-nhap).*)';
