import { Writable } from 'node:stream';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { foreignActionOrigin } from '@/lib/action-origin';
import { AS_OF_HEADER, AS_OF_TO_HEADER, PATHNAME_HEADER } from '@/lib/headers';
import { captureSecurityLog } from '@/lib/security-log';
import { FOREIGN_ORIGIN_MESSAGE, proxy } from '@/proxy';

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

describe('proxy: a server action posted from another site', () => {
  const post = (path: string, headers: Record<string, string>) =>
    proxy(new NextRequest(new URL(path, 'http://portal.test'), { method: 'POST', headers: { host: 'portal.test', 'next-action': 'x', ...headers } }));

  it('answers 403 with a short Vietnamese text, before any routing, and logs bad_origin', async () => {
    const raw: string[] = [];
    const release = captureSecurityLog(new Writable({ write: (chunk: Buffer, _e, done) => (raw.push(chunk.toString()), done()) }));
    let response;
    try {
      response = post('/quan-tri/chi-tieu/gia-tri-xuat-khau', { origin: 'https://evil.example', cookie: 'authjs.session-token=x' });
    } finally {
      release();
    }
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-middleware-rewrite')).toBeNull();
    expect(response.headers.get('x-middleware-next')).toBeNull();
    expect(await response.text()).toBe(FOREIGN_ORIGIN_MESSAGE);
    const [line] = raw.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toMatchObject({ event: 'bad_origin', path: '/quan-tri/chi-tieu/gia-tri-xuat-khau', origin: 'https://evil.example', host: 'portal.test' });
    expect(raw.join('')).not.toContain('session-token');
  });

  it('refuses on public pages and sign-in too, and a Referer from elsewhere when there is no Origin', () => {
    expect(post('/chi-tieu', { origin: 'https://evil.example' }).status).toBe(403);
    expect(post('/dang-nhap', { origin: 'http://portal.test.evil.example' }).status).toBe(403);
    expect(post('/dang-nhap', { referer: 'https://evil.example/trang?x=1' }).status).toBe(403);
    expect(post('/dang-nhap', { origin: 'null' }).status).toBe(403);
    expect(post('/dang-nhap', { origin: 'http://portal.test:8080' }).status).toBe(403);
  });

  it('lets the same site through (to the action\'s own checks), and anything that is not an action', () => {
    expect(post('/dang-nhap', { origin: 'http://portal.test' }).status).toBe(200);
    expect(post('/dang-nhap', { origin: 'https://PORTAL.test:443' }).status).toBe(200);
    expect(post('/dang-nhap', { referer: 'http://portal.test/dang-nhap' }).status).toBe(200);
    expect(post('/dang-nhap', {}).status).toBe(200); // no Origin, no Referer: not a browser page's form
    const plainPost = proxy(new NextRequest(new URL('/dang-nhap', 'http://portal.test'), { method: 'POST', headers: { host: 'portal.test', origin: 'https://evil.example' } }));
    expect(plainPost.status).toBe(200);
    const get = proxy(new NextRequest(new URL('/dang-nhap', 'http://portal.test'), { headers: { host: 'portal.test', 'next-action': 'x', origin: 'https://evil.example' } }));
    expect(get.status).toBe(200);
  });

  it('believes X-Forwarded-Host only when TRUSTED_PROXY_HOPS says a proxy sets it', () => {
    const headers = (h: Record<string, string>) => new Headers({ 'next-action': 'x', host: '127.0.0.1:3001', ...h });
    const behindProxy = headers({ origin: 'https://ketqua.example.vn', 'x-forwarded-host': 'ketqua.example.vn' });
    expect(foreignActionOrigin('POST', behindProxy, 1)).toBeNull();
    // No proxy: the client wrote that header itself to match its own Origin.
    expect(foreignActionOrigin('POST', behindProxy, 0)).toEqual({ origin: 'https://ketqua.example.vn', referer: null, host: '127.0.0.1:3001' });
    expect(post('/quan-tri', { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }).status).toBe(403);
    // With one trusted proxy, only the entry it appended counts.
    expect(foreignActionOrigin('POST', headers({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example, ketqua.example.vn' }), 1)).not.toBeNull();
    // The Referer is logged as its origin only.
    expect(foreignActionOrigin('POST', headers({ referer: 'https://evil.example/a?token=secret' }), 0)).toMatchObject({ referer: 'https://evil.example' });
  });
});
