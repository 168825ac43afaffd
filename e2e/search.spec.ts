/**
 * Search as a reader meets it: the box in the header (with and without JavaScript), the results
 * page with its count, types, highlighted snippets and links, the empty state, odd queries, the
 * mobile header, and accessibility (axe) on the results and the empty state.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const headerSearch = (page: Page) => page.getByRole('search', { name: 'Tìm kiếm trong báo cáo' });
const pageSearch = (page: Page) => page.getByRole('search', { name: 'Tìm kiếm', exact: true });
const results = (page: Page) => page.getByRole('list', { name: /^Tìm thấy/ });
const hit = (page: Page, title: string) =>
  results(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });

async function searchFromHeader(page: Page, query: string, submit: 'enter' | 'button') {
  const box = headerSearch(page).getByRole('searchbox', { name: 'Tìm kiếm' });
  await box.fill(query);
  if (submit === 'enter') await box.press('Enter');
  else await headerSearch(page).getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/tim-kiem' && url.searchParams.get('q') === query);
}

test.describe('search', () => {
  test('from the header box: counted, typed, highlighted results that lead to the page', async ({ page, axe }) => {
    await page.goto('/chi-tieu');
    await searchFromHeader(page, 'san luong thuy san', 'enter');

    await expect(page).toHaveTitle('Tìm kiếm: “san luong thuy san” · Kết quả nhiệm kỳ');
    await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('h1')).toHaveText('Tìm kiếm');
    await expect(page.getByText(/^Tìm thấy \d+ kết quả cho “san luong thuy san”\.$/)).toBeVisible();
    // The form on the page keeps the query, to refine it.
    await expect(pageSearch(page).getByRole('searchbox')).toHaveValue('san luong thuy san');

    // The indicator whose name matches comes first, above the section that mentions it.
    const items = results(page).getByRole('listitem');
    const first = items.first();
    await expect(first.locator('.search-hit-type')).toHaveText('Chỉ tiêu');
    await expect(first.getByRole('link')).toHaveText('Tổng sản lượng thuỷ hải sản');
    await expect(first.getByRole('link').locator('mark')).toHaveText(['sản', 'lượng', 'thuỷ', 'sản']);
    await expect(first.locator('.search-snippet')).toContainText('423.700 tấn');
    const section = hit(page, 'Kinh tế');
    await expect(section.locator('.search-hit-type')).toHaveText('Mục nội dung');
    await expect(section.locator('.search-snippet mark').first()).toBeVisible();

    await axe();

    await first.getByRole('link').click();
    await expect(page).toHaveURL(/\/chi-tieu\/san-luong-thuy-hai-san$/);
    await expect(page.locator('h1')).toHaveText('Tổng sản lượng thuỷ hải sản');
  });

  test('every type is named and linked: sections, resolutions, projects, institutions', async ({ page }) => {
    await page.goto('/tim-kiem?q=dang+bo');
    const party = hit(page, 'Xây dựng Đảng, hệ thống chính trị');
    await expect(party.locator('.search-hit-type')).toHaveText('Mục nội dung');
    await expect(party.locator('mark', { hasText: 'Đảng bộ' }).first()).toBeVisible();

    const cases: Array<[string, string, string, RegExp]> = [
      ['06-NQ/TU', 'Nghị quyết 06-NQ/TU', 'Nghị quyết', /\/nghi-quyet\/nghi-quyet-06-nq-tu$/],
      ['cang bien tran de', 'Cảng biển Trần Đề', 'Dự án', /\/du-an\/cang-bien-tran-de$/],
      ['trung tam ioc', 'Trung tâm IOC', 'Cơ sở, đơn vị', /\/don-vi\/trung-tam-ioc$/],
    ];
    for (const [query, title, type, url] of cases) {
      await page.goto(`/tim-kiem?q=${encodeURIComponent(query)}`);
      const item = results(page).getByRole('listitem').first();
      await expect(item.locator('.search-hit-type')).toHaveText(type);
      await item.getByRole('link', { name: title, exact: true }).click();
      await expect(page).toHaveURL(url);
      await expect(page.locator('h1')).toHaveText(title);
    }
  });

  test('diacritics, tone placement and Unicode form do not matter', async ({ page }) => {
    const countFor = async (query: string) => {
      await page.goto(`/tim-kiem?q=${encodeURIComponent(query)}`);
      return (await page.locator('.search-count').textContent())!.replace(/ cho “.*$/, '');
    };
    const composed = await countFor('văn hóa');
    expect(composed).toMatch(/^Tìm thấy \d+ kết quả/);
    expect(await countFor('văn hoá')).toBe(composed);
    expect(await countFor('van hoa')).toBe(composed);
    expect(await countFor('Văn Hóa'.normalize('NFD'))).toBe(composed);
    // The decomposed query is shown composed.
    await expect(page.locator('.search-count')).toContainText('“Văn Hóa”');
  });

  test('nothing found: a helpful empty state, accessible', async ({ page, axe }) => {
    await page.goto('/tim-kiem?q=kh%C3%B4ng+c%C3%B3+t%E1%BB%AB+n%C3%A0y+xyzzy');
    await expect(page).toHaveTitle('Tìm kiếm: “không có từ này xyzzy” · Kết quả nhiệm kỳ');
    await expect(page.getByText('Không tìm thấy kết quả nào cho “không có từ này xyzzy”.')).toBeVisible();
    await expect(results(page)).toHaveCount(0);
    const tips = page.getByRole('list', { name: 'Gợi ý' });
    await expect(tips).toContainText('Gõ không dấu');
    await expect(tips).toContainText('ít từ hơn');
    await expect(tips.getByRole('link', { name: 'chỉ tiêu', exact: true })).toHaveAttribute('href', '/chi-tieu');
    await expect(tips.getByRole('link', { name: 'nội dung báo cáo', exact: true })).toHaveAttribute('href', '/muc');
    await axe();

    await tips.getByRole('link', { name: 'dang bo' }).click();
    await expect(page.getByText(/^Tìm thấy \d+ kết quả cho “dang bo”/)).toBeVisible();
  });

  test('an empty query shows the form, no count and no error', async ({ page, axe }) => {
    for (const url of ['/tim-kiem', '/tim-kiem?q=', '/tim-kiem?q=+++']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page).toHaveTitle('Tìm kiếm · Kết quả nhiệm kỳ');
      await expect(pageSearch(page).getByRole('searchbox', { name: 'Từ cần tìm' })).toHaveValue('');
      await expect(page.locator('.search-count')).toHaveCount(0);
    }
    await axe();
  });

  test('wildcards, markup and very long queries are just text', async ({ page }) => {
    await page.goto('/tim-kiem?q=%25');
    await expect(page.getByText('Không tìm thấy kết quả nào cho “%”.')).toBeVisible();
    await page.goto('/tim-kiem?q=__');
    await expect(page.getByText('Không tìm thấy kết quả nào cho “__”.')).toBeVisible();

    const markup = '<img src=x onerror="document.title=1">';
    await page.goto(`/tim-kiem?q=${encodeURIComponent(markup)}`);
    await expect(page.getByText(`Không tìm thấy kết quả nào cho “${markup}”.`)).toBeVisible();
    await expect(page.locator('main img')).toHaveCount(0);

    // 600 characters (an address much longer is refused by the HTTP server before it reaches the page).
    const response = await page.goto(`/tim-kiem?q=${encodeURIComponent('sản lượng '.repeat(60))}`);
    expect(response?.status()).toBe(200);
    const shown = await pageSearch(page).getByRole('searchbox').inputValue();
    expect(Array.from(shown).length).toBeLessThanOrEqual(200);
    expect(shown.startsWith('sản lượng sản lượng')).toBe(true);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the header box fits, next to a navigation that still fits', async ({ page, axe }) => {
      await page.goto('/tim-kiem?q=dang+bo');
      await expect(headerSearch(page).getByRole('searchbox')).toBeInViewport();
      await expect(headerSearch(page).getByRole('button', { name: 'Tìm' })).toBeInViewport();
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      for (const label of ['Tổng quan', 'Chỉ tiêu', 'Văn bản gốc']) {
        await expect(nav.getByRole('link', { name: label, exact: true })).toBeInViewport();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await axe();
    });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the header form still searches, and results still lead to their pages', async ({ page }) => {
      await page.goto('/');
      await searchFromHeader(page, 'xuất khẩu', 'button');
      await expect(page.getByText(/^Tìm thấy \d+ kết quả cho “xuất khẩu”/)).toBeVisible();
      const first = results(page).getByRole('listitem').first();
      await expect(first.locator('mark').first()).toHaveText('xuất khẩu');
      await first.getByRole('link', { name: 'Giá trị xuất khẩu', exact: true }).click();
      await expect(page).toHaveURL(/\/chi-tieu\/gia-tri-xuat-khau$/);
      await expect(page.locator('h1')).toHaveText('Giá trị xuất khẩu');
    });
  });
});
