/**
 * Request headers never choose what the portal prints: the citation on /in and the links of the
 * Atom feed come from SITE_URL (scripts/start.ts derives it from the port), whatever Host or
 * X-Forwarded-Host a client sends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { EDITOR, signIn } from './staff-session';

const FORGED = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

test('a forged X-Forwarded-Host changes nothing on the print edition or in the feed', async ({ request, baseURL }) => {
  const site = new URL(baseURL!).port;
  for (const path of ['/in', '/thay-doi.atom', '/du-lieu']) {
    const body = await (await request.get(path, { headers: FORGED })).text();
    expect(body, path).not.toContain('evil.example');
    expect(body, path).toMatch(new RegExp(`http://localhost:${site}/`));
  }
});

test('an image an editor points at another address is fetched by nobody: not the PDF renderer, not a reader\'s browser', async ({ page, request, sectionForm }) => {
  const seen: string[] = [];
  const listener = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  const image = `http://127.0.0.1:${port}/theo-doi.png`;
  try {
    await signIn(page, EDITOR);
    await sectionForm.open('bai-hoc-kinh-nghiem');
    const body = await sectionForm.readBody();
    await sectionForm.setBody(`${body}\n\n![Ảnh ngoài](${image})`);
    await sectionForm.saveWithReason('Bổ sung', 'Thử một ảnh trỏ ra ngoài (kiểm thử)');

    // The reader's page shows a link to the address instead of loading it.
    await page.goto('/muc/bai-hoc-kinh-nghiem');
    await expect(page.getByRole('link', { name: '[ảnh: Ảnh ngoài]' })).toHaveAttribute('href', image);
    // The PDF is made from /in, which carries the section: Chromium asks nothing of the listener.
    const pdf = await request.get('/in.pdf', { timeout: 90_000 });
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(seen).toEqual([]);

    await sectionForm.open('bai-hoc-kinh-nghiem');
    await sectionForm.setBody(body);
    await sectionForm.saveWithReason('Bổ sung', 'Bỏ ảnh thử (kết thúc kiểm thử)');
  } finally {
    listener.close();
  }
});

test('a guesser rotating X-Forwarded-For is still one address: the sixth guess waits', async ({ page, signInPage }) => {
  const guess = { email: 'doan-mo@example.vn', password: 'không phải mật khẩu này' };
  for (let i = 1; i <= 5; i++) {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `203.0.113.${i}` });
    await signInPage.goto();
    await signInPage.fill(guess);
    await signInPage.submit();
    await expect(signInPage.message).toHaveText('Email hoặc mật khẩu không đúng.');
  }
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.6' });
  await signInPage.goto();
  await signInPage.fill(guess);
  await signInPage.submit();
  await expect(signInPage.message).toContainText('Bạn đã thử đăng nhập sai nhiều lần');
});

test('Auth.js\'s own sign-out ends the session row: a copied cookie no longer opens the staff area; the session answer carries no id', async ({ page, browser }) => {
  await signIn(page, EDITOR);
  const session = (await (await page.request.get('/api/auth/session')).json()) as Record<string, unknown>;
  expect(Object.keys(session)).toEqual(['expires']);

  const copied = await page.context().cookies();
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const out = await page.request.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);

  // Someone who kept a copy of the cookie before the sign-out.
  const thief = await browser.newContext();
  await thief.addCookies(copied.filter((c) => c.name.includes('session-token')));
  const stolen = await thief.newPage();
  await stolen.goto('/quan-tri');
  await expect(stolen).toHaveURL(/\/dang-nhap/);
  await thief.close();
});

test('odd addresses and filters in the staff area are "not found" or ignored, never a server error', async ({ page }) => {
  await signIn(page, EDITOR);
  for (const path of ['/quan-tri/lich-su/constructor/1', '/quan-tri/lich-su/__proto__/1', '/quan-tri/lich-su/chi-tieu/99999999999999', '/quan-tri/lich-su/chi-tieu/abc']) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  for (const path of [
    '/quan-tri/thay-doi?loai=constructor&nguoi=99999999999999&tu=2025-02-30&den=x&truoc=x_99999999999999',
    '/quan-tri/lich-su/chi-tieu/1?tu=99999999999&den=abc&truoc=-5',
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(200);
  }
});

test('an item\'s public changelog is paged by address; a malformed page address is not found', async ({ request }) => {
  const older = await request.get('/chi-tieu/san-luong-thuy-hai-san/lich-su/truoc-2');
  expect(older.status()).toBe(200);
  expect(await older.text()).toContain('href="/chi-tieu/san-luong-thuy-hai-san/lich-su"'); // back to the newest page
  for (const path of ['/chi-tieu/san-luong-thuy-hai-san/lich-su/truoc-x', '/muc/kinh-te/lich-su/a/b', '/en/muc/kinh-te/lich-su/truoc-0']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('a server action posted from another site is refused with 403 and a short message, not a server error', async ({ page }) => {
  await signIn(page, EDITOR);
  for (const path of ['/quan-tri/chi-tieu', '/dang-nhap', '/']) {
    const refused = await page.request.post(path, {
      headers: { 'next-action': 'x', origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
      data: '[]',
      maxRedirects: 0,
    });
    expect(refused.status(), path).toBe(403);
    expect(await refused.text(), path).toBe('Yêu cầu bị từ chối: thao tác này được gửi từ một trang web khác.');
  }
  // The same request from the portal's own pages reaches Next (which then finds no action "x"): not our 403.
  const own = await page.request.post('/quan-tri/chi-tieu', {
    headers: { 'next-action': 'x', origin: new URL(page.url()).origin, 'content-type': 'text/plain;charset=UTF-8' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(own.status()).not.toBe(403);
});
