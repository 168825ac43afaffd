import { describe, expect, it } from 'vitest';
import { safeNextPath, signInHref } from './next-path';
import { clientAddress } from './client-address';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeNextPath('/quan-tri/chi-tieu?trang=2#a')).toBe('/quan-tri/chi-tieu?trang=2#a');
    expect(safeNextPath('/')).toBe('/');
  });

  it('refuses other origins and tricks', () => {
    for (const bad of ['https://evil.example', '//evil.example/x', '/\\evil.example', '\\\\evil', 'javascript:alert(1)', 'quan-tri', '/a\nb', '', undefined, 42]) {
      expect(safeNextPath(bad), String(bad)).toBe('/quan-tri');
    }
  });

  it('refuses the sign-in page itself and the auth API', () => {
    expect(safeNextPath('/dang-nhap?next=/x')).toBe('/quan-tri');
    expect(safeNextPath('/api/auth/signout')).toBe('/quan-tri');
  });

  it('builds the sign-in link', () => {
    expect(signInHref('/quan-tri/nguoi-dung')).toBe('/dang-nhap?next=%2Fquan-tri%2Fnguoi-dung');
    expect(signInHref('https://evil.example')).toBe('/dang-nhap?next=%2Fquan-tri');
  });
});

describe('clientAddress', () => {
  it('takes the entry the nearest proxy appended', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' }))).toBe('10.0.0.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }))).toBe('127.0.0.1');
  });

  it('falls back to x-real-ip, then "unknown"', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
