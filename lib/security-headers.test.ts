import { describe, expect, it } from 'vitest';
import nextConfig from '../next.config';
import { PUBLIC_CSP, strictTransportSecurity } from './security-headers';

describe('security headers', () => {
  it('HSTS only when the public address is https', () => {
    expect(strictTransportSecurity('https://ketqua.example.vn')).toBe('max-age=63072000; includeSubDomains');
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });

  it('next.config sends the fixed headers on every path and the public policy everywhere but the staff area and sign-in', async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === '/:path*')!;
    expect(Object.fromEntries(all.headers.map((h) => [h.key, h.value]))).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    const publicRule = rules.find((r) => r.headers.some((h) => h.key === 'Content-Security-Policy'))!;
    const matches = (path: string) => new RegExp(`^${publicRule.source.replace(/^\//, '/')}$`).test(path);
    for (const path of ['/', '/chi-tieu', '/en/muc/kinh-te', '/in.pdf', '/api/health']) expect(matches(path), path).toBe(true);
    for (const path of ['/quan-tri', '/quan-tri/muc', '/dang-nhap']) expect(matches(path), path).toBe(false);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "img-src 'self' data:"]) expect(PUBLIC_CSP).toContain(directive);
  });
});
