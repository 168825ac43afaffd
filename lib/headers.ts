/**
 * Request headers proxy.ts sets, for server code to read. Plain constants: importable from the
 * proxy and server modules alike. The proxy always overwrites them, so a client cannot supply
 * its own values. Public pages read no request header at all (lib/reading.ts).
 */

/** The requested staff or sign-in path, with its query, for "back here after sign-in". Read by lib/auth.ts. */
export const PATHNAME_HEADER = 'x-kqnk-pathname';

/** For app/api/as-of: the moment asked for (an ISO instant) and the page to come back to. */
export const AS_OF_HEADER = 'x-kqnk-as-of';
export const AS_OF_TO_HEADER = 'x-kqnk-as-of-to';

/** Sent by Next's client with every server action POST: the action's id. */
export const NEXT_ACTION_HEADER = 'next-action';

/**
 * Set by proxy.ts on a search it has already counted against the reader's rate limit
 * (lib/rate-limit.ts): a per-process random value a client cannot guess, so the search page
 * counts only the searches that did not come through the proxy.
 */
export const RATE_COUNTED_HEADER = 'x-kqnk-rate-counted';
