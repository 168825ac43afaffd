/**
 * Readers are served from the cache: a public page is rendered once, then answered from Next's
 * cache; an edit re-renders the pages that show what changed, in both languages, and no other;
 * a past view (`?asOf=r<id>`) keeps what it showed.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { figure } from './figures';
import { EDITOR, signIn } from './staff-session';

const SLUG = 'soc-trang-2020-2025';
const CODE = 'gia-tri-san-xuat-cong-nghiep';
/** The 2025 figure as the source writes it, and the one this spec sets for a while. */
const SEED = '32.700';
const OTHER = '32.800';

/** Pages that show the indicator, and pages that do not. */
const SHOWING = [`/chi-tieu/${CODE}`, `/en/chi-tieu/${CODE}`, '/chi-tieu', '/en/chi-tieu'];
const NOT_SHOWING = ['/muc/xay-dung-dang', '/en/muc/xay-dung-dang', '/du-an'];


const cacheOf = async (request: APIRequestContext, path: string) => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.headers()['x-nextjs-cache'];
};

test('public pages come from the cache; an edit re-renders the pages that show it, in both languages, and no other', async ({ page, request, indicatorForm }) => {
  // Rendered once, then served from the cache.
  for (const path of [...SHOWING, ...NOT_SHOWING]) {
    await request.get(path);
    expect(await cacheOf(request, path), `${path}, asked twice`).toBe('HIT');
  }
  const before = await (await request.get(`/chi-tieu/${CODE}`)).text();
  const [from, to] = figure(OTHER).test(before) ? [OTHER, SEED] : [SEED, OTHER];
  const { revision } = (await (await request.get(`/api/v1/reports/${SLUG}/indicators`)).json()) as { revision: { id: number } };

  // A revision that does not exist yet is not found (and that answer is not kept once it exists).
  const upcoming = [1, 2, 3].map((k) => revision.id + k);
  for (const id of upcoming) expect((await request.get(`/chi-tieu/${CODE}?asOf=r${id}`)).status(), `r${id} before it exists`).toBe(404);

  await signIn(page, EDITOR);
  await indicatorForm.changeFigure(CODE, from, to, 'Kiểm thử bộ nhớ đệm của trang công khai');

  // Right after the save, with plain requests: the new figure on every page that shows it, in both languages…
  for (const path of SHOWING) {
    const body = await (await request.get(path)).text();
    expect(body, path).toMatch(figure(to));
    expect(body, path).not.toMatch(figure(from));
  }
  // …while the pages that do not show it were not rendered again.
  for (const path of NOT_SHOWING) expect(await cacheOf(request, path), `${path} after an unrelated edit`).toBe('HIT');

  // The edit's own revision, asked for as "not found" a moment ago, now shows the edit.
  const { revision: edited } = (await (await request.get(`/api/v1/reports/${SLUG}/indicators`)).json()) as { revision: { id: number } };
  expect(upcoming).toContain(edited.id);
  const atEdit = await request.get(`/chi-tieu/${CODE}?asOf=r${edited.id}`);
  expect(atEdit.status()).toBe(200);
  expect(await atEdit.text()).toMatch(figure(to));

  // The moment before the edit still shows the old figure, at its permanent address.
  const past = await (await request.get(`/chi-tieu/${CODE}?asOf=r${revision.id}`)).text();
  expect(past).toMatch(figure(from));
  expect(past).not.toMatch(figure(to));

  // Put the source's figure back for the specs that read it.
  if (to !== SEED) await indicatorForm.changeFigure(CODE, to, SEED, 'Trả lại số liệu của văn bản gốc (kết thúc kiểm thử)');
  expect(await (await request.get(`/chi-tieu/${CODE}`)).text()).toMatch(figure(SEED));
});

test('a date in ?asOf= leads to the permanent address of the revision it stands for', async ({ request }) => {
  const response = await request.get('/chi-tieu?asOf=2099-01-01', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()['location']).toMatch(/^\/chi-tieu\?asOf=r\d+$/);
  const before = await request.get('/en/muc?asOf=2000-01-01', { maxRedirects: 0 });
  expect(before.headers()['location']).toBe('/en/muc?asOf=r0');
  // A reader's address for a past revision is a cached page too.
  const permanent = response.headers()['location']!;
  await request.get(permanent);
  expect(await cacheOf(request, permanent)).toBe('HIT');
});
