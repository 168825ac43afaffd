import 'server-only';
import { unstable_cache } from 'next/cache';
import { isDatabaseUnavailable } from '@/lib/errors';

/**
 * How long a page rendered from remembered data (the database being down) stays fresh: after
 * that it is served as it is while being rendered again, so it catches up once the database
 * is back, without a request ever waiting on it.
 */
const STALE_IF_ERROR_SECONDS = 5;
/** Reads remembered for an outage, newest last (a Map keeps insertion order). */
const LAST_GOOD_MAX = 500;
const lastGood = new Map<string, unknown>();

function remember(id: string, value: unknown) {
  lastGood.delete(id);
  lastGood.set(id, value);
  if (lastGood.size > LAST_GOOD_MAX) lastGood.delete(lastGood.keys().next().value!);
}

/**
 * Cache a read across requests under `tags`. Results are JSON-serialised, so
 * read functions return plain data (strings for dates and decimals).
 *
 * Stale if error: when an edit has cleared a tag and the database is down before the page is
 * rendered again, the read answers with the last value this process saw for it instead of
 * failing the page; that render is kept only STALE_IF_ERROR_SECONDS. A read never seen before
 * still fails (the page shows the outage notice, app/[locale]/[at]/error.tsx).
 */
export async function cachedRead<T>(key: unknown[], tagList: string[], read: () => Promise<T>): Promise<T> {
  const parts = key.map((k) => JSON.stringify(k));
  const id = parts.join('\u0000');
  try {
    const value = await unstable_cache(read, parts, { tags: tagList })();
    remember(id, value);
    return value;
  } catch (error) {
    if (!isDatabaseUnavailable(error) || !lastGood.has(id)) throw error;
    console.warn(`[cache] database unavailable: serving the last value read for ${id.replaceAll('\u0000', ' ')}`);
    const remembered = lastGood.get(id) as T;
    // Through unstable_cache with a short `revalidate`, which shortens the page's own lifetime.
    return unstable_cache(async () => remembered, [...parts, '"stale-if-error"'], { tags: tagList, revalidate: STALE_IF_ERROR_SECONDS })();
  }
}
