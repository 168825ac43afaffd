/**
 * The public portal as a reader meets it: open `/`, follow links (by clicking) to every indicator,
 * every section, every project, resolution and institution, and the source text; read the key
 * figures as they are shown; check the page furniture (one h1, lang, title, description, header
 * navigation, footer naming the source), accessibility (axe) on each page type, the chart's text
 * alternatives, the mobile layout and the print style sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sourceText } from '../tests/helpers/source-sentences';

type SeedIndicator = { code: string; name: string };
type SeedSection = { slug: string; title: string; parent?: string };
type SeedEntity = { kind: 'project' | 'resolution' | 'institution'; slug: string; name: string; shortName: string };
type Seed = { indicators: SeedIndicator[]; sections: SeedSection[]; entities: SeedEntity[] };

// What the reader should be able to reach: the seed, NFC (the file itself mixes NFC and NFD).
const seed: Seed = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../db/seed/soc-trang-2020-2025.json'), 'utf8').normalize('NFC'),
);

const NAV_LINKS = ['Tổng quan', 'Chỉ tiêu', 'Nội dung báo cáo', 'Dự án', 'Nghị quyết', 'Văn bản gốc'];
const NOT_MET = ['Tốc độ tăng tổng sản phẩm trên địa bàn', 'Cơ cấu GRDP', 'Chỉ số sản xuất công nghiệp'];
const KEY_FIGURES = ['6,20%/năm', '75,5 triệu đồng/người/năm', '423.700 tấn', '1,90 tỷ USD', 'vượt 58,33%', '67.929'];

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const breadcrumb = (page: Page) => page.getByRole('navigation', { name: 'Vị trí trang' });
const exactLink = (scope: Page | Locator, name: string) => scope.getByRole('link', { name, exact: true });

/** What every public page has: lang, one h1, a title, a description, the header navigation, a footer naming the source. */
async function expectPageBasics(page: Page, h1?: string | RegExp) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const heading = page.locator('h1');
  if (h1 !== undefined) await expect(heading).toHaveText(h1);
  await expect(heading).toHaveCount(1);
  await expect(heading).toBeVisible();
  await expect(page).toHaveTitle(/\S/);
  const description = page.locator('head meta[name="description"]');
  await expect(description).toHaveCount(1);
  await expect(description).toHaveAttribute('content', /\S{3}/);
  const nav = mainNav(page);
  await expect(nav).toBeVisible();
  for (const label of NAV_LINKS) await expect(exactLink(nav, label)).toBeVisible();
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Nguồn: PHỤ LỤC 2');
  await expect(exactLink(footer, 'Xem và tải văn bản gốc')).toHaveAttribute('href', '/van-ban-goc');
}

/** Click a link and wait until the page it leads to is the one shown. */
async function follow(link: Locator, url: string | RegExp, h1?: string | RegExp) {
  const page = link.page();
  await link.click();
  await expect(page).toHaveURL(url);
  if (h1 !== undefined) await expect(page.locator('h1')).toHaveText(h1);
}

