/**
 * Staff editing end to end: sign in, edit with a reason, see it published, read the history
 * and its diff, restore, sign out; the conflict screen; a server action replayed without a
 * session. Runs against the e2e server's own database (see scripts/test-all.sh).
 */
import { request as playwrightRequest, type Browser, type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, EDITOR, signIn } from './staff-session';


test.describe.configure({ mode: 'serial' });


async function newSignedInPage(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

/** The value row of the indicator form whose year and role match. */
function valueRow(page: Page, index: number) {
  return page.getByRole('group', { name: `Giá trị thứ ${index + 1}` });
}

/** A row of the history table, by revision number. */
function revisionRow(page: Page, revisionNo: number) {
  return page.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: String(revisionNo), exact: true }) });
}

const editForm = (page: Page) => page.getByRole('form', { name: 'Sửa chỉ tiêu' });

async function giveReason(form: Locator, kind: string, text: string) {
  await form.getByLabel('Loại thay đổi').selectOption({ label: kind });
  await form.getByLabel('Giải thích ngắn').fill(text);
}

test('an editor updates a figure with a reason, readers see it, history shows the diff, restore brings it back', async ({ page, axe }) => {
  await signIn(page, EDITOR);
  await axe();
  await page.getByRole('link', { name: 'Chỉ tiêu', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu' })).toBeVisible();
  await axe();
  await page.getByRole('link', { name: 'Sửa: Giá trị xuất khẩu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Giá trị xuất khẩu');
  await axe();
  // Revision numbers follow the item's own history (fresh in CI, longer when re-run on a kept database).
  const base = Number((await page.getByText(/^Phiên bản hiện tại: \d+/).textContent())!.match(/\d+/)![0]);

  // Find the 2025 actual value (1,90) and change it.
  const values = page.locator('.value-row');
  const count = await values.count();
  let row = -1;
  for (let i = 0; i < count; i += 1) {
    if ((await valueRow(page, i).getByLabel('Giá trị', { exact: true }).inputValue()) === '1,90') row = i;
  }
  expect(row).toBeGreaterThanOrEqual(0);
  const valueInput = valueRow(page, row).getByLabel('Giá trị', { exact: true });

  // No reason: refused beside the field, input kept.
  await valueInput.fill('1,95');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.locator('#indicator-reason-kind-error')).toBeVisible();
  await expect(valueInput).toHaveValue('1,95');

  // A number typed the English way is refused, not misread.
  await valueInput.fill('1.95');
  await giveReason(editForm(page), 'Cập nhật số liệu chính thức', 'Số liệu chính thức năm 2025 của Cục Thống kê');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.locator(`#indicator-values-${row}-value-error`)).toBeVisible();
  await expect(valueInput).toHaveValue('1.95');

  await valueInput.fill('1,95');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toContainText(`Đã lưu (phiên bản ${base + 1})`);

  // Published at once.
  await page.goto('/chi-tieu/gia-tri-xuat-khau');
  await expect(page.locator('.facts')).toContainText('1,95 tỷ USD');
  await page.goto('/chi-tieu');
  await expect(page.getByRole('row', { name: /Giá trị xuất khẩu/ })).toContainText('1,95 tỷ USD');

  // History: who, when, why, and the diff with old → new and the change.
  await page.goto('/quan-tri/chi-tieu');
  await page.getByRole('link', { name: `Lịch sử (${base + 1} phiên bản): Giá trị xuất khẩu` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lịch sử: Giá trị xuất khẩu');
  const latest = revisionRow(page, base + 1);
  await expect(latest).toContainText('Biên tập viên E2E');
  await expect(latest).toContainText('Số liệu chính thức năm 2025 của Cục Thống kê');
  const change = page.getByRole('row', { name: /Năm 2025/ });
  await expect(change).toContainText('1,90');
  await expect(change).toContainText('1,95');
  await expect(change).toContainText('+0,05');
  await expect(change).toContainText('+2,63%');
  await axe();

  // Restore version 1: preview first, then a reason, then a new revision.
  await page.getByRole('link', { name: `Khôi phục phiên bản ${base}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Khôi phục phiên bản ${base}` })).toBeVisible();
  await expect(page.getByRole('row', { name: /Năm 2025/ })).toContainText('−0,05');
  await axe();
  await giveReason(page.getByRole('form', { name: 'Khôi phục phiên bản' }), 'Sửa lỗi', 'Số liệu chính thức chưa được công bố');
  await page.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/lich-su\/chi-tieu\/\d+/);
  await expect(revisionRow(page, base + 2)).toContainText(`Khôi phục phiên bản ${base}`);
  await page.goto('/chi-tieu/gia-tri-xuat-khau');
  await expect(page.locator('.facts')).toContainText('1,90 tỷ USD');

  // Recent changes lists both, newest first.
  await page.goto('/quan-tri/thay-doi');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toContainText('Khôi phục');
  await expect(rows.nth(1)).toContainText('Số liệu chính thức năm 2025');
  await axe();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.goto('/quan-tri/chi-tieu');
  await expect(page).toHaveURL(/\/dang-nhap/);
});

test('two people edit the same indicator: the second gets the conflict screen with their text kept', async ({ browser }) => {
  const first = await newSignedInPage(browser, EDITOR);
  const second = await newSignedInPage(browser, ADMIN);
  for (const { page } of [first, second]) await page.goto('/quan-tri/chi-tieu/dao-tao-can-bo');

  await first.page.getByLabel('Ghi chú về chỉ tiêu').fill('Ghi chú của người thứ nhất');
  await giveReason(editForm(first.page), 'Bổ sung', 'Bổ sung ghi chú về nguồn số liệu');
  await first.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(first.page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  const mine = 'Ghi chú của người thứ hai, cần được giữ lại';
  await second.page.getByLabel('Ghi chú về chỉ tiêu').fill(mine);
  await giveReason(editForm(second.page), 'Bổ sung', 'Một ghi chú khác');
  await second.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  const conflict = second.page.getByRole('region', { name: 'Có người khác vừa lưu nội dung này' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /^Ghi chú/ })).toContainText('Ghi chú của người thứ nhất');
  await expect(conflict.getByRole('row', { name: /^Ghi chú/ })).toContainText(mine);
  await expect(second.page.getByLabel('Ghi chú về chỉ tiêu')).toHaveValue(mine);

  // Merge: keep mine on top of the new version, then save.
  await conflict.getByRole('button', { name: /Giữ bản của tôi/ }).click();
  await second.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(second.page.getByRole('status').filter({ hasText: 'Đã lưu' })).toContainText('Đã lưu (phiên bản');
  await second.page.goto('/chi-tieu/dao-tao-can-bo');
  await expect(second.page.getByText(mine)).toBeVisible();
  await first.context.close();
  await second.context.close();
});

test('a server action replayed without a session changes nothing', async ({ browser, baseURL }) => {
  const { context, page } = await newSignedInPage(browser, EDITOR);
  await page.goto('/quan-tri/chi-tieu/huyen-nong-thon-moi-nang-cao');
  await page.getByLabel('Ghi chú về chỉ tiêu').fill('Ghi chú gửi lại không có phiên');
  await giveReason(editForm(page), 'Bổ sung', 'Thử gửi lại yêu cầu');

  // Capture the action request and stop it before it reaches the server.
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await page.route('**/quan-tri/chi-tieu/huyen-nong-thon-moi-nang-cao', async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) {
      captured = { headers: req.headers(), body: req.postData() ?? '' };
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const { cookie: _cookie, ...headers } = captured!.headers;

  // Replayed by someone with no session: refused, nothing stored.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.post('/quan-tri/chi-tieu/huyen-nong-thon-moi-nang-cao', { headers, data: captured!.body });
  expect(await response.text()).toContain('unauthenticated');
  await anonymous.dispose();
  const check = await browser.newPage();
  await check.goto('/chi-tieu/huyen-nong-thon-moi-nang-cao');
  await expect(check.getByText('Ghi chú gửi lại không có phiên')).toHaveCount(0);

  // The same request with the editor's session is accepted: the replay above was refused for the session alone.
  const signedIn = await context.request.post('/quan-tri/chi-tieu/huyen-nong-thon-moi-nang-cao', { headers, data: captured!.body });
  expect(await signedIn.text()).not.toContain('unauthenticated');
  await check.goto('/chi-tieu/huyen-nong-thon-moi-nang-cao');
  await expect(check.getByText('Ghi chú gửi lại không có phiên')).toBeVisible();
  await context.close();
});

const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '[liên kết javascript](javascript:window.__xss=1)',
  '[liên kết data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">bấm</a>',
];

async function expectInert(page: Page, scope: string) {
  const found = await page.evaluate((selector) => {
    const root = document.querySelectorAll(selector);
    const bad: string[] = [];
    root.forEach((el) => {
      el.querySelectorAll('script, iframe, svg, img, object, embed').forEach((n) => bad.push(n.outerHTML.slice(0, 80)));
      el.querySelectorAll('*').forEach((n) => {
        for (const a of Array.from(n.attributes)) if (/^on/i.test(a.name)) bad.push(`${n.tagName} ${a.name}`);
      });
      el.querySelectorAll('a[href]').forEach((a) => {
        const href = a.getAttribute('href') ?? '';
        if (!/^(https?:|mailto:|\/|#)/i.test(href)) bad.push(`a href=${href}`);
      });
    });
    return { bad, fired: (window as unknown as { __xss?: number }).__xss ?? null };
  }, scope);
  expect(found).toEqual({ bad: [], fired: null });
}

test('stored XSS in a narrative stays inert in the preview, on the public page and in the diff', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  await signIn(page, EDITOR);
  await page.goto('/quan-tri/muc/quoc-phong-an-ninh');
  const body = page.getByLabel('Nội dung (Markdown)');
  const original = await body.inputValue();
  await body.fill(`${original}\n\n${XSS.join('\n\n')}\n\n[Trang chính thức](https://www.soctrang.gov.vn)`);
  const preview = page.getByRole('region', { name: 'Xem trước' });
  await expect(preview.getByRole('link', { name: 'Trang chính thức' })).toBeVisible();
  await expectInert(page, '.preview');
  await giveReason(page.getByRole('form', { name: 'Sửa nội dung mục' }), 'Biên tập câu chữ', 'Thử nội dung có mã độc');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  await page.goto('/muc/quoc-phong-an-ninh');
  await expect(page.getByRole('link', { name: 'Trang chính thức' })).toHaveAttribute('href', 'https://www.soctrang.gov.vn');
  await expectInert(page, 'main');

  await page.goto('/quan-tri/muc');
  await page.getByRole('link', { name: /Lịch sử \(\d+ phiên bản\): Quốc phòng, an ninh/ }).click();
  // The diff shows the payloads as text, never as markup.
  await expect(page.locator('.revision-compare')).toContainText('<img src=x onerror=');
  await expectInert(page, '.revision-compare');
  expect(dialogs).toBe(0);
});
