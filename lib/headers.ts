/**
 * Request headers proxy.ts sets on every page request, for server code to read. Plain
 * constants: importable from the proxy, server components and server-only modules alike.
 * The proxy always overwrites them, so a client cannot supply its own values.
 */

/** The requested path (staff pages: with the query, for "back here after sign-in"; public pages: without the locale prefix). Read by lib/auth.ts and lib/reading.ts. */
export const PATHNAME_HEADER = 'x-kqnk-pathname';

/** The reader's `?asOf=` moment, as given (empty when absent). Read by lib/reading.ts. */
export const ASOF_HEADER = 'x-kqnk-asof';

/** The interface language: 'en' for `/en/…`, otherwise 'vi'. Read by lib/reading.ts and lib/i18n/request.ts. */
export const LOCALE_HEADER = 'x-kqnk-locale';