const pathOf = (p: string) => new RegExp(`^[^?#]*//[^/]+${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test.describe('a reader follows the links from /', () => {
  test('overview: 17/20, the three indicators not met, key figures', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expectPageBasics(page, 'Kết quả nổi bật của Đảng bộ tỉnh Sóc Trăng, nhiệm kỳ 2020 - 2025');

    const results = page.getByRole('region', { name: 'Kết quả các chỉ tiêu chủ yếu' });
    await expect(results).toContainText('17/20');
    await expect(results).toContainText('chỉ tiêu đạt và vượt');
    const notMet = results.getByRole('listitem');
    await expect(notMet).toHaveText(NOT_MET);
    await expect(results.getByRole('blockquote')).toHaveText('Đến nay, đã có 17/20 chỉ tiêu đạt và vượt.');

    const figures = page.getByRole('region', { name: 'Số liệu nổi bật' });
    for (const figure of ['6,20%/năm', '75,5 triệu đồng/người/năm', '423.700 tấn', '1,90 tỷ USD', 'vượt 58,33%', '67.929 lượt']) {
      await expect(figures).toContainText(figure);
    }
  });

  test('a not-met indicator is one click from the overview', async ({ page }) => {
    await page.goto('/');
    const results = page.getByRole('region', { name: 'Kết quả các chỉ tiêu chủ yếu' });
    await follow(exactLink(results, 'Cơ cấu GRDP'), pathOf('/chi-tieu/co-cau-grdp'), 'Cơ cấu GRDP');
    await expectPageBasics(page);
    await expect(page.locator('.badge')).toHaveText('Chưa đạt');
    // The text gives no figure for this indicator: the page says so instead of inventing one.
    const facts = page.locator('dl.facts');
    await expect(facts.locator('dt', { hasText: /^Giá trị$/ }).locator('xpath=following-sibling::dd[1]')).toContainText(
      'Văn bản không nêu',
    );
    await expect(page.getByRole('region', { name: 'Số liệu' })).toContainText('Văn bản không nêu số liệu cho chỉ tiêu này.');
    await expect(page.locator('svg[role="img"]')).toHaveCount(0);
  });

  test('every indicator page, from the indicator table', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await follow(exactLink(mainNav(page), 'Chỉ tiêu'), pathOf('/chi-tieu'), /^Chỉ tiêu và kết quả nhiệm kỳ 2020 - 2025$/);
    await expectPageBasics(page);

    const table = page.getByRole('table');
    await expect(table).toHaveCount(1);
    for (const figure of KEY_FIGURES) await expect(table).toContainText(figure);
    // One row per indicator (rows are grouped by area, under a row-group header each).
    const rowNames = await table.locator('tbody th[scope="row"]').allInnerTexts();
    expect([...rowNames].sort()).toEqual(seed.indicators.map((i) => i.name).sort());

    for (const indicator of seed.indicators) {
      await test.step(indicator.code, async () => {
        await follow(exactLink(page.getByRole('table'), indicator.name), pathOf(`/chi-tieu/${indicator.code}`), indicator.name);
        await expectPageBasics(page);
        await expect(page).toHaveTitle(`${indicator.name} · Kết quả nhiệm kỳ`);
        await expect(page.locator('.badge').first()).toBeVisible();
        await follow(exactLink(breadcrumb(page), 'Chỉ tiêu'), pathOf('/chi-tieu'));
      });
    }
  });

  test('figures on the indicator pages read as in the text', async ({ page }) => {
    const expected: Array<[string, string[]]> = [
      ['tang-truong-grdp', ['6,20%/năm', 'đạt 77,5% so với chỉ tiêu Nghị quyết']],
      ['grdp-binh-quan-dau-nguoi', ['75,5 triệu đồng/người/năm', 'tăng 1,65 lần so với năm 2020']],
      ['san-luong-thuy-hai-san', ['423.700 tấn', 'tăng 1,30 lần so với năm 2020']],
      ['gia-tri-xuat-khau', ['1,90 tỷ USD', 'vượt 58,33% so với với chỉ tiêu Nghị quyết', 'tăng 1,7 lần so với năm 2020']],
      ['dao-tao-can-bo', ['67.929 lượt']],
      ['xoa-nha-tam', ['trên 97%']],
    ];
    for (const [code, figures] of expected) {
      await page.goto(`/chi-tieu/${code}`);
      const facts = page.locator('dl.facts');
      for (const figure of figures) await expect(facts).toContainText(figure);
    }
  });

  test('derived values are labelled "suy ra"', async ({ page }) => {
    await page.goto('/chi-tieu');
    await follow(
      exactLink(page.getByRole('table'), 'GRDP bình quân đầu người (giá hiện hành)'),
      pathOf('/chi-tieu/grdp-binh-quan-dau-nguoi'),
    );
    // The headline value is the one the text gives (an estimate), never the derived one.
    await expect(page.locator('dl.facts')).toContainText('75,5 triệu đồng/người/năm (ước tính)');

    // Table: the 2020 row shows ≈ 45,8 and says it is derived.
    const row2020 = page.getByRole('region', { name: 'Số liệu' }).getByRole('row').filter({
      has: page.getByRole('rowheader', { name: '2020', exact: true }),
    });
    await expect(row2020).toHaveCount(1);
    await expect(row2020).toContainText('45,8');
    await expect(row2020).toContainText('suy ra');

    // Chart: the bar is labelled ≈ 45,8, and the caption says "giá trị suy ra".
    const chart = page.locator('figure.chart-figure');
    await expect(chart.locator('svg[role="img"] text', { hasText: '45,8' })).toHaveText('≈ 45,8');
    await expect(chart.locator('figcaption')).toContainText('năm 2020 khoảng 45,8 triệu đồng/người/năm (giá trị suy ra)');

    // The method is shown: "Năm 2020: ≈ 45,8. Cổng thông tin suy ra: 75,5 ÷ 1,65 ≈ 45,8 …".
    await expect(page.getByText(/^Năm 2020: ≈ 45,8\. Cổng thông tin suy ra: 75,5 ÷ 1,65 ≈ 45,8/)).toBeVisible();
  });

  test('the chart has a text alternative and a table fallback', async ({ page }) => {
    await page.goto('/chi-tieu/gia-tri-xuat-khau');
    const svg = page.locator('svg[role="img"]');
    await expect(svg).toHaveCount(1);
    const title = svg.locator('title');
    const desc = svg.locator('desc');
    await expect(title).toHaveText('Giá trị xuất khẩu');
    await expect(svg).toHaveAttribute('aria-labelledby', (await title.getAttribute('id'))!);
    await expect(svg).toHaveAttribute('aria-describedby', (await desc.getAttribute('id'))!);
    await expect(svg).toHaveAccessibleName('Giá trị xuất khẩu');

    const sentence = (await desc.textContent())!.trim();
    expect(sentence).toMatch(/^Biểu đồ cột: Giá trị xuất khẩu /);
    for (const value of ['năm 2020 khoảng 1,12 tỷ USD (giá trị suy ra)', 'năm 2025 ước 1,90 tỷ USD', 'chỉ tiêu (suy ra) khoảng 1,20 tỷ USD']) {
      expect(sentence).toContain(value);
    }
    await expect(svg).toHaveAccessibleDescription(sentence);
    // The same sentence is visible under the chart, for every reader.
    await expect(page.locator('figure.chart-figure figcaption')).toHaveText(sentence);
    await expect(page.locator('figure.chart-figure figcaption')).toBeVisible();

    const table = page.getByRole('table', { name: 'Số liệu: Giá trị xuất khẩu' });
    await expect(table).toBeVisible();
    await expect(table.locator('thead th')).toHaveCount(5);
    await expect(table.locator('thead th:not([scope="col"])')).toHaveCount(0);
    await expect(table.locator('tbody th[scope="row"]')).toHaveText(['2020', '2025', 'Chỉ tiêu']);
    await expect(table.locator('tbody td')).toContainText(['1,12', 'tỷ USD', 'Giá trị suy ra', 'Chỉ tiêu năm 2025']);
  });

  test('every section page, from the table of contents', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await follow(exactLink(mainNav(page), 'Nội dung báo cáo'), pathOf('/muc'), 'Nội dung báo cáo');
    await expectPageBasics(page);
    const toc = page.getByRole('navigation', { name: 'Mục lục' });
    await expect(toc.getByRole('link')).toHaveText(seed.sections.map((s) => s.title));

    for (const section of seed.sections) {
      await test.step(section.slug, async () => {
        await follow(exactLink(page.getByRole('navigation', { name: 'Mục lục' }), section.title), pathOf(`/muc/${section.slug}`), section.title);
        await expectPageBasics(page);
        await expect(page).toHaveTitle(`${section.title} · Kết quả nhiệm kỳ`);
        await follow(exactLink(breadcrumb(page), 'Nội dung báo cáo'), pathOf('/muc'));
      });
    }
  });

  test('the overview links to each top-level section', async ({ page }) => {
    await page.goto('/');
    const contents = page.getByRole('region', { name: 'Nội dung báo cáo' });
    const top = seed.sections.filter((s) => !s.parent);
    await expect(contents.getByRole('list').getByRole('link')).toHaveText(top.map((s) => s.title));
    await follow(exactLink(contents, 'Ba nhiệm vụ đột phá'), pathOf('/muc/nhiem-vu-dot-pha'), 'Ba nhiệm vụ đột phá');
    // Its sub-sections are on the same page, with the figures and the resolutions linked.
    await expect(page.locator('main')).toContainText('67.929 lượt cán bộ, công chức, viên chức');
    await follow(exactLink(page.locator('main'), 'Nghị quyết số 06-NQ/TU'), pathOf('/nghi-quyet/nghi-quyet-06-nq-tu'), 'Nghị quyết 06-NQ/TU');
    await expect(page.locator('dl.facts')).toContainText('11/7/2021');
  });

  const entityLists = [
    { kind: 'project', path: '/du-an', heading: 'Dự án trọng điểm', from: 'nav', label: 'Dự án' },
    { kind: 'resolution', path: '/nghi-quyet', heading: 'Nghị quyết', from: 'nav', label: 'Nghị quyết' },
    { kind: 'institution', path: '/don-vi', heading: 'Cơ sở, đơn vị', from: 'footer', label: 'Cơ sở, đơn vị' },
  ] as const;

  for (const list of entityLists) {
    test(`${list.path} and each of its pages`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('/');
      const scope = list.from === 'nav' ? mainNav(page) : page.getByRole('contentinfo');
      await follow(exactLink(scope, list.label), pathOf(list.path), list.heading);
      await expectPageBasics(page);
      const items = seed.entities.filter((e) => e.kind === list.kind);
      const linkText = (e: SeedEntity) => (e.kind === 'resolution' ? e.name : e.shortName);
      await expect(page.locator('main .cards h2')).toHaveText(items.map(linkText));

      for (const entity of items) {
        await test.step(entity.slug, async () => {
          await follow(exactLink(page.locator('main .cards'), linkText(entity)), pathOf(`${list.path}/${entity.slug}`), entity.shortName);
          await expectPageBasics(page);
          await expect(page.locator('dl.facts')).toContainText(entity.name);
          // Every mention quotes the report and links to its section.
          const quotes = page.locator('main blockquote');
          expect(await quotes.count()).toBeGreaterThan(0);
          for (const quote of await quotes.allInnerTexts()) expect(quote.length).toBeGreaterThan(10);
          await follow(exactLink(breadcrumb(page), list.heading), pathOf(list.path));
        });
      }
    });
  }

  test('the source text page shows the text as published, with a download', async ({ page }) => {
    await page.goto('/');
    await follow(exactLink(mainNav(page), 'Văn bản gốc'), pathOf('/van-ban-goc'), 'Văn bản gốc');
    await expectPageBasics(page);
    const source = sourceText();
    const shown = await page.locator('pre.source-text').textContent();
    expect(shown).toBe(source);
    await expect(page.getByRole('link', { name: 'Tải văn bản gốc (.txt, UTF-8)' })).toHaveAttribute('href', '/van-ban-goc.txt');
  });
});

test.describe('endpoints', () => {
  test('GET /api/health answers 200 with status ok', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  test('/van-ban-goc.txt is the NFC source, as UTF-8 plain text', async ({ request }) => {
    const res = await request.get('/van-ban-goc.txt');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/plain;\s*charset=utf-8$/i);
    const body = (await res.body()).toString('utf8');
    expect(body).toBe(sourceText());
    expect(body).toBe(body.normalize('NFC'));
    expect(body).toContain('Đến nay, đã có 17/20 chỉ tiêu đạt và vượt.');
  });

  test('an unknown address is a 404 page with the site around it', async ({ page }) => {
    const res = await page.goto('/khong-co-trang-nay');
    expect(res?.status()).toBe(404);
    await expectPageBasics(page, 'Không tìm thấy trang');
    await expect(page).toHaveTitle(/Không tìm thấy/);
    await follow(exactLink(page.locator('main'), 'Về trang tổng quan'), pathOf('/'));
  });

  test('an unknown indicator, section or entity is a 404', async ({ page }) => {
    for (const url of ['/chi-tieu/khong-co', '/muc/khong-co', '/du-an/khong-co', '/nghi-quyet/nghi-quyet-99', '/don-vi/khong-co']) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
      // The server's noindex, and Next's not-found boundary adds its own once scripts run: every one says noindex.
      const robots = await page.locator('head meta[name="robots"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content') ?? ''));
      expect(robots.length, url).toBeGreaterThan(0);
      for (const content of robots) expect(content, url).toMatch(/noindex/);
    }
  });
});

// One page of each type; each is scanned whole (header, main, footer).
const PAGE_TYPES: Array<[string, string]> = [
  ['overview', '/'],
  ['indicator table', '/chi-tieu'],
  ['indicator with chart', '/chi-tieu/gia-tri-xuat-khau'],
  ['indicator without figures', '/chi-tieu/co-cau-grdp'],
  ['report text', '/muc'],
  ['section', '/muc/nhiem-vu-dot-pha'],
  ['entity list', '/du-an'],
  ['entity detail', '/nghi-quyet/nghi-quyet-06-nq-tu'],
  ['source text', '/van-ban-goc'],
  ['404', '/khong-co-trang-nay'],
];

test.describe('accessibility (axe: WCAG 2.0 A/AA, 2.1 AA)', () => {
  for (const [name, url] of PAGE_TYPES) {
    test(`${name} ${url}`, async ({ page, axe }) => {
      await page.goto(url);
      await expect(page.locator('h1')).toBeVisible();
      await axe();
    });
  }

  test('the indicator table and a chart page on a phone', async ({ page, axe }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ['/chi-tieu', '/chi-tieu/gia-tri-xuat-khau', '/van-ban-goc']) {
      await page.goto(url);
      await axe();
    }
  });
});

test('titles are unique per page type', async ({ page }) => {
  const titles = new Map<string, string>();
  for (const [name, url] of PAGE_TYPES) {
    await page.goto(url);
    titles.set(name, await page.title());
  }
  const list = [...titles.values()];
  expect(new Set(list).size, JSON.stringify(Object.fromEntries(titles), null, 2)).toBe(list.length);
  for (const title of list) expect(title).toMatch(/ · Kết quả nhiệm kỳ$/);
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the navigation is visible and the indicator table scrolls inside its box', async ({ page }) => {
    await page.goto('/chi-tieu');
    const nav = mainNav(page);
    await expect(nav).toBeVisible();
    for (const label of NAV_LINKS) await expect(exactLink(nav, label)).toBeInViewport();

    // The page itself does not scroll sideways; the table does, inside its wrapper.
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
    const wrap = page.locator('.table-wrap').filter({ has: page.getByRole('table') }).first();
    const box = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
    expect(box.overflow).toBe('auto');
    expect(box.scroll).toBeGreaterThan(box.client);

    // Every column can be reached: scroll the box to its end and the last column is on screen.
    const lastHeader = page.getByRole('columnheader', { name: 'Đánh giá' });
    await wrap.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect(lastHeader).toBeInViewport();

    // And by keyboard: tabbing to a link inside the table scrolls it into view.
    await wrap.evaluate((el) => el.scrollTo({ left: 0 }));
    const firstLink = exactLink(page.getByRole('table'), seed.indicators[0]!.name);
    await firstLink.focus();
    await expect(firstLink).toBeFocused();
    await expect(firstLink).toBeInViewport();
  });

  test('an indicator page fits the screen', async ({ page }) => {
    await page.goto('/chi-tieu/gia-tri-xuat-khau');
    await expect(mainNav(page)).toBeVisible();
    await page.locator('svg[role="img"]').scrollIntoViewIfNeeded();
    await expect(page.locator('svg[role="img"]')).toBeInViewport({ ratio: 0.9 });
    const svgWidth = await page.locator('svg[role="img"]').evaluate((el) => el.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(390);
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
  });
});

test('print: the navigation is hidden, the content and the source line are printed', async ({ page }) => {
  await page.goto('/chi-tieu/gia-tri-xuat-khau');
  await expect(mainNav(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(mainNav(page)).toBeHidden();
  await expect(page.locator('.skip-link')).toBeHidden();
  await expect(breadcrumb(page)).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('svg[role="img"]')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('PHỤ LỤC 2');
  await page.emulateMedia({ media: 'screen' });
  await expect(mainNav(page)).toBeVisible();
});
