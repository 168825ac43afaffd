import { describe, expect, it } from 'vitest';
import { etagFor, isNotModified, originFromHeaders } from './http';

describe('HTTP caching', () => {
  const etag = etagFor({ slug: 's', revisionId: 7, representation: 'indicators.csv' });
  const lastModified = '2026-01-31T08:00:00.900Z';
  const h = (init: Record<string, string>) => new Headers(init);

  it('derives a strong ETag from slug, revision and representation', () => {
    expect(etag).toBe('"s.r7.indicators.csv.v1"');
    expect(etagFor({ slug: 's', revisionId: 8, representation: 'indicators.csv' })).not.toBe(etag);
    expect(etagFor({ slug: 's', revisionId: 7, representation: 'indicators.json' })).not.toBe(etag);
    const a = etagFor({ slug: 's', revisionId: 7, representation: 'changes.atom', variant: 'https://a.vn' });
    expect(a).not.toBe(etagFor({ slug: 's', revisionId: 7, representation: 'changes.atom', variant: 'https://b.vn' }));
  });

  it('answers If-None-Match (lists, weak form, *) before If-Modified-Since', () => {
    expect(isNotModified(h({ 'if-none-match': etag }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-none-match': `"x", W/${etag}` }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-none-match': '*' }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-none-match': '"other"', 'if-modified-since': new Date().toUTCString() }), { etag, lastModified })).toBe(false);
  });

  it('compares If-Modified-Since at second precision', () => {
    expect(isNotModified(h({ 'if-modified-since': 'Sat, 31 Jan 2026 08:00:00 GMT' }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-modified-since': 'Sat, 31 Jan 2026 07:59:59 GMT' }), { etag, lastModified })).toBe(false);
    expect(isNotModified(h({ 'if-modified-since': 'not a date' }), { etag, lastModified })).toBe(false);
    expect(isNotModified(h({}), { etag, lastModified })).toBe(false);
  });

  it('reads the public origin from forwarded headers, refusing odd hosts', () => {
    expect(originFromHeaders(h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'ketqua.example.vn', 'x-forwarded-proto': 'https' }))).toBe(
      'https://ketqua.example.vn',
    );
    expect(originFromHeaders(h({ host: 'localhost:3000' }))).toBe('http://localhost:3000');
    expect(originFromHeaders(h({ host: 'evil.vn/"><script>' }))).toBeNull();
  });
});
