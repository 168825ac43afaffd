/**
 * Every public page is valid HTML: the W3C Nu HTML Checker (npm `vnu-jar`, run with the machine's
 * Java 17) over all public pages in both languages, 0 errors.
 *
 * The pages are found, not listed: starting from `/` and `/en`, every internal link of every page
 * is followed (the staff area, sign-in, the API and the downloads left out; a link's query left
 * off, so the history pages' many `?asOf=` permalinks count once). Added to what the links reach:
 * a search with results, a past view (`?asOf=r<id>`, the first revision a history page links to)
 * and three 404 pages, each in both languages. The checker runs once over all of them and each
 * error is printed with its page.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

/** The path of vnu.jar (what the package exports). */
const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
const java = process.env.JAVA ?? 'java';

/** Not public pages, or not HTML. */
const LEFT_OUT = /^\/(?:en\/)?(?:quan-tri|dang-nhap|api)(?:[/?#]|$)|\.(?:txt|pdf|atom|csv|json|svg|xml)(?:[?#]|$)|^\/_next\//;
const MAX_PAGES = 400;

type Fetched = { address: string; status: number; html: string };

function internalLinks(html: string): string[] {
  const links: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)) {
    const href = m[1]!.replaceAll('&amp;', '&');
    if (href.startsWith('/') && !href.startsWith('//')) links.push(href);
  }
  return links;
}

async function get(request: APIRequestContext, address: string): Promise<Fetched> {
  const response = await request.get(address, { maxRedirects: 0 });
  return { address, status: response.status(), html: await response.text() };
}

/** Every public page reachable by links from the two home pages, each once. */
async function crawl(request: APIRequestContext): Promise<{ pages: Fetched[]; revision: string | null }> {
  const queue = ['/', '/en'];
  const seen = new Set(queue);
  const pages: Fetched[] = [];
  let revision: string | null = null;
  while (queue.length > 0 && pages.length < MAX_PAGES) {
    const page = await get(request, queue.shift()!);
    pages.push(page);
    for (const href of internalLinks(page.html)) {
      revision ??= /[?&]asOf=(r\d+)/.exec(href)?.[1] ?? null;
      const address = href.split(/[?#]/)[0]!;
      if (LEFT_OUT.test(address) || seen.has(address)) continue;
      seen.add(address);
      queue.push(address);
    }
  }
  return { pages, revision };
}

type VnuMessage = { type: string; subType?: string; url: string; lastLine?: number; message: string; extract?: string };

test('every public page, both languages, is valid HTML (W3C Nu checker, 0 errors)', async ({ request }) => {
  test.setTimeout(300_000);
  const { pages, revision } = await crawl(request);
  expect(pages.length, 'pages reached by links').toBeGreaterThan(40);
  expect(pages.length, `more than ${MAX_PAGES} pages: the crawl is following something it should not`).toBeLessThan(MAX_PAGES);
  expect(revision, 'a history page links to a past view (?asOf=r<id>)').not.toBeNull();

  const extras = ['/tim-kiem?q=GRDP', `/?asOf=${revision}`, `/chi-tieu?asOf=${revision}`, `/chi-tieu/tang-truong-grdp?asOf=${revision}`];
  const missing = ['/khong-co-trang-nay', '/chi-tieu/khong-co-ma', '/muc/khong-co'];
  const english = (address: string) => (address.startsWith('/?') ? `/en${address.slice(1)}` : `/en${address}`);
  for (const address of [...extras, ...missing].flatMap((a) => [a, english(a)])) pages.push(await get(request, address));

  for (const page of pages) {
    const expected = missing.some((m) => page.address.endsWith(m)) ? 404 : 200;
    expect(page.status, page.address).toBe(expected);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-vnu-'));
  try {
    const files = pages.map((page, i) => {
      const file = path.join(dir, `${String(i).padStart(3, '0')}.html`);
      fs.writeFileSync(file, page.html);
      return file;
    });
    const addressOf = new Map(files.map((file, i) => [path.basename(file), pages[i]!.address]));
    // vnu exits 1 when it finds errors; its report is what counts.
    const { stdout } = await promisify(execFile)(java, ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', ...files], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      if (!error.stdout) throw new Error(`the Nu checker did not run (${java} -jar ${vnuJar}): ${error.stderr || error.message}`);
      return { stdout: error.stdout };
    });
    const messages = (JSON.parse(stdout) as { messages: VnuMessage[] }).messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
    const report = messages.map((m) => {
      const page = addressOf.get(path.basename(new URL(m.url).pathname)) ?? m.url;
      return `${page}${m.lastLine ? ` (line ${m.lastLine})` : ''}: ${m.message}${m.extract ? `\n    ${m.extract.trim().slice(0, 160)}` : ''}`;
    });
    console.log(`Nu HTML checker: ${pages.length} pages, ${messages.length} errors`);
    for (const line of report) console.log(`  ${line}`);
    expect(report, `${messages.length} HTML errors on ${pages.length} pages`).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
