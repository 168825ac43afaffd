import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { AS_OF_HEADER, AS_OF_TO_HEADER, PATHNAME_HEADER } from '@/lib/headers';
import { proxy } from '@/proxy';

/** What the proxy does with a request: the rewrite target (if any), a redirect, and the path header it sets. */
function run(url: string, init?: { headers?: Record<string, string> }) {
  const response = proxy(new NextRequest(new URL(url, 'http://portal.test'), init));
  return {
    rewrite: response.headers.get('x-middleware-rewrite'),
    redirect: response.status >= 300 && response.status < 400 ? response.headers.get('location') : null,
    path: response.headers.get(`x-middleware-request-${PATHNAME_HEADER}`),
  };
}

describe('proxy: public addresses become language and moment segments', () => {
  it('rewrites Vietnamese and English addresses to /<locale>/hien-hanh/<path>', () => {
    expect(run('/').rewrite).toBe('http://portal.test/vi/hien-hanh');
    expect(run('/chi-tieu').rewrite).toBe('http://portal.test/vi/hien-hanh/chi-tieu');
    expect(run('/en').rewrite).toBe('http://portal.test/en/hien-hanh');
    expect(run('/en/chi-tieu/gia-tri-xuat-khau').rewrite).toBe('http://portal.test/en/hien-hanh/chi-tieu/gia-tri-xuat-khau');
    expect(run('/english').rewrite).toBe('http://portal.test/vi/hien-hanh/english');
  });

  it('puts a revision in the address: ?asOf=r12 → /<locale>/r12/<path>, keeping the query', () => {
    expect(run('/en/chi-tieu/gia-tri-xuat-khau?asOf=r12').rewrite).toBe('http://portal.test/en/r12/chi-tieu/gia-tri-xuat-khau?asOf=r12');
    expect(run('/muc?asOf=R7').rewrite).toBe('http://portal.test/vi/r7/muc?asOf=R7');
  });

  it('sends a date or an instant to the resolver, with the page to come back to', () => {
    const response = proxy(new NextRequest(new URL('/en/tim-kiem?q=lúa&asOf=2025-12-31', 'http://portal.test'), { headers: { [AS_OF_TO_HEADER]: '//evil.example' } }));
    expect(new URL(response.headers.get('x-middleware-rewrite')!).pathname).toBe('/api/as-of');
    expect(response.headers.get(`x-middleware-request-${AS_OF_HEADER}`)).toBe('2025-12-31T16:59:59.999Z');
    expect(response.headers.get(`x-middleware-request-${AS_OF_TO_HEADER}`)).toBe('/en/tim-kiem?q=l%C3%BAa');
  });

  it('shows an unreadable ?asOf= as the report now, under a notice', () => {
    expect(run('/chi-tieu?asOf=hom-qua').rewrite).toBe('http://portal.test/vi/khong-hop-le/chi-tieu?asOf=hom-qua');
  });

  it('cannot be steered by request headers', () => {
    expect(run('/chi-tieu', { headers: { 'x-kqnk-locale': 'en', 'x-kqnk-asof': 'r1' } }).rewrite).toBe('http://portal.test/vi/hien-hanh/chi-tieu');
  });
});

describe('proxy: staff and sign-in', () => {
  it('sends /en/quan-tri… and /en/dang-nhap to their Vietnamese address', () => {
    expect(run('/en/quan-tri/chi-tieu?x=1').redirect).toBe('http://portal.test/quan-tri/chi-tieu?x=1');
    expect(run('/en/dang-nhap').redirect).toBe('http://portal.test/dang-nhap');
  });

  it('sends a visitor with no session cookie to sign-in, and comes back to the same address', () => {
    expect(run('/quan-tri/chi-tieu?loai=indicator').redirect).toBe('http://portal.test/dang-nhap?next=%2Fquan-tri%2Fchi-tieu%3Floai%3Dindicator');
  });

  it('passes the staff path on (overwriting any the client sent), and never rewrites staff pages', () => {
    const staff = run('/quan-tri/chi-tieu?x=1&_rsc=abc', { headers: { cookie: 'authjs.session-token=x', [PATHNAME_HEADER]: '/evil' } });
    expect(staff).toMatchObject({ rewrite: null, redirect: null, path: '/quan-tri/chi-tieu?x=1' });
    expect(run('/dang-nhap').rewrite).toBeNull();
  });
});

describe('proxy: the staff and sign-in pages get a fresh nonce policy', () => {
  const csp = (url: string) => {
    const response = proxy(new NextRequest(new URL(url, 'http://portal.test'), { headers: { cookie: 'authjs.session-token=x' } }));
    return { sent: response.headers.get('content-security-policy'), forNext: response.headers.get('x-middleware-request-content-security-policy') };
  };

  it('sends a nonce policy on staff pages and sign-in, hands Next the same one, and a new nonce each time', () => {
    for (const path of ['/quan-tri', '/quan-tri/chi-tieu/gia-tri-xuat-khau', '/dang-nhap']) {
      const { sent, forNext } = csp(path);
      expect(sent, path).toMatch(/script-src 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
      expect(sent, path).toContain("frame-ancestors 'none'");
      expect(sent, path).toContain("object-src 'none'");
      expect(sent, path).toContain("base-uri 'none'");
      expect(sent, path).toContain("form-action 'self'");
      expect(forNext, path).toBe(sent);
    }
    expect(csp('/quan-tri').sent).not.toBe(csp('/quan-tri').sent);
  });

  it('leaves public pages to the fixed policy of next.config.ts (they are cached whole)', () => {
    expect(csp('/chi-tieu').sent).toBeNull();
    expect(csp('/en').sent).toBeNull();
  });
});
