/** Types of deploy/bounded-cache.mjs, for the tests that call it. */
type Entry = { value: unknown; lastModified: number; cacheControl?: unknown };
export declare class PastViewCache {
  constructor(limits: { maxEntries: number; maxBytes: number });
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly entries: Map<string, { entry: Entry; tags: string[]; page: string | null; size: number }>;
  readonly bytes: number;
  readonly pages: Set<string>;
  readonly size: number;
  get(key: string): Entry | null;
  set(key: string, entry: Entry, meta: { tags: string[]; page: string | null }): void;
  delete(key: string): void;
  dropTags(tags: string[]): void;
}
export declare function pagePathOf(key: string): string;
export declare function entrySize(value: unknown): number;
export declare function pastViewCache(): PastViewCache;
export declare function placeOf(key: string, ctx?: { kind?: string; tags?: string[] }, value?: { kind?: string; status?: number; tags?: string[] } | null): 'skip' | 'past' | 'inner';
export declare function boundedCacheHandler<T>(Inner: T): new (ctx: object) => unknown;
