/**
 * Staff editing end to end: sign in, edit with a reason, see it published, read the history
 * and its diff, restore, sign out; the conflict screen; a server action replayed without a
 * session. Runs against the e2e server's own database (see scripts/test-all.sh).
 */
import { request as playwrightRequest, type Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { RestorePage } from './pages/history';
import { IndicatorFormPage } from './pages/indicator-form';
import { IndicatorListPage } from './pages/staff-lists';
import { ADMIN, EDITOR, newSignedInPage, signIn } from './staff-session';


test.describe.configure({ mode: 'serial' });

test('an editor updates a figure with a reason, readers see it, history shows the diff, restore brings it back', async ({
  page,
  axe,
  staff,
  indicatorList,
  recentChanges,
  signInPage,
}) => {
  await signIn(page, EDITOR);
  await axe();
  await staff.openArea('indicators');
  await indicatorList.expectOpen();
  await axe();
  const indicatorForm = await indicatorList.edit('Giá trị xuất khẩu');
  await axe();
  // Revision numbers follow the item's own history (fresh in CI, longer when re-run on a kept database).
  const base = await indicatorForm.currentVersion();

  // Find the 2025 actual value (1,90) and change it.
  const row = await indicatorForm.valueRowHolding('1,90');

  // No reason: refused beside the field, input kept.
  await row.setValue('1,95');
  await indicatorForm.save();
  await indicatorForm.expectReasonRefused();
  await row.expectValue('1,95');

  // A number typed the English way is refused, not misread.
  await row.setValue('1.95');
  await indicatorForm.fillReason('Cập nhật số liệu chính thức', 'Số liệu chính thức năm 2025 của Cục Thống kê');
  await indicatorForm.save();
  await row.expectValueRefused();
  await row.expectValue('1.95');

  await row.setValue('1,95');
  await indicatorForm.save();
  await indicatorForm.expectSaved(base + 1);

  // Published at once.
  await page.goto('/chi-tieu/gia-tri-xuat-khau');
  await expect(page.locator('.facts')).toContainText('1,95 tỷ USD');
  await page.goto('/chi-tieu');
  await expect(page.getByRole('row', { name: /Giá trị xuất khẩu/ })).toContainText('1,95 tỷ USD');

  // History: who, when, why, and the diff with old → new and the change.
  await indicatorList.goto();
  const history = await indicatorList.openHistory('Giá trị xuất khẩu', base + 1);
  await history.expectRevision(base + 1, { author: 'Biên tập viên E2E', reason: 'Số liệu chính thức năm 2025 của Cục Thống kê' });
  await history.compare.expectValueChange('Năm 2025', { before: '1,90', after: '1,95', delta: '+0,05', percent: '+2,63%' });
  await axe();

  // Restore the version before: preview first, then a reason, then a new revision.
  const restore = await history.restore(base);
  await restore.compare.expectValueChange('Năm 2025', { delta: '−0,05' });
  await axe();
  await restore.fillReason('Sửa lỗi', 'Số liệu chính thức chưa được công bố');
  await restore.restore();
  await history.expectOpen('indicator', 'Giá trị xuất khẩu');
  await history.expectRevision(base + 2, { reason: RestorePage.reasonOf(base, 'Số liệu chính thức chưa được công bố') });
  await page.goto('/chi-tieu/gia-tri-xuat-khau');
  await expect(page.locator('.facts')).toContainText('1,90 tỷ USD');

  // Recent changes lists both, newest first.
  await recentChanges.goto();
  await recentChanges.expectChange(0, { item: 'Giá trị xuất khẩu', action: 'Khôi phục' });
  await recentChanges.expectChange(1, { item: 'Giá trị xuất khẩu', reason: 'Số liệu chính thức năm 2025' });
  await axe();

  await staff.signOut();
  await indicatorList.goto();
  await signInPage.expectAskedFor(IndicatorListPage.PATH);
});

test('two people edit the same indicator: the second gets the conflict screen with their text kept', async ({ browser }) => {
  const first = await newSignedInPage(browser, EDITOR);
  const second = await newSignedInPage(browser, ADMIN);
  const firstForm = new IndicatorFormPage(first.page);
  const secondForm = new IndicatorFormPage(second.page);
  for (const form of [firstForm, secondForm]) await form.open('dao-tao-can-bo');

  await firstForm.setNote('Ghi chú của người thứ nhất');
  await firstForm.fillReason('Bổ sung', 'Bổ sung ghi chú về nguồn số liệu');
  await firstForm.save();
  await firstForm.expectSaved();

  const mine = 'Ghi chú của người thứ hai, cần được giữ lại';
  await secondForm.setNote(mine);
  await secondForm.fillReason('Bổ sung', 'Một ghi chú khác');
  await secondForm.save();
  await secondForm.conflict.expectShown();
  await secondForm.conflict.expectField('Ghi chú', { stored: 'Ghi chú của người thứ nhất', mine });
  await secondForm.expectNote(mine);

  // Merge: keep mine on top of the new version, then save.
  await secondForm.conflict.keepMine();
  await secondForm.save();
  await secondForm.expectSaved();
  await second.page.goto('/chi-tieu/dao-tao-can-bo');
  await expect(second.page.getByText(mine)).toBeVisible();
  await first.context.close();
  await second.context.close();
});

test('a server action replayed without a session changes nothing', async ({ browser, baseURL }) => {
  const CODE = 'huyen-nong-thon-moi-nang-cao';
  const { context, page } = await newSignedInPage(browser, EDITOR);
  const indicatorForm = new IndicatorFormPage(page);
  await indicatorForm.open(CODE);
  await indicatorForm.setNote('Ghi chú gửi lại không có phiên');
  await indicatorForm.fillReason('Bổ sung', 'Thử gửi lại yêu cầu');

  // Capture the action request and stop it before it reaches the server.
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await page.route(`**${IndicatorFormPage.path(CODE)}`, async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) {
      captured = { headers: req.headers(), body: req.postData() ?? '' };
      await route.abort();
    } else await route.continue();
  });
  await indicatorForm.save();
  await expect.poll(() => captured !== null).toBe(true);
  const { cookie: _cookie, ...headers } = captured!.headers;

  // Replayed by someone with no session: refused, nothing stored.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.post(IndicatorFormPage.path(CODE), { headers, data: captured!.body });
  expect(await response.text()).toContain('unauthenticated');
  await anonymous.dispose();
  const check = await browser.newPage();
  await check.goto(`/chi-tieu/${CODE}`);
  await expect(check.getByText('Ghi chú gửi lại không có phiên')).toHaveCount(0);

  // The same request with the editor's session is accepted: the replay above was refused for the session alone.
  const signedIn = await context.request.post(IndicatorFormPage.path(CODE), { headers, data: captured!.body });
  expect(await signedIn.text()).not.toContain('unauthenticated');
  await check.goto(`/chi-tieu/${CODE}`);
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

/** Nothing in `scope` can run script: no script-bearing elements, no on* attributes, only http(s)/mailto/relative links. */
async function expectInert(scope: Locator) {
  const found = await scope.evaluateAll((roots) => {
    const bad: string[] = [];
    roots.forEach((el) => {
      el.querySelectorAll('script, iframe, svg, img, object, embed').forEach((n) => bad.push(n.outerHTML.slice(0, 80)));
      el.querySelectorAll('*').forEach((n) => {
        for (const a of Array.from(n.attributes)) if (/^on/i.test(a.name)) bad.push(`${n.tagName} ${a.name}`);
      });
      el.querySelectorAll('a[href]').forEach((a) => {
        const href = a.getAttribute('href') ?? '';
        if (!/^(https?:|mailto:|\/|#)/i.test(href)) bad.push(`a href=${href}`);
      });
    });
    return { roots: roots.length, bad, fired: (window as unknown as { __xss?: number }).__xss ?? null };
  });
  expect(found).toEqual({ roots: expect.any(Number), bad: [], fired: null });
  expect(found.roots, 'the part of the page checked is there').toBeGreaterThan(0);
}

test('stored XSS in a narrative stays inert in the preview, on the public page and in the diff', async ({ page, sectionForm, sectionList }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  await signIn(page, EDITOR);
  await sectionForm.open('quoc-phong-an-ninh');
  const original = await sectionForm.readBody();
  await sectionForm.setBody(`${original}\n\n${XSS.join('\n\n')}\n\n[Trang chính thức](https://www.soctrang.gov.vn)`);
  await sectionForm.expectPreviewLink('Trang chính thức');
  await expectInert(sectionForm.preview);
  await sectionForm.fillReason('Biên tập câu chữ', 'Thử nội dung có mã độc');
  await sectionForm.save();
  await sectionForm.expectSaved();

  await page.goto('/muc/quoc-phong-an-ninh');
  await expect(page.getByRole('link', { name: 'Trang chính thức' })).toHaveAttribute('href', 'https://www.soctrang.gov.vn');
  await expectInert(page.locator('main'));

  await sectionList.goto();
  const history = await sectionList.openHistory('Quốc phòng, an ninh');
  // The diff shows the payloads as text, never as markup.
  await history.compare.expectShows('<img src=x onerror=');
  await expectInert(history.compare.root);
  expect(dialogs).toBe(0);
});
