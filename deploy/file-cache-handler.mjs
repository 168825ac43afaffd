/**
 * Next.js's own file-system cache (.next/cache for reads, .next/server/app for pages, with its
 * in-memory LRU of `cacheMaxMemorySize`, 50 MB by default, in front), wrapped by
 * deploy/bounded-cache.mjs so that 404 pages are not stored and past views stay in a bounded
 * in-process LRU instead of on disk, where nothing would ever evict them. next.config.ts uses it
 * whenever KQNK_CACHE is not `redis`.
 */
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { boundedCacheHandler } from './bounded-cache.mjs';

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;

export default boundedCacheHandler(FileSystemCache);
