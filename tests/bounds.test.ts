/**
 * Bounded by design: 10 000 distinct junk requests leave the server's cache and memory within a
 * documented bound (README, "Bounded by design").
 *
 * - the rate limiter (lib/rate-limit.ts) through proxy.ts, with a distinct X-Forwarded-For per
 *   request (TRUSTED_PROXY_HOPS=1), as nginx would pass them;
 * - the cache handler (deploy/bounded-cache.mjs) over Next's real file-system cache in a
 *   temporary folder: 404 pages and past views never reach the disk, past views stay within
 *   PAST_VIEW_CACHE_ENTRIES / PAST_VIEW_CACHE_MB.
 * The real `next start` path (an unknown code rendered twice leaves no file; search and past-view
 * limits answering 429) was checked by hand against a server on PostgreSQL; see the README.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';

// Before anything reads the configuration (lib/env.ts reads it once, on first use).
Object.assign(process.env, {
  TRUSTED_PROXY_HOPS: '1',
  RATE_LIMIT_SEARCH: '5',
  RATE_LIMIT_PAST_VIEWS: '5',
  RATE_LIMIT_PDF: '2',
  RATE_LIMIT_ADDRESSES: '1000',
  PAST_VIEW_CACHE_ENTRIES: '500',
  PAST_VIEW_CACHE_MB: '4',
});

const { proxy } = await import('@/proxy');
const { RateLimiter, rateLimiter, countedStamp, takeTokenOnce } = await import('@/lib/rate-limit');
const { RATE_COUNTED_HEADER } = await import('@/lib/headers');
const { isPastViewCached, PAST_VIEW_PAGES_KEY } = await import('@/lib/past-view-cache');
const { tags } = await import('@/db/cache-tags');
const bounded = await import('../deploy/bounded-cache.mjs');
const { nodeFs } = await import('next/dist/server/lib/node-fs-methods.js');
const fileSystemCache = await import('next/dist/server/lib/incremental-cache/file-system-cache.js');
const FileSystemCache = (fileSystemCache as unknown as { default: { default?: unknown } }).default.default ?? fileSystemCache.default;

const JUNK = 10_000;
const MiB = 1024 * 1024;

function get(url: string, address: string) {
  return proxy(new NextRequest(new URL(url, 'http://portal.test'), { headers: { 'x-forwarded-for': address, accept: 'text/html' } }));
}

// A real collection before each reading, so what is measured is what stays reachable, not
// garbage the collector has not got to yet (which made the figure depend on the machine's load).
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function heapUsed(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

describe('rate limits per client address (lib/rate-limit.ts)', () => {
  it('gives each address its minute’s allowance, then refuses with when to come back, and refills evenly', () => {
    const limiter = new RateLimiter(6, 100);
    const t0 = 1_000_000;
    for (let i = 0; i < 6; i++) expect(limiter.take('10.0.0.1', t0).ok).toBe(true);
    expect(limiter.take('10.0.0.1', t0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('10.0.0.2', t0).ok).toBe(true);
    // One token every 10 s at 6 a minute.
    expect(limiter.take('10.0.0.1', t0 + 10_000).ok).toBe(true);
    expect(limiter.take('10.0.0.1', t0 + 10_000).ok).toBe(false);
    expect(new RateLimiter(0, 100).take('x', t0).ok).toBe(true); // 0: no limit
  });

  it('limits nobody when the server knows no client address, rather than every reader in one bucket', () => {
    const limiter = new RateLimiter(2, 100);
    for (let i = 0; i < 10; i++) expect(limiter.take('unknown').ok).toBe(true);
    expect(limiter.size).toBe(0);
    expect(limiter.take('203.0.113.9').ok).toBe(true);
    expect(limiter.take('203.0.113.9').ok).toBe(true);
    expect(limiter.take('203.0.113.9').ok).toBe(false);
  });

  it('remembers at most maxAddresses: 10 000 junk addresses cost a bounded map', () => {
    const limiter = new RateLimiter(60, 1_000);
    const before = heapUsed();
    for (let i = 0; i < JUNK; i++) limiter.take(`198.51.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(1_000);
    // ~200 bytes an address; the bound documented in the README is 1 MiB per 1 000 addresses.
    expect(heapUsed() - before).toBeLessThan(8 * MiB);
  });

  it('search: 429 with Retry-After and a readable page once an address has used its 5 a minute; other addresses go on', async () => {
    for (let i = 0; i < 5; i++) {
      const ok = get('/tim-kiem?q=lúa', '203.0.113.7');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-middleware-rewrite')).toBe('http://portal.test/vi/hien-hanh/tim-kiem?q=l%C3%BAa');
      // Counted here, so the search page does not count it again.
      expect(ok.headers.get(`x-middleware-request-${RATE_COUNTED_HEADER}`)).toBe(countedStamp());
    }
    const refused = get('/en/tim-kiem?q=lúa', '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const page = await refused.text();
    expect(page).toContain('Quá nhiều yêu cầu');
    expect(page).toContain('Too many searches');
    expect(get('/tim-kiem?q=lúa', '203.0.113.8').status).toBe(200);
    // The search page without a query, and other pages, are not searches.
    expect(get('/tim-kiem', '203.0.113.7').status).toBe(200);
    expect(get('/chi-tieu', '203.0.113.7').status).toBe(200);
    // The search page counts what the proxy did not: a forged stamp is counted (and refused here).
    expect(takeTokenOnce('search', new Headers({ [RATE_COUNTED_HEADER]: 'forged' }), '203.0.113.7').ok).toBe(false);
    expect(takeTokenOnce('search', new Headers({ [RATE_COUNTED_HEADER]: countedStamp() }), '203.0.113.7').ok).toBe(true);
  });

  it('past views: first renders are limited, a past view already in the cache is not', async () => {
    for (let i = 1; i <= 5; i++) expect(get(`/chi-tieu?asOf=r${i}`, '203.0.113.9').status).toBe(200);
    expect(get('/chi-tieu?asOf=r6', '203.0.113.9').status).toBe(429);
    // Now cached in this process (as deploy/bounded-cache.mjs records it): served whatever the count.
    bounded.pastViewCache().set('/route-cache/APP_PAGE/x/$/vi/r6/chi-tieu', { value: { kind: 'APP_PAGE', html: '<p>r6</p>', status: 200, headers: {} }, lastModified: 0 }, { tags: [], page: '/vi/r6/chi-tieu' });
    expect(isPastViewCached('/vi/r6/chi-tieu')).toBe(true);
    const cached = get('/chi-tieu?asOf=r6', '203.0.113.9');
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-middleware-rewrite')).toBe('http://portal.test/vi/r6/chi-tieu?asOf=r6');
    // The report now, and `r0` (before the first revision), are not past views.
    expect(get('/chi-tieu', '203.0.113.9').status).toBe(200);
    expect(get('/chi-tieu?asOf=r0', '203.0.113.9').status).toBe(200);
  });

  it('10 000 distinct addresses asking for a search and a past view each: every one answered, the limiter bounded', () => {
    const before = heapUsed();
    for (let i = 0; i < JUNK; i++) {
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      expect(get(`/tim-kiem?q=junk-${i}`, address).status).toBe(200);
      expect(get(`/chi-tieu/junk-${i}?asOf=r${i + 1}`, address).status).toBe(200);
    }
    expect(rateLimiter('search').size).toBeLessThanOrEqual(1_000);
    expect(rateLimiter('pastViews').size).toBeLessThanOrEqual(1_000);
    expect(heapUsed() - before).toBeLessThan(32 * MiB);
  });
});

describe('the cache handler (deploy/bounded-cache.mjs) over Next’s file-system cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-bounds-'));
  const serverDistDir = path.join(dir, 'server');
  type Handler = {
    get(key: string, ctx: object): Promise<{ value: { html?: string } } | null>;
    set(key: string, value: object | null, ctx: object): Promise<void>;
    revalidateTag(tags: string | string[]): Promise<void>;
  };
  const Bounded = bounded.boundedCacheHandler(FileSystemCache) as unknown as new (ctx: object) => Handler;
  const handler = new Bounded({ fs: nodeFs, serverDistDir, flushToDisk: true, maxMemoryCacheSize: 0, revalidatedTags: [] });
  const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);
  const page = (html: string, status = 200) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from(html), status, headers: { 'x-next-cache-tags': '_N_T_/layout' } });
  const key = (pagePath: string) => `/route-cache/APP_PAGE/0123abcd/$${pagePath}`;
  const pageCtx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };
  const pastTag = tags.past('soc-trang-2020-2025');

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the names lib/past-view-cache.ts and db/cache-tags.ts use', () => {
    bounded.pastViewCache();
    expect(Object.getOwnPropertySymbols(globalThis).some((s) => s.description === PAST_VIEW_PAGES_KEY)).toBe(true);
    expect(bounded.placeOf('x', { kind: 'FETCH', tags: [pastTag] })).toBe('past');
    expect(bounded.placeOf(key('/vi/r12/chi-tieu'), pageCtx)).toBe('past');
    expect(bounded.placeOf(key('/vi/hien-hanh/chi-tieu'), pageCtx)).toBe('inner');
  });

  it('stores a live page on disk, as before', async () => {
    await handler.set(key('/vi/hien-hanh/chi-tieu'), page('<h1>Chỉ tiêu</h1>'), pageCtx);
    expect(files()).toBeGreaterThan(0);
    expect((await handler.get(key('/vi/hien-hanh/chi-tieu'), pageCtx))?.value.html).toBe('<h1>Chỉ tiêu</h1>');
  });

  it('10 000 unknown addresses answered 404: nothing stored, on disk or in memory', async () => {
    const before = files();
    for (let i = 0; i < JUNK; i++) await handler.set(key(`/vi/hien-hanh/chi-tieu/junk-${i}`), page('<h1>Không tìm thấy trang</h1>', 404), pageCtx);
    expect(files()).toBe(before);
    expect(await handler.get(key('/vi/hien-hanh/chi-tieu/junk-1'), pageCtx)).toBeNull();
  });

  it('10 000 distinct past views and past reads: none on disk, at most 500 entries and 4 MiB kept, least recently used evicted', async () => {
    const before = files();
    const heapBefore = heapUsed();
    const past = bounded.pastViewCache();
    const html = 'x'.repeat(2_000);
    await handler.set(key('/vi/r1/chi-tieu'), page(html), pageCtx);
    for (let i = 2; i <= JUNK; i++) {
      await handler.set(key(`/vi/r${i}/chi-tieu`), page(html), pageCtx);
      await handler.set(`fetch-${i}`, { kind: 'FETCH', data: { headers: {}, body: '{"id":1}', status: 200, url: '' }, revalidate: 31536000, tags: [pastTag] }, { fetchCache: true, tags: [pastTag] });
      if (i % 100 === 0) await handler.get(key('/vi/r1/chi-tieu'), pageCtx); // kept in use
    }
    expect(files()).toBe(before);
    expect(past.size).toBeLessThanOrEqual(500);
    expect(past.bytes).toBeLessThanOrEqual(4 * MiB);
    expect(past.pages.size).toBeLessThanOrEqual(500);
    expect((await handler.get(key('/vi/r1/chi-tieu'), pageCtx))?.value.html).toBe(html);
    expect(isPastViewCached('/vi/r1/chi-tieu')).toBe(true);
    expect(await handler.get(key('/vi/r2/chi-tieu'), pageCtx)).toBeNull();
    expect(isPastViewCached('/vi/r2/chi-tieu')).toBe(false);
    expect(heapUsed() - heapBefore).toBeLessThan(48 * MiB);
  });

  it('a purge of the past tag empties it; other tags leave past views alone', async () => {
    const past = bounded.pastViewCache();
    await handler.revalidateTag(['latest:soc-trang-2020-2025', '_N_T_/layout']);
    expect(past.size).toBeGreaterThan(0);
    await handler.revalidateTag(pastTag);
    expect([...past.entries.values()].some((e: { tags: string[] }) => e.tags.includes(pastTag))).toBe(false);
  });
});
