import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { ASOF_HEADER, LOCALE_HEADER, PATHNAME_HEADER } from '@/lib/headers';
import { proxy } from '@/proxy';

/** What the proxy forwards: the rewrite target (if any), a redirect, and the request headers it sets. */
function run(url: string, init?: { headers?: Record<string, string> }) {
  const response = proxy(new NextRequest(new URL(url, 'http://portal.test'), init));
  const forwarded = (name: string) => response.headers.get(`x-middleware-request-${name}`);
  return {
    rewrite: response.headers.get('x-middleware-rewrite'),
    redirect: response.status >= 300 && response.status < 400 ? response.headers.get('location') : null,
    locale: forwarded(LOCALE_HEADER),
    path: forwarded(PATHNAME_HEADER),
    asOf: forwarded(ASOF_HEADER),
  };
}

describe('proxy: interface language', () => {
  it('rewrites /en and /en/<path> to /<path> with the English locale and the unprefixed path', () => {
    expect(run('/en')).toMatchObject({ rewrite: 'http://portal.test/', locale: 'en', path: '/' });
    expect(run('/en/chi-tieu/gia-tri-xuat-khau?asOf=r12')).toMatchObject({
      rewrite: 'http://portal.test/chi-tieu/gia-tri-xuat-khau?asOf=r12',
      locale: 'en',
      path: '/chi-tieu/gia-tri-xuat-khau',
      asOf: 'r12',
    });
  });

  it('gives every other request the Vietnamese locale, whatever the client sent', () => {
    expect(run('/chi-tieu', { headers: { [LOCALE_HEADER]: 'en' } })).toMatchObject({ rewrite: null, locale: 'vi', path: '/chi-tieu', asOf: '' });
    expect(run('/english')).toMatchObject({ locale: 'vi', path: '/english' });
    expect(run('/quan-tri/chi-tieu', { headers: { cookie: 'authjs.session-token=x', [LOCALE_HEADER]: 'en' } })).toMatchObject({ locale: 'vi' });
  });

  it('sends /en/quan-tri… and /en/dang-nhap to their Vietnamese address', () => {
    expect(run('/en/quan-tri/chi-tieu?x=1').redirect).toBe('http://portal.test/quan-tri/chi-tieu?x=1');
    expect(run('/en/dang-nhap').redirect).toBe('http://portal.test/dang-nhap');
  });
});
