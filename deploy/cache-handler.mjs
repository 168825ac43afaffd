/**
 * Next.js's shared cache in Redis, for several `next start` instances of one build
 * (`npm run serve`). next.config.ts points `cacheHandler` here only when KQNK_CACHE=redis;
 * otherwise Next keeps its own file cache in .next/cache.
 *
 * Package: @fortedigital/nextjs-cache-handler (redis-strings). Everything lives in Redis — the
 * entries (`unstable_cache` reads, and ISR pages when there are some) and the tag index — so
 * when `updateTag(tag)` runs on one instance, the entries carrying that tag are deleted from
 * Redis and the next read on ANY instance misses and re-reads the database. No instance keeps a
 * copy of its own (no in-memory layer), so there is nothing to keep in sync between them.
 *
 * Keys: `kqnk:<deployment id>:<build id>:…`. With a deploymentId Next.js uses a constant build id,
 * so the deployment id (new for every build `npm run serve` makes) is what keeps two builds apart.
 *
 * Wrapped by deploy/bounded-cache.mjs: 404 pages are never stored, and past views are kept in a
 * bounded LRU of each instance instead of Redis (they never change, so copies cannot disagree).
 *
 * REDIS_URL (default redis://127.0.0.1:6379). A failed read counts as a miss (the page renders
 * from the database). A failed invalidation is logged here (the package itself swallows it): its
 * entries would stay until they expire, which is why `npm run serve` refuses to start without Redis.
 */
import { createClient } from '@redis/client';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { boundedCacheHandler } from './bounded-cache.mjs';

const DAY = 24 * 60 * 60;

/** The key prefix of one build (scripts/serve/build.ts computes the same, to clear it at start). */
export function cacheKeyPrefix(deploymentId, buildId) {
  return `kqnk:${deploymentId || 'no-deployment'}:${(buildId || 'no-build').trim()}:`;
}

let lastErrorLog = 0;

CacheHandler.onCreation(async ({ buildId }) => {
  const client = createClient({
    url: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    pingInterval: 10_000,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries) => Math.min(200 * (retries + 1), 5_000) },
  });
  client.on('error', (error) => {
    // At most one line every 10 s while Redis is away.
    if (Date.now() - lastErrorLog > 10_000) {
      lastErrorLog = Date.now();
      console.error(`[cache] Redis: ${error?.message ?? error}`);
    }
  });
  await client.connect();
  const keyPrefix = cacheKeyPrefix(process.env.NEXT_DEPLOYMENT_ID, buildId);
  const redis = createRedisHandler({ client, keyPrefix, timeoutMs: 2_000 });
  const logged = {
    ...redis,
    async revalidateTag(tag) {
      try {
        await redis.revalidateTag(tag);
      } catch (error) {
        console.error(`[cache] invalidating tag ${tag} failed: ${error?.message ?? error}`);
        throw error;
      }
    },
  };
  return {
    handlers: [logged],
    // Reads without their own lifetime (ours: unstable_cache with tags only) stay in Redis for
    // at most two days without a read being invalidated; a tag invalidation deletes them at once.
    ttl: { defaultStaleAge: DAY, estimateExpireAge: (staleAge) => staleAge * 2 },
  };
});

// 404 pages are not stored and past views stay in each instance's bounded LRU (deploy/bounded-cache.mjs).
export default boundedCacheHandler(CacheHandler);
