/**
 * Faithfulness, as a reader sees it: crawl every public page reachable from `/`, take the text the
 * browser renders, and find every sentence and every figure of the source appendix in it.
 *
 * The sentences and figures are cut exactly as tests/db/seed-completeness.test.ts cuts them
 * (tests/helpers/source-sentences.ts): that test proves the database holds the whole text, this
 * one proves the pages show it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { containsFigure, sourceFigures, sourceSentences, squash } from '../tests/helpers/source-sentences';

/**
 * Not crawled: staff and sign-in pages, API routes, downloads, and the English interface (/en/…):
 * it shows the same content, and its /en/van-ban-goc would put the raw source into the union.
 */
const SKIP = [/^\/quan-tri(\/|$)/, /^\/dang-nhap(\/|$)/, /^\/api(\/|$)/, /\.(txt|pdf|atom|csv)$/, /^\/en(\/|$)/];

/**
 * /van-ban-goc prints the raw source text in full. Its text is left out of the union: with it, every
 * sentence would be "found" whatever the other pages show, and the test would prove nothing.
 * (It is still crawled, so links from it are followed.)
 */
// Pages that print the whole text in one go (the raw source, the print edition): counting them would prove nothing.
const RAW_SOURCE_PAGES = new Set(['/van-ban-goc', '/in']);

type Crawled = { path: string; status: number; text: string };

async function crawl(page: Page, start = '/'): Promise<Crawled[]> {
  await page.goto(start);
  const origin = new URL(page.url()).origin;
  const queue = [start];
  const seen = new Set(queue);
  const pages: Crawled[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    const text = squash(await page.locator('body').innerText());
    pages.push({ path, status: response?.status() ?? 0, text });
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const next = decodeURI(url.pathname);
      if (seen.has(next) || SKIP.some((re) => re.test(next))) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return pages;
}

test.describe('every sentence and figure of the source is on the public pages', () => {
  test.describe.configure({ timeout: 180_000 });

  let pages: Crawled[] = [];
  let union = '';

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    pages = await crawl(page);
    await context.close();
    // One line per page, so a sentence cannot be "found" across two pages.
    union = pages
      .filter((p) => !RAW_SOURCE_PAGES.has(p.path))
      .map((p) => p.text)
      .join('\n');
  });

  test('the crawl reaches every kind of public page, and nothing is broken', () => {
    const paths = pages.map((p) => p.path);
    for (const p of ['/', '/chi-tieu', '/muc', '/du-an', '/nghi-quyet', '/don-vi', '/van-ban-goc']) expect(paths).toContain(p);
    expect(paths.filter((p) => p.startsWith('/chi-tieu/')).length).toBeGreaterThanOrEqual(12);
    expect(paths.filter((p) => p.startsWith('/muc/')).length).toBeGreaterThanOrEqual(13);
    expect(paths.filter((p) => /^\/(du-an|nghi-quyet|don-vi)\//.test(p)).length).toBeGreaterThanOrEqual(11);
    expect(pages.filter((p) => p.status !== 200).map((p) => `${p.path} → ${p.status}`)).toEqual([]);
    // The raw source page is crawled but not counted.
    expect(union).not.toContain(pages.find((p) => p.path === '/van-ban-goc')!.text);
  });

  test('every sentence of the source appears verbatim', () => {
    const list = sourceSentences();
    expect(list.length).toBeGreaterThan(60);
    const missing = list.filter((s) => !union.includes(s));
    expect(missing).toEqual([]);
  });

  test('every figure of the source appears', () => {
    const figures = sourceFigures();
    for (const f of ['6,20', '423.700', '17/20', '67.929', '1,90', '58,33', '11/7/2021']) expect(figures).toContain(f);
    const missing = figures.filter((f) => !containsFigure(union, f));
    expect(missing).toEqual([]);
  });

  test('the rendered text is NFC', () => {
    const notNfc = pages.filter((p) => p.text !== p.text.normalize('NFC')).map((p) => p.path);
    expect(notNfc).toEqual([]);
  });
});
