import 'server-only';
import { unstable_cache } from 'next/cache';

/**
 * Cache a read across requests under `tags`. Results are JSON-serialised, so
 * read functions return plain data (strings for dates and decimals).
 */
export function cachedRead<T>(key: unknown[], tagList: string[], read: () => Promise<T>): Promise<T> {
  return unstable_cache(read, key.map((k) => JSON.stringify(k)), { tags: tagList })();
}
