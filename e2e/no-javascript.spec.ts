/**
 * A reader without JavaScript: a 404 shows its message, in the page's language, from the server
 * HTML alone (Next alone would send an empty document that scripts fill in; see
 * components/site/not-found-message.tsx).
 */
import { expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

const cases = [
  { address: '/chi-tieu/khong-co-ma', lang: 'vi', title: 'Không tìm thấy trang', home: 'Về trang tổng quan' },
  { address: '/en/chi-tieu/khong-co-ma', lang: 'en', title: 'Page not found', home: 'Go to the overview' },
  { address: '/khong-co-trang-nay', lang: 'vi', title: 'Không tìm thấy trang', home: 'Về trang tổng quan' },
  { address: '/en/khong-co-trang-nay', lang: 'en', title: 'Page not found', home: 'Go to the overview' },
];

for (const { address, lang, title, home } of cases) {
  test(`without JavaScript, ${address} is a 404 that says so (${lang})`, async ({ page }) => {
    const response = await page.goto(address);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('main h1')).toHaveText(title);
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('main').getByRole('link', { name: home, exact: true })).toHaveAttribute('href', lang === 'en' ? '/en' : '/');
  });
}
