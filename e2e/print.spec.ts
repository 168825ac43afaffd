/**
 * Print and PDF: /in holds the whole report in the appendix's order with the revision it was
 * printed from; /in.pdf is a real PDF made from it; the new public pages pass axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

type Seed = { report: { title: string }; sections: Array<{ slug: string; title: string }> };
const seed: Seed = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../db/seed/soc-trang-2020-2025.json'), 'utf8').normalize('NFC'));

const FOOTER = /Bản in theo phiên bản r(\d+), ngày \d{2}\/\d{2}\/\d{4}, lúc \d{2}:\d{2}\./;

test('/in: title block, headline, indicator table, every section in order, projects and resolutions, revision footer', async ({ page }) => {
  await page.goto('/in');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveText(seed.report.title);
  const report = page.locator('.print-report');
  await expect(report.locator('.print-title')).toContainText('PHỤ LỤC 2');
  await expect(report).toContainText('17/20');
  await expect(report.getByRole('table').first()).toContainText('Tốc độ tăng tổng sản phẩm trên địa bàn');

  // Every section, in the appendix's own order.
  const headings = await report.locator('.print-sections section > :is(h2, h3, h4)').allTextContents();
  expect(headings.map((h) => h.trim())).toEqual(seed.sections.map((s) => s.title));

  // The blocks themselves in order: title, headline, table, sections, projects, footer.
  const order = await page.evaluate(() =>
    ['.print-title', '#ban-in-ket-qua', '#ban-in-bang-chi-tieu', '.print-sections', '#ban-in-du-an', '.print-colophon'].map((s) => {
      const all = [...document.querySelectorAll('.print-report *')];
      return all.indexOf(document.querySelector(s)!);
    }),
  );
  expect(order.every((n) => n >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);

  const footer = page.locator('.print-colophon');
  await expect(footer).toContainText(FOOTER);
  const revision = FOOTER.exec((await footer.textContent())!)![1]!;
  await expect(footer).toHaveAttribute('data-revision', revision);

  // Printing hides the site's navigation, not the report.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.print-toolbar')).toBeHidden();
  await expect(footer).toBeVisible();

  // The same page as of that revision names it too.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/in?asOf=r${revision}`);
  await expect(page.locator('.print-colophon')).toHaveAttribute('data-revision', revision);
});

test('/in.pdf: an A4 PDF of /in, as a download', async ({ request }) => {
  test.setTimeout(120_000);
  const response = await request.get('/in.pdf', { timeout: 90_000 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="soc-trang-2020-2025-r\d+\.pdf"$/);
  const body = await response.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(body.length).toBeGreaterThan(20_000);
  // Cached per revision: asked again with its ETag, nothing is rendered or sent.
  const again = await request.get('/in.pdf', { headers: { 'If-None-Match': response.headers()['etag']! } });
  expect(again.status()).toBe(304);
  // A bad asOf is refused before any browser starts.
  expect((await request.get('/in.pdf?asOf=hom-qua')).status()).toBe(400);
});

test('the new public pages pass axe', async ({ page, axe }) => {
  for (const url of ['/in', '/du-lieu', '/thay-doi', '/chi-tieu/san-luong-thuy-hai-san/lich-su', '/muc/kinh-te/lich-su']) {
    await page.goto(url);
    await expect(page.locator('h1')).toHaveCount(1);
    await axe();
  }
});
