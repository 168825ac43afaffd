/**
 * Signing in and out, the staff area's door, and account administration.
 *
 * The server under test is started with ADMIN_EMAIL / ADMIN_PASSWORD; these tests read the same
 * values from E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD. Failed attempts use an address that has no
 * account, so the admin's own sign-in throttle is never touched.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? '';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? '';
const EDITOR_PASSWORD = 'biên tập viên thử nghiệm 2025';

if (!ADMIN_EMAIL || !ADMIN_PASSWORD) {
  throw new Error('Set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD (scripts/test-all.sh does).');
}

const emailField = (page: Page) => page.getByLabel('Email', { exact: true });
const passwordField = (page: Page) => page.getByLabel('Mật khẩu', { exact: true });
const signInButton = (page: Page) => page.getByRole('button', { name: 'Đăng nhập', exact: true });
const staffNav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng khu vực biên tập' });

async function signIn(page: Page, email: string, password: string, next?: string) {
  await page.goto(next ? `/dang-nhap?next=${encodeURIComponent(next)}` : '/dang-nhap');
  await emailField(page).fill(email);
  await passwordField(page).fill(password);
  await signInButton(page).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test.describe('sign-in and the staff area', () => {
  test('signed out, /quan-tri leads to the sign-in page, which comes back afterwards', async ({ page }) => {
    await page.goto('/quan-tri/nguoi-dung');
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri%2Fnguoi-dung$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  });

  test('the sign-in page is accessible and says why a sign-in failed, keeping the email', async ({ page, axe }) => {
    await page.goto('/dang-nhap');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await axe();

    // Empty form: errors beside the fields, referenced by aria-describedby.
    await signInButton(page).click();
    await expect(emailField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#dang-nhap-email-loi')).toHaveText(/Nhập email/);
    await expect(emailField(page)).toHaveAttribute('aria-describedby', 'dang-nhap-email-loi');

    const unknown = `khong-co-tai-khoan-${Date.now()}@example.vn`;
    await emailField(page).fill(unknown);
    await passwordField(page).fill('một mật khẩu sai nhưng đủ dài');
    await signInButton(page).click();
    await expect(page.locator('#dang-nhap-thong-bao')).toHaveText('Email hoặc mật khẩu không đúng.');
    await expect(emailField(page)).toHaveValue(unknown);
    await expect(passwordField(page)).toHaveValue('');
    await expect(page).toHaveURL(/\/dang-nhap/);
    await axe();
  });

  test('an admin signs in, sees the staff area and the accounts page, then signs out', async ({ page, axe }) => {
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, '/quan-tri/nguoi-dung');
    await expect(page).toHaveURL(/\/quan-tri\/nguoi-dung$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Quản trị viên');
    for (const label of ['Bảng điều khiển', 'Chỉ tiêu', 'Nội dung', 'Thay đổi gần đây', 'Người dùng', 'Kiểm tra lịch sử']) {
      await expect(staffNav(page).getByRole('link', { name: label, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('row').filter({ hasText: ADMIN_EMAIL.toLowerCase() })).toBeVisible();
    await axe();

    await staffNav(page).getByRole('link', { name: 'Bảng điều khiển' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều khiển' })).toBeVisible();

    await signOut(page);
    await page.goto('/quan-tri');
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri$/);
  });

  test('unauthorized: a write after the session ended is refused and the form keeps its input', async ({ page, context }) => {
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, '/quan-tri/nguoi-dung');
    await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
    const email = `khong-duoc-tao-${Date.now()}@example.vn`;
    const form = page.getByRole('form', { name: 'Thêm tài khoản' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Tên hiển thị').fill('Không được tạo');
    await form.getByLabel('Mật khẩu ban đầu').fill(EDITOR_PASSWORD);

    await context.clearCookies(); // the session ends while the form is open
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(form.getByText('Phiên đăng nhập đã hết hạn hoặc bạn chưa đăng nhập.', { exact: false })).toBeVisible();
    await expect(form.getByLabel('Email')).toHaveValue(email);

    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, '/quan-tri/nguoi-dung');
    await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
    await signOut(page);
  });

  test('an admin adds an editor; the editor can sign in but cannot open the accounts page', async ({ page }) => {
    const editorEmail = `bien-tap-${Date.now()}@example.vn`;
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, '/quan-tri/nguoi-dung');
    await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();

    const form = page.getByRole('form', { name: 'Thêm tài khoản' });
    await form.getByLabel('Email').fill(editorEmail);
    await form.getByLabel('Tên hiển thị').fill('Biên tập viên thử');
    await form.getByLabel('Vai trò').selectOption('editor');
    // The policy refuses a common password, beside the field.
    await form.getByLabel('Mật khẩu ban đầu').fill('matkhau123456');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(form.getByText('Mật khẩu này quá phổ biến')).toBeVisible();

    await form.getByLabel('Mật khẩu ban đầu').fill(EDITOR_PASSWORD);
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(form.getByText(`Đã tạo tài khoản ${editorEmail}`)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: editorEmail })).toContainText('Biên tập viên');
    await signOut(page);

    await signIn(page, editorEmail, EDITOR_PASSWORD);
    await expect(page).toHaveURL(/\/quan-tri$/);
    await expect(page.getByRole('banner')).toContainText('Biên tập viên thử');
    await expect(staffNav(page).getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
    await page.goto('/quan-tri/nguoi-dung');
    await expect(page).toHaveURL(/\/quan-tri\/khong-du-quyen$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Không đủ quyền' })).toBeVisible();
    await signOut(page);
  });
});
