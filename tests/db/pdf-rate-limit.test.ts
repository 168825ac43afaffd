/**
 * `/in.pdf`'s per-address limit, through the route handler itself (app/in.pdf/route.ts) on a
 * real database: only a request that would start a Chromium counts, and past the limit the
 * answer is 429 with Retry-After. CHROMIUM_PATH names no browser, so an allowed request answers
 * 503 ("no Chromium here") right after the limit is checked: no browser is started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

Object.assign(process.env, { RATE_LIMIT_PDF: '2', RATE_LIMIT_ADDRESSES: '1000', TRUSTED_PROXY_HOPS: '1', CHROMIUM_PATH: '/nonexistent/chromium' });

const { GET } = await import('@/app/in.pdf/route');

const pdf = (address: string, query = '') =>
  GET(new Request(`http://portal.test/in.pdf${query}`, { headers: { 'x-forwarded-for': address, accept: 'text/html' } }));

describe(`/in.pdf rate limit (${databaseKind()})`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    // The route reads through the application's shared handle (db/index.ts): this test's database.
    (globalThis as unknown as { __kqnkDb?: Promise<TestDatabase> }).__kqnkDb = Promise.resolve(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets an address start 2 renders a minute, then answers 429 with Retry-After; a bad asOf and other addresses are not held back', async () => {
    expect((await pdf('192.0.2.10')).status).toBe(503);
    expect((await pdf('192.0.2.10')).status).toBe(503);
    const refused = await pdf('192.0.2.10');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Too many PDF downloads');
    expect((await pdf('192.0.2.10', '?asOf=hom-qua')).status).toBe(400);
    expect((await pdf('192.0.2.11')).status).toBe(503);
  });

  it('2 000 distinct addresses: each answered, the limiter bounded by RATE_LIMIT_ADDRESSES (1 000 here)', async () => {
    const { rateLimiter } = await import('@/lib/rate-limit');
    for (let i = 0; i < 2_000; i++) expect((await pdf(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)).status).toBe(503);
    expect(rateLimiter('pdf').size).toBeLessThanOrEqual(1_000);
  });
});
