/**
 * What anonymous requests can add to Next.js's cache, bounded. Wraps the cache handler in use
 * (Next's own file-system cache, deploy/file-cache-handler.mjs, or Redis, deploy/cache-handler.mjs)
 * so that:
 *
 * - a 404 page is never stored: an unknown address answers 404 every time it is asked, rendered
 *   again (from the cached reads it shares with every other page), and leaves nothing behind.
 *   Unknown codes and slugs get no data entry either (db/queries/cached-reads.ts checks them
 *   against the report's list of known keys first), and an unknown `r<id>` is a 404;
 * - past views (pages under `/<locale>/r<id>/…` and the reads tagged as past,
 *   `report:<slug>:past`, db/cache-tags.ts) live only in a bounded in-process LRU, never on disk
 *   or in Redis: at most PAST_VIEW_CACHE_ENTRIES entries (default 2 000) and PAST_VIEW_CACHE_MB
 *   megabytes (default 64) per process, the least recently used evicted first. A past view never
 *   changes once rendered, so each instance keeping its own copy is safe; an evicted one is
 *   rendered again on its next request (and that first render counts against the reader's
 *   past-view rate limit, proxy.ts).
 *
 * Everything else (the live pages, their reads, tags) goes to the wrapped handler unchanged.
 * Next creates a handler per request: the LRU is one per process, on globalThis.
 */

/** lib/past-view-cache.ts reads this registry to tell a cached past view from a first render. */
const PAST_VIEW_PAGES_KEY = 'kqnk.past-view-pages';
const PAST_VIEW_CACHE_KEY = 'kqnk.past-view-cache';
/** A past view's page path (lib/past-view-cache.ts: PAST_VIEW_PATH). */
const PAST_VIEW_PATH = /^\/(vi|en)\/r[1-9]\d*(\/|$)/;
/** The tag past reads carry (db/cache-tags.ts: tags.past): cleared only by a purge. */
const PAST_TAG = /^report:.+:past$/;
const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/** The page path of a response-cache key (`/route-cache/APP_PAGE/<hash>/$/vi/r12/chi-tieu` → `/vi/r12/chi-tieu`). */
export function pagePathOf(key) {
  const marker = key.indexOf('/$/');
  return marker === -1 ? key : key.slice(marker + 2);
}

const isResponse = (kind) => kind === 'APP_PAGE' || kind === 'APP_ROUTE' || kind === 'PAGES';

/** Roughly what an entry holds in memory, in bytes (strings counted at one byte a character). */
export function entrySize(value) {
  if (!value) return 0;
  if (value.kind === 'APP_PAGE') {
    let size = (value.html?.length ?? 0) + (value.rscData?.byteLength ?? 0) + JSON.stringify(value.headers ?? {}).length;
    for (const buffer of value.segmentData?.values() ?? []) size += buffer.byteLength;
    return size;
  }
  return JSON.stringify(value).length;
}

/** The least recently used past views, bounded by count and by bytes. */
export class PastViewCache {
  constructor({ maxEntries, maxBytes }) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.entries = new Map();
    this.bytes = 0;
    /** The page paths held, for lib/past-view-cache.ts. */
    this.pages = new Set();
  }

  get size() {
    return this.entries.size;
  }

  get(key) {
    const found = this.entries.get(key);
    if (!found) return null;
    // Re-inserted: the Map's first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.entry;
  }

  set(key, entry, { tags, page }) {
    this.delete(key);
    const size = entrySize(entry.value) + key.length;
    if (this.maxEntries === 0 || size > this.maxBytes) return;
    this.entries.set(key, { entry, tags, page, size });
    this.bytes += size;
    if (page) this.pages.add(page);
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) this.delete(this.entries.keys().next().value);
  }

  delete(key) {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    this.bytes -= found.size;
    if (found.page) this.pages.delete(found.page);
  }

  /** A purge of the past tag drops what carries it. No other tag concerns a past view. */
  dropTags(tags) {
    const purged = tags.filter((tag) => PAST_TAG.test(tag));
    if (purged.length === 0) return;
    for (const [key, { tags: held }] of [...this.entries]) if (held.some((tag) => purged.includes(tag))) this.delete(key);
  }
}

function limitFromEnv(name, fallback) {
  const raw = process.env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** This process's past-view cache (PAST_VIEW_CACHE_ENTRIES, PAST_VIEW_CACHE_MB; lib/env.ts validates them). */
export function pastViewCache() {
  const g = globalThis;
  const key = Symbol.for(PAST_VIEW_CACHE_KEY);
  if (!g[key]) {
    g[key] = new PastViewCache({
      maxEntries: limitFromEnv('PAST_VIEW_CACHE_ENTRIES', 2_000),
      maxBytes: limitFromEnv('PAST_VIEW_CACHE_MB', 64) * 1024 * 1024,
    });
    g[Symbol.for(PAST_VIEW_PAGES_KEY)] = g[key].pages;
  }
  return g[key];
}

/** Where an entry belongs: 'skip' (a 404 page), 'past' (the LRU) or 'inner' (the wrapped handler). */
export function placeOf(key, ctx, value) {
  const kind = value?.kind ?? ctx?.kind;
  if (isResponse(kind)) {
    if (value && value.status === 404) return 'skip';
    return PAST_VIEW_PATH.test(pagePathOf(key)) ? 'past' : 'inner';
  }
  if (kind === 'FETCH') return (ctx?.tags ?? value?.tags ?? []).some((tag) => PAST_TAG.test(tag)) ? 'past' : 'inner';
  return 'inner';
}

function tagsOf(key, ctx, value) {
  if (value?.kind === 'FETCH') return ctx?.tags ?? value.tags ?? [];
  const header = value?.headers?.[CACHE_TAGS_HEADER];
  return typeof header === 'string' ? header.split(',') : [];
}

/** `Inner` wrapped: 404 pages skipped, past views in the bounded LRU, the rest to `Inner`. */
export function boundedCacheHandler(Inner) {
  return class BoundedCacheHandler {
    constructor(ctx) {
      this.inner = new Inner(ctx);
      this.past = pastViewCache();
    }

    async get(key, ctx) {
      if (placeOf(key, ctx) === 'past') return this.past.get(key);
      return this.inner.get(key, ctx);
    }

    async set(key, value, ctx) {
      const place = placeOf(key, ctx, value);
      if (place === 'skip') return this.past.delete(key);
      if (place === 'past') {
        if (!value) return this.past.delete(key);
        const page = value.kind === 'FETCH' ? null : pagePathOf(key);
        this.past.set(key, { value, lastModified: Date.now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl }, { tags: tagsOf(key, ctx, value), page });
        return;
      }
      return this.inner.set(key, value, ctx);
    }

    async revalidateTag(tags, durations) {
      this.past.dropTags(typeof tags === 'string' ? [tags] : tags);
      return this.inner.revalidateTag(tags, durations);
    }

    resetRequestCache() {
      this.inner.resetRequestCache?.();
    }
  };
}
