/**
 * The production topology (`npm run serve`): nginx in front of several `next start` instances
 * sharing one cache in Redis. scripts/test-all.sh starts it and runs this project
 * (`--project serve`) with E2E_BASE_URL = nginx and E2E_INSTANCES = the instances' own addresses.
 *
 * An edit made through nginx (whichever instance answers the sign-in and the save) is on the
 * public pages in both languages through nginx and on every instance asked directly; the moment
 * before it keeps its old figure everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { figure } from '../figures';
import { expect, test } from '../fixtures';
import { EDITOR, signIn } from '../staff-session';

const SLUG = 'soc-trang-2020-2025';
const CODE = 'gia-tri-xuat-khau';
/** The 2025 figure as the source writes it, and the one this spec sets for a while. */
const SEED = '1,90';
const OTHER = '1,95';
const PAGES = [`/chi-tieu/${CODE}`, `/en/chi-tieu/${CODE}`, '/chi-tieu', '/en/chi-tieu'];

function instances(): string[] {
  const list = (process.env.E2E_INSTANCES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length < 2) throw new Error('Set E2E_INSTANCES to the instances\' addresses, two or more (scripts/test-all.sh does).');
  return list;
}
const INSTANCES = instances();


/**
 * Whether nginx's access log (npm run serve keeps it in .data/serve/nginx/logs; flushed every 2 s)
 * shows a refresh-on-edit GET of `page` (lib/proxy-refresh.ts sends user-agent kqnk-refresh) answered 200.
 */
const accessLog = path.resolve(import.meta.dirname, '../../.data/serve/nginx/logs/access.log');
const accessLogSize = () => (fs.existsSync(accessLog) ? fs.statSync(accessLog).size : 0);
const refreshedInAccessLog = (page: string, since: number) =>
  fs.existsSync(accessLog) &&
  fs
    .readFileSync(accessLog)
    .subarray(since)
    .toString('utf8')
    .split('\n')
    .some((line) => line.includes(`"GET ${page} HTTP/1.1" 200`) && line.includes('"kqnk-refresh"'));

/** Every address a reader could be answered from: nginx (relative) and each instance directly. */
const everywhere = (path: string) => [path, ...INSTANCES.map((base) => `${base}${path}`)];

const bodyOf = async (request: APIRequestContext, url: string) => {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
};

test('nginx answers a public page from its cache, and the instances are behind it', async ({ request }) => {
  await request.get('/chi-tieu');
  const second = await request.get('/chi-tieu');
  expect(second.status()).toBe(200);
  expect(second.headers()['x-cache-status']).toBe('HIT');
  // Staff pages and sign-in are never cached by nginx.
  const signInPage = await request.get('/dang-nhap');
  expect(signInPage.headers()['x-cache-status'] ?? 'BYPASS').not.toBe('HIT');
  for (const base of INSTANCES) expect((await request.get(`${base}/api/health`)).status(), base).toBe(200);
});

test('an edit through nginx is public in both languages, through nginx and on every instance', async ({ page, request, indicatorForm }) => {
  // Every page rendered and cached everywhere before the edit.
  for (const path of PAGES) for (const url of everywhere(path)) await bodyOf(request, url);
  const before = await bodyOf(request, `/chi-tieu/${CODE}`);
  const [from, to] = figure(OTHER).test(before) ? [OTHER, SEED] : [SEED, OTHER];
  const { revision } = (await (await request.get(`/api/v1/reports/${SLUG}/indicators`)).json()) as { revision: { id: number } };

  await signIn(page, EDITOR);
  // nginx writes its log every 2 s: what it had written before the save cannot count.
  await new Promise((r) => setTimeout(r, 2_500));
  const logStart = accessLogSize();
  await indicatorForm.changeFigure(CODE, from, to, 'Kiểm thử nhiều instance sau nginx');
  // The instance that saved had nginx store the changed pages anew (refresh-on-edit), in both languages.
  for (const path of [`/chi-tieu/${CODE}`, `/en/chi-tieu/${CODE}`, '/chi-tieu']) {
    await expect.poll(() => refreshedInAccessLog(path, logStart), { message: `${path} refreshed`, timeout: 15_000 }).toBe(true);
  }

  // Plain requests, no session: the new figure on every page that shows it, wherever it is read.
  for (const path of PAGES) {
    for (const url of everywhere(path)) {
      await expect.poll(async () => bodyOf(request, url), { message: url }).toMatch(figure(to));
      expect(await bodyOf(request, url), url).not.toMatch(figure(from));
    }
  }
  // The moment before the edit keeps the old figure, on every instance.
  for (const url of everywhere(`/chi-tieu/${CODE}?asOf=r${revision.id}`)) {
    const past = await bodyOf(request, url);
    expect(past, url).toMatch(figure(from));
    expect(past, url).not.toMatch(figure(to));
  }

  if (to !== SEED) {
    await indicatorForm.changeFigure(CODE, to, SEED, 'Trả lại số liệu của văn bản gốc (kết thúc kiểm thử)');
    for (const url of everywhere(`/chi-tieu/${CODE}`)) await expect.poll(async () => bodyOf(request, url), { message: url }).toMatch(figure(SEED));
  }
});
