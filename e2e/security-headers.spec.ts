/**
 * Security headers as a browser receives them: a public page (cached, fixed policy), the sign-in
 * page and a staff page (a nonce policy, new on every request, that Next's own scripts carry),
 * and the fixed headers on API answers too. Signing in and opening a staff form work under the
 * policy, with no script refused.
 */
import { expect, test } from './fixtures';
import { EDITOR, signIn } from './staff-session';

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

test('a public page: the fixed policy (no framing, no plugins, images only from here) and the common headers', async ({ request }) => {
  for (const path of ['/', '/en/chi-tieu', '/api/health', '/du-lieu']) {
    const headers = (await request.get(path)).headers();
    expect(headers, path).toMatchObject(COMMON);
    expect(headers['permissions-policy'], path).toContain('camera=()');
  }
  const csp = (await request.get('/chi-tieu')).headers()['content-security-policy']!;
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "img-src 'self' data:"]) expect(csp).toContain(directive);
});

test('sign-in and staff pages: a nonce policy, new each time, carried by the page\'s own scripts', async ({ request }) => {
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  const first = await request.get('/dang-nhap');
  const second = await request.get('/dang-nhap');
  const [a, b] = [nonceOf(first.headers()['content-security-policy']), nonceOf(second.headers()['content-security-policy'])];
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect(a).not.toBe(b);
  expect(first.headers()['content-security-policy']).toContain("'strict-dynamic'");
  expect(first.headers()).toMatchObject(COMMON);
  // Every script of the page carries this response's nonce.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${a}"`);
});

test('signing in and opening a staff form work under the policy, and no script is refused', async ({ page, indicatorForm }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) refused.push(message.text());
  });
  await signIn(page, EDITOR);
  const staffPage = await page.request.get('/quan-tri');
  expect(staffPage.headers()['content-security-policy']).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  await indicatorForm.open('gia-tri-xuat-khau');
  expect(refused).toEqual([]);
});
