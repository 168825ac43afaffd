/**
 * Open data end to end: the JSON and CSV endpoints with their caching headers, 304s, errors,
 * the report's head (the same in the API, the feed and the print footer), the Atom feed — and, after a real edit by an editor, no staff identity anywhere a reader can
 * fetch (JSON, CSV, feed, public pages).
 */
import type { APIResponse, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';
import { ADMIN, EDITOR, signIn } from './staff-session';

const EDITOR_NAME = 'Biên tập viên E2E'; // as scripts/test-all.sh creates the account

const SLUG = 'soc-trang-2020-2025';
const API = `/api/v1/reports/${SLUG}`;
const CODE = 'xa-nong-thon-moi-kieu-mau';
const REASON = 'Bổ sung ghi chú nguồn số liệu (kiểm thử dữ liệu mở)';

test.describe.configure({ mode: 'serial' });


function expectCachingHeaders(response: APIResponse) {
  const h = response.headers();
  expect(h['etag']).toMatch(new RegExp(`^"${SLUG}\\.r\\d+\\.[a-z.]+\\.v1(\\.[0-9a-f]+)?"$`)); // strong: no W/
  expect(new Date(h['last-modified']!).toString()).not.toBe('Invalid Date');
  expect(h['cache-control']).toBe('public, max-age=60');
}

let note = '';

type Head = { report: string; seq: number; hash: string; at: string; revision: number };
let headBefore: Head;

test('the report head before the change: JSON, cacheable, 304', async ({ request }) => {
  const response = await request.get(`${API}/head`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expectCachingHeaders(response);
  headBefore = await response.json();
  expect(headBefore).toMatchObject({ report: SLUG, seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), revision: expect.any(Number) });
  expect(response.headers()['x-report-revision']).toBe(`r${headBefore.revision}`);
  expect((await request.get(`${API}/head`, { headers: { 'If-None-Match': response.headers()['etag']! } })).status()).toBe(304);
});

test('an editor makes a change (so there is something that could leak)', async ({ page, indicatorForm }) => {
  note = `Ghi chú kiểm thử dữ liệu mở ${Date.now()}`;
  await signIn(page, EDITOR);
  await indicatorForm.open(CODE);
  await indicatorForm.setNote(note);
  await indicatorForm.fillReason('Bổ sung', REASON);
  await indicatorForm.save();
  await indicatorForm.expectSaved();
});

test('JSON: the whole report, exact decimals, the change included, caching headers, 304', async ({ request }) => {
  const response = await request.get(API);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expectCachingHeaders(response);
  const doc = await response.json();
  expect(doc.as_of).toBe(`r${doc.revision.id}`);
  expect(response.headers()['x-report-revision']).toBe(doc.as_of);
  expect(doc.report).toMatchObject({ slug: SLUG, indicators_total: 20, indicators_met: 17, indicators_not_met: 3 });
  expect(doc.sections.length).toBeGreaterThan(10);
  expect(typeof doc.sections[0].body_markdown).toBe('string');
  expect(doc.entities.length).toBeGreaterThan(0);
  const grdp = doc.indicators.find((i: { code: string }) => i.code === 'tang-truong-grdp');
  expect(grdp.values.find((v: { role: string }) => v.role === 'actual')).toMatchObject({ value: '6.20', kind: 'reported' });
  expect(grdp.unit).toBe('%/năm');
  expect(doc.indicators.find((i: { code: string }) => i.code === CODE).note).toBe(note);

  const etag = response.headers()['etag']!;
  const notModified = await request.get(API, { headers: { 'If-None-Match': etag } });
  expect(notModified.status()).toBe(304);
  expect(notModified.headers()['etag']).toBe(etag);
  expect(await notModified.body()).toHaveLength(0);
  const since = await request.get(API, { headers: { 'If-Modified-Since': response.headers()['last-modified']! } });
  expect(since.status()).toBe(304);
  expect((await request.get(API, { headers: { 'If-None-Match': '"something-else"' } })).status()).toBe(200);

  const indicators = await request.get(`${API}/indicators`);
  expect(indicators.status()).toBe(200);
  expectCachingHeaders(indicators);
  expect(indicators.headers()['etag']).not.toBe(etag);
  expect((await indicators.json()).indicators).toEqual(doc.indicators);
});

test('CSV: UTF-8 with BOM, one row per value, exact decimals, 304', async ({ request }) => {
  const response = await request.get(`${API}/indicators.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="soc-trang-2020-2025-chi-tieu-r\d+\.csv"$/);
  expectCachingHeaders(response);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(['report', 'revision', 'indicator_code']);
  expect(rows.find((r) => r.indicator_code === 'tang-truong-grdp' && r.role === 'actual')).toMatchObject({ value: '6.20', unit: '%/năm', value_kind: 'reported' });
  expect(rows.filter((r) => r.indicator_code === 'co-cau-grdp')).toEqual([expect.objectContaining({ value: '' })]);
  expect(rows.filter((r) => r.indicator_code === CODE).every((r) => r.indicator_note === note)).toBe(true);
  const again = await request.get(`${API}/indicators.csv`, { headers: { 'If-None-Match': response.headers()['etag']! } });
  expect(again.status()).toBe(304);
});

test('errors: a bad asOf is a 400 with a clear message, an unknown report a 404, both JSON', async ({ request }) => {
  for (const path of [API, `${API}/indicators`, `${API}/indicators.csv`]) {
    const bad = await request.get(`${path}?asOf=31/12/2025`);
    expect(bad.status(), path).toBe(400);
    expect(bad.headers()['content-type']).toContain('application/json');
    const { error } = await bad.json();
    expect(error).toContain('asOf không hợp lệ');
    expect(error).toContain('Invalid asOf');
  }
  const unknown = await request.get('/api/v1/reports/khong-co-bao-cao-nay');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: expect.stringContaining('khong-co-bao-cao-nay') });
  expect((await request.get(`${API}/indicators?asOf=2000-01-01`)).status()).toBe(404);
  // A date, a date-time and a revision are all understood.
  for (const asOf of ['2100-01-01', '2100-01-01T00:00:00Z', '2100-01-01T07:00:00+07:00']) {
    expect((await request.get(`${API}/indicators?asOf=${encodeURIComponent(asOf)}`)).status(), asOf).toBe(200);
  }
});

test('the Atom feed: well-formed, the change with its reason and old → new, the portal as author, 304', async ({ request, page }) => {
  const response = await request.get('/thay-doi.atom');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/atom+xml');
  expectCachingHeaders(response);
  const xml = await response.text();
  await page.goto('/du-lieu');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI,
      entries: doc.getElementsByTagNameNS(ns, 'entry').length,
      authors: [...doc.getElementsByTagNameNS(ns, 'name')].map((n) => n.textContent),
      contents: [...doc.getElementsByTagNameNS(ns, 'content')].map((n) => n.textContent ?? ''),
    };
  }, xml);
  expect(parsed.errors).toBe(0);
  expect(parsed.root).toBe('http://www.w3.org/2005/Atom');
  expect(parsed.entries).toBeGreaterThan(0);
  expect(new Set(parsed.authors)).toEqual(new Set(['Cổng thông tin Kết quả nhiệm kỳ']));
  const ours = parsed.contents.find((c) => c.includes(REASON));
  expect(ours).toBeDefined();
  expect(ours).toContain(note);
  expect(ours).toContain('→');
  expect(xml).toMatch(new RegExp(`/chi-tieu/${CODE}/lich-su/truoc-\\d+#r\\d+`));
  expect((await request.get('/thay-doi.atom', { headers: { 'If-None-Match': response.headers()['etag']! } })).status()).toBe(304);
});

test('the head: the save moved it on, and the API, the Atom feed and the print footer publish the same one', async ({ request, page }) => {
  const head: Head = await (await request.get(`${API}/head`)).json();
  expect(head.seq).toBeGreaterThan(headBefore.seq);
  expect(head.hash).not.toBe(headBefore.hash);
  // The head kept before is still that revision's place in the chain (what ?asOf=r<id> publishes).
  expect(await (await request.get(`${API}/head?asOf=r${headBefore.revision}`)).json()).toEqual(headBefore);

  const xml = await (await request.get('/thay-doi.atom')).text();
  await page.goto('/du-lieu');
  const feedHead = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const el = doc.getElementsByTagNameNS('urn:kqnk:ns:report-head:1', 'head')[0];
    const related = [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')].find((l) => l.getAttribute('rel') === 'related');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      seq: Number(el?.getAttribute('seq')),
      hash: el?.getAttribute('hash'),
      at: el?.getAttribute('at'),
      revision: Number(el?.getAttribute('revision')),
      related: related?.getAttribute('href') ?? '',
    };
  }, xml);
  expect(feedHead).toMatchObject({ errors: 0, seq: head.seq, hash: head.hash, at: head.at, revision: head.revision });
  expect(feedHead.related.endsWith(`${API}/head`)).toBe(true);

  await page.goto('/in');
  const footer = page.locator('.print-colophon .print-head');
  await expect(footer).toHaveAttribute('data-head-seq', String(head.seq));
  await expect(footer).toHaveAttribute('data-head-hash', head.hash);
  await expect(footer).toContainText(`số thứ tự ${head.seq}, mã băm ${head.hash.slice(0, 12)}`);
  await expect(footer).toContainText(head.hash);
  await expect(footer).toContainText(`${API}/head`);
});

test('no staff identity anywhere a reader can fetch', async ({ request, page }) => {
  const secrets = [EDITOR.email, ADMIN.email, EDITOR_NAME].map((s) => s.toLowerCase());
  const check = (what: string, text: string) => {
    for (const s of secrets) expect(text.toLowerCase().includes(s), `${what} contains “${s}”`).toBe(false);
  };
  for (const path of [API, `${API}/indicators`, `${API}/indicators.csv`, `${API}/head`, '/thay-doi.atom']) check(path, await (await request.get(path)).text());
  for (const path of ['/thay-doi', `/chi-tieu/${CODE}/lich-su`, `/chi-tieu/${CODE}`, '/muc/kinh-te/lich-su', '/du-lieu', '/in']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    check(`${path} (HTML and RSC payload)`, await response.text());
    await page.goto(path);
    check(`${path} (rendered)`, await page.content());
  }
  // The public changelog does show the change itself.
  await page.goto('/thay-doi');
  await expect(page.locator('.changelog-entry').filter({ hasText: REASON }).first()).toBeVisible();
});
