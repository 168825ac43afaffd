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
  const socket = (address: string, forwarded?: string) =>
    new Headers({ 'x-kqnk-socket-address': address, ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) });

  it('with no proxy trusted, is the socket address: a written X-Forwarded-For changes nothing', () => {
    expect(clientAddress(socket('203.0.113.9', '6.6.6.6'), 0, true)).toBe('203.0.113.9');
    expect(clientAddress(socket('::ffff:127.0.0.1'), 0, true)).toBe('127.0.0.1');
  });

  it('with n proxies trusted, is the n-th entry from the end of X-Forwarded-For', () => {
    expect(clientAddress(socket('127.0.0.1', '6.6.6.6, 10.0.0.7'), 1, true)).toBe('10.0.0.7');
    expect(clientAddress(socket('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.0.0.7'), 2, true)).toBe('198.51.100.4');
  });

  it('never believes a socket header the server did not write itself (no preload), nor an absent one', () => {
    expect(clientAddress(socket('203.0.113.9'), 0, false)).toBe('unknown');
    expect(clientAddress(new Headers(), 0, true)).toBe('unknown');
  });
});
