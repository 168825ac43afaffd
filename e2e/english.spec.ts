/**
 * The public portal in English (/en/…): the header's language switch, the interface in English,
 * `<html lang="en">`, links that stay under /en, figures quoted exactly as the report writes them,
 * the notice where content falls back to Vietnamese, and an English name entered by an editor.
 *
 * Units: a figure is quoted with the unit the report writes ("6,20%/năm"), in every language;
 * the Unit row of an indicator page adds the English name when staff have entered one.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in';
import { EDITOR, signIn } from './staff-session';


const NAV_EN = ['Overview', 'Indicators', 'Report text', 'Projects', 'Resolutions', 'Source document'];
const FALLBACK = 'This content has not been translated into English yet; it is shown in Vietnamese.';
const CODE = 'xa-nong-thon-moi-kieu-mau';
const ENGLISH_NAME = 'Communes meeting the model new-style rural standard';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathOf = (p: string) => new RegExp(`^[^?#]*//[^/]+${escape(p)}$`);
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });
const switchLink = (page: Page, name: 'English' | 'Tiếng Việt') => page.getByRole('banner').getByRole('link', { name, exact: true });

/** Every internal link of the page stays in English, except the way back to Vietnamese and the source file. */
async function expectLinksUnderEn(page: Page) {
  const hrefs = await page
    .locator('a[href^="/"]:not([hreflang="vi"])')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(5);
  for (const href of hrefs) expect(href, 'internal link on an English page').toMatch(/^\/en(?:[/?#]|$)/);
}

async function expectEnglishPage(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveCount(1);
  for (const label of NAV_EN) await expect(mainNav(page).getByRole('link', { name: label, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await expect(page.getByRole('contentinfo')).toContainText('Source:');
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute('content', /\S{3}/);
  await expect(page.locator('head link[rel="alternate"][hreflang="vi"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="alternate"][hreflang="en"]')).toHaveCount(1);
  await expect(switchLink(page, 'Tiếng Việt')).toHaveAttribute('lang', 'vi');
  await expectLinksUnderEn(page);
}


test.describe('a reader switches to English from the header', () => {
  const pages: Array<[string, string, string | RegExp]> = [
    ['/', '/en', /^Kết quả nổi bật/],
    ['/chi-tieu', '/en/chi-tieu', 'Indicators and results, 2020 - 2025 term'],
    ['/chi-tieu/tang-truong-grdp', '/en/chi-tieu/tang-truong-grdp', /\S/],
    ['/muc/kinh-te', '/en/muc/kinh-te', /\S/],
  ];
  for (const [vi, en, h1] of pages) {
    test(`${vi} → ${en}`, async ({ page, axe }) => {
      await page.goto(vi);
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
      const toEnglish = switchLink(page, 'English');
      await expect(toEnglish).toHaveAttribute('lang', 'en');
      await toEnglish.click();
      await expect(page).toHaveURL(pathOf(en));
      await expectEnglishPage(page);
      await expect(page.locator('h1')).toHaveText(h1);
      // Nothing here has an English translation yet: one notice, and the Vietnamese text is marked as such.
      await expect(page.getByRole('note').filter({ hasText: FALLBACK })).toHaveCount(1);
      await expect(page.locator('main [lang="vi"]').first()).toBeAttached();
      await axe();

      // And back: the same page in Vietnamese, without the notice.
      await switchLink(page, 'Tiếng Việt').click();
      await expect(page).toHaveURL(pathOf(vi));
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
      await expect(page.getByText(FALLBACK)).toHaveCount(0);
    });
  }

  test('following links keeps the reader in English', async ({ page }) => {
    await page.goto('/en');
    await mainNav(page).getByRole('link', { name: 'Indicators', exact: true }).click();
    await expect(page).toHaveURL(pathOf('/en/chi-tieu'));
    await page.getByRole('table').getByRole('link', { name: 'Giá trị xuất khẩu', exact: true }).click();
    await expect(page).toHaveURL(pathOf('/en/chi-tieu/gia-tri-xuat-khau'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Figures' })).toBeVisible();
    await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(pathOf('/en'));
  });

  test('the switch keeps ?asOf=', async ({ page }) => {
    // A date goes to the permanent address of the revision it stands for; the switch keeps that moment.
    await page.goto('/chi-tieu?asOf=2099-01-01');
    await expect(page).toHaveURL(/\/chi-tieu\?asOf=r\d+$/);
    const moment = new URL(page.url()).searchParams.get('asOf')!;
    await expect(switchLink(page, 'English')).toHaveAttribute('href', `/en/chi-tieu?asOf=${moment}`);
    await switchLink(page, 'English').click();
    await expect(page).toHaveURL(new RegExp(`/en/chi-tieu\\?asOf=${moment}$`));
    await expect(page.getByRole('complementary', { name: 'Moment of the report shown' })).toBeVisible();
  });

  test('staff pages exist in Vietnamese only: /en/dang-nhap goes to /dang-nhap', async ({ page, signInPage }) => {
    await page.goto(`/en${SignInPage.PATH}`);
    await expect(page).toHaveURL(pathOf(SignInPage.PATH));
    await signInPage.expectOpen();
  });

  test('an unknown English address is a 404 in English', async ({ page }) => {
    const response = await page.goto('/en/chi-tieu/khong-co-chi-tieu-nay');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('Page not found');
  });
});

test('figures read exactly as the report writes them, in English too', async ({ page }) => {
  await page.goto('/en');
  const figures = page.getByRole('region', { name: 'Key figures' });
  for (const figure of ['6,20%/năm', '75,5 triệu đồng/người/năm', '423.700 tấn', '1,90 tỷ USD', 'vượt 58,33%', '67.929 lượt']) {
    await expect(figures).toContainText(figure);
  }
  await expect(figures).toContainText('Figures are quoted as the report writes them');
  await expect(page.getByRole('region', { name: 'Results of the key indicators' })).toContainText('17/20');

  await page.goto('/en/chi-tieu/tang-truong-grdp');
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('6,20%/năm');
  await expect(facts).toContainText('đạt 77,5% so với chỉ tiêu Nghị quyết');
  await expect(facts.locator('.figure-text').first()).toHaveAttribute('lang', 'vi');
  await expect(page.locator('.badge').first()).toHaveText('Not met');
  await expect(page.locator('svg[role="img"] desc')).toContainText('Bar chart:');
  await expect(page.locator('svg[role="img"] desc')).toContainText('6,20%/năm');
});

test('an editor enters an English name; the English page shows it, the Vietnamese page does not', async ({ page, axe, indicatorForm }) => {
  await signIn(page, EDITOR);
  await indicatorForm.open(CODE);
  await indicatorForm.expectEnglishTranslationFields();
  if ((await indicatorForm.readEnglishName()) === ENGLISH_NAME) {
    // A database kept from an earlier run: clear it first, so this run saves a change.
    await indicatorForm.setEnglishName('');
    await indicatorForm.saveWithReason('Biên tập câu chữ', 'Xoá tên tiếng Anh trước khi nhập lại');
  }
  await indicatorForm.setEnglishName(ENGLISH_NAME);
  await indicatorForm.saveWithReason('Biên tập câu chữ', 'Thêm tên tiếng Anh cho trang tiếng Anh');

  await page.goto(`/en/chi-tieu/${CODE}`);
  await expect(page.locator('h1')).toHaveText(ENGLISH_NAME);
  await expect(page.locator('h1')).not.toHaveAttribute('lang', /./);
  await expect(page).toHaveTitle(`${ENGLISH_NAME} · Term Results`);
  // The area is not translated: still a notice, and the area is marked Vietnamese.
  await expect(page.getByRole('note').filter({ hasText: FALLBACK })).toHaveCount(1);
  await expect(page.locator('main > p.note').first()).toHaveAttribute('lang', 'vi');
  await axe();

  await page.goto('/en/chi-tieu');
  await expect(page.getByRole('table').getByRole('link', { name: ENGLISH_NAME, exact: true })).toBeVisible();

  await page.goto(`/chi-tieu/${CODE}`);
  await expect(page.locator('h1')).toHaveText('Xã đạt chuẩn nông thôn mới kiểu mẫu');
  await expect(page.getByText(ENGLISH_NAME)).toHaveCount(0);
});

test.describe('reader tools in English', () => {
  test('/en/tim-kiem?q=san+luong: English chrome, Vietnamese results marked, links under /en', async ({ page, axe }) => {
    await page.goto('/en/tim-kiem?q=san+luong');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('Search');
    await expect(page).toHaveTitle('Search: “san luong” · Term Results');
    const form = page.getByRole('search', { name: 'Search', exact: true });
    await expect(form.getByRole('searchbox', { name: 'Search for' })).toHaveValue('san luong');
    await expect(form.getByRole('button', { name: 'Search' })).toBeVisible();
    await expect(page.getByRole('search', { name: 'Search the report' })).toHaveAttribute('action', '/en/tim-kiem');
    await expect(page.getByText(/^Found \d+ results for “san luong”/)).toBeVisible();
    const first = page.getByRole('list', { name: /^Found/ }).getByRole('listitem').first();
    await expect(first.locator('.search-hit-type')).toHaveText('Indicator');
    await expect(first.locator('.search-hit-title')).toHaveAttribute('lang', 'vi');
    await expect(first.getByRole('link')).toHaveAttribute('href', /^\/en\/chi-tieu\//);
    await expectLinksUnderEn(page);
    await axe();
  });

  test('the header search stays in English', async ({ page }) => {
    await page.goto('/en/chi-tieu');
    const header = page.getByRole('search', { name: 'Search the report' });
    await header.getByRole('searchbox', { name: 'Search' }).fill('dang bo');
    await header.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/en/tim-kiem' && url.searchParams.get('q') === 'dang bo');
    await expect(page.locator('h1')).toHaveText('Search');
  });

  const pages: Array<[string, string]> = [
    ['/en/du-lieu', 'Open data'],
    ['/en/thay-doi', 'Changes to the report'],
    ['/en/in', ''],
  ];
  for (const [url, h1] of pages) {
    test(`${url}: English headings, footer links, feed link, axe`, async ({ page, axe }) => {
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('h1')).toHaveCount(1);
      if (h1) await expect(page.locator('h1')).toHaveText(h1);
      const footer = page.getByRole('contentinfo');
      await expect(footer.getByRole('link', { name: 'Open data' })).toHaveAttribute('href', '/en/du-lieu');
      await expect(footer.getByRole('link', { name: 'Changes' })).toHaveAttribute('href', '/en/thay-doi');
      await expect(footer.getByRole('link', { name: 'Print edition' })).toHaveAttribute('href', '/en/in');
      await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/thay-doi\.atom$/);
      await axe();
    });
  }

  test('English headings on the open data, changes and print pages', async ({ page }) => {
    await page.goto('/en/du-lieu');
    for (const name of ['Source and reuse', 'Addresses', 'Examples', 'JSON fields', 'CSV columns', 'Changes feed (Atom)']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('note').filter({ hasText: 'in Vietnamese only' })).toBeVisible();
    await page.goto('/en/in');
    for (const name of ['Results of the key indicators', 'Indicator table', 'Key projects and resolutions']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
    await expect(page.locator('.print-colophon')).toContainText(/Printed from revision r\d+/);
    await page.goto('/en/chi-tieu/tang-truong-grdp/lich-su');
    await expect(page.locator('h1')).toContainText('Change history:');
  });
});
