import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { COMMON_HEADERS, PUBLIC_CSP, PUBLIC_SOURCE } from './lib/security-headers';
import { ACTION_BODY_LIMIT } from './lib/validations/limits';

// Interface languages: lib/i18n/request.ts (the locale is the public routes' [locale] segment).
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// `npm run serve` (scripts/serve.ts) runs several instances behind nginx and sets these two on
// them; `npm start`, `next build` and the tests set neither and keep Next's defaults.
// KQNK_CACHE=redis: one cache in Redis for every instance (deploy/cache-handler.mjs), with no
//   per-process memory cache in front of it, so an updateTag() on one instance reaches them all.
// KQNK_BEHIND_PROXY=1: nginx compresses, so Next does not (its gzip halves cached throughput).
// KQNK_CACHE=memory: this process writes no cache entry under .next (a second server from the
//   same build, e.g. e2e/outage.spec.ts's on its own database, must not leave pages for the first).
// Either way the handler is wrapped by deploy/bounded-cache.mjs: 404 pages are not stored, past
//   views live in a bounded in-process LRU (PAST_VIEW_CACHE_ENTRIES, PAST_VIEW_CACHE_MB).
const sharedCache: Partial<NextConfig> =
  process.env.KQNK_CACHE === 'redis'
    ? { cacheHandler: path.resolve('deploy/cache-handler.mjs'), cacheMaxMemorySize: 0 }
    : { cacheHandler: path.resolve('deploy/file-cache-handler.mjs') };
const memoryOnly = process.env.KQNK_CACHE === 'memory';

const nextConfig: NextConfig = {
  ...sharedCache,
  compress: process.env.KQNK_BEHIND_PROXY !== '1',
  // PGlite loads its WebAssembly and extension bundles from its own package
  // folder; bundling it breaks those paths at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // Security headers (lib/security-headers.ts): the fixed ones everywhere, the public pages'
  // policy on everything but the staff area and sign-in, whose nonce policy proxy.ts sets.
  async headers() {
    return [
      { source: '/:path*', headers: [...COMMON_HEADERS] },
      { source: PUBLIC_SOURCE, headers: [{ key: 'Content-Security-Policy', value: PUBLIC_CSP }] },
    ];
  },
  typedRoutes: false,
  // Public addresses always match app/[locale]/[at]; this answers the rest (app/global-not-found.tsx).
  experimental: {
    globalNotFound: true,
    // Sized from the schemas' maximum lengths (lib/validations/limits.ts).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    ...(memoryOnly ? { isrFlushToDisk: false } : {}),
  },
};

export default withNextIntl(nextConfig);
