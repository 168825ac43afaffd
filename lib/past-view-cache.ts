/**
 * Which past-view pages this process holds in its cache, as deploy/bounded-cache.mjs records
 * them (that handler keeps past views in a bounded in-process LRU, never on disk or in Redis).
 * proxy.ts asks it so that only a past view about to be rendered counts against the reader's
 * past-view limit; a page served from the cache costs nothing. Without the handler (unit tests)
 * nothing is known to be cached, so every past-view request counts.
 */

/** The registry's key on globalThis; deploy/bounded-cache.mjs uses the same name. */
export const PAST_VIEW_PAGES_KEY = 'kqnk.past-view-pages';

/** A past view: the `[at]` segment names a revision (`r0`, before the first, is one page per address). */
export const PAST_VIEW_PATH = /^\/(vi|en)\/r[1-9]\d*(\/|$)/;

/** Whether the page at `pagePath` (`/vi/r12/chi-tieu/…`, the rewritten path) is in this process's cache. */
export function isPastViewCached(pagePath: string): boolean {
  const pages = (globalThis as unknown as Record<symbol, { has(path: string): boolean } | undefined>)[Symbol.for(PAST_VIEW_PAGES_KEY)];
  return pages?.has(pagePath.replace(/\/$/, '')) ?? false;
}
