/** Account administration: /quan-tri/nguoi-dung (admins only), components/staff/new-user-form.tsx and user-row-actions.tsx. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ROLE_LABELS, type Role } from './staff-area';
import { whenHydrated } from './staff-parts';

export type NewAccount = { email: string; displayName: string; password: string; role?: Role };

export class UsersPage {
  static readonly PATH = '/quan-tri/nguoi-dung';

  /** "Thêm tài khoản". */
  readonly newAccountForm: Locator;

  constructor(readonly page: Page) {
    this.newAccountForm = page.getByRole('form', { name: 'Thêm tài khoản', exact: true });
  }

  async goto() {
    await this.page.goto(UsersPage.PATH);
  }

  /** The accounts page is showing. */
  async expectOpen() {
    await expect(this.page).toHaveURL(/\/quan-tri\/nguoi-dung$/);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Người dùng', exact: true })).toBeVisible();
  }

  /** The row of an account, by its email. */
  account(email: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: email.toLowerCase(), exact: true }) });
  }

  /** The account is listed; with `role`, under that role. */
  async expectAccount(email: string, { role }: { role?: Role } = {}) {
    const row = this.account(email);
    await expect(row).toBeVisible();
    // Columns after the email: display name, role, status, created, actions.
    if (role !== undefined) await expect(row.getByRole('cell').nth(1)).toHaveText(ROLE_LABELS[role]);
  }

  async expectNoAccount(email: string) {
    await expect(this.account(email)).toHaveCount(0);
    await expect(this.page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
  }

  private field(label: 'Email' | 'Tên hiển thị' | 'Vai trò' | 'Mật khẩu ban đầu'): Locator {
    return this.newAccountForm.getByLabel(label, { exact: true });
  }

  /** Fill in "Thêm tài khoản" (the role is left as it is unless given). */
  async fillNewAccount({ email, displayName, password, role }: NewAccount) {
    await expect(this.newAccountForm).toBeVisible();
    await whenHydrated(this.newAccountForm);
    await this.field('Email').fill(email);
    await this.field('Tên hiển thị').fill(displayName);
    if (role !== undefined) await this.field('Vai trò').selectOption(role);
    await this.field('Mật khẩu ban đầu').fill(password);
  }

  async setNewAccountPassword(password: string) {
    await this.field('Mật khẩu ban đầu').fill(password);
  }

  /** Press "Tạo tài khoản" (the outcome is for the caller to expect). */
  async createAccount() {
    await this.newAccountForm.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
  }

  async expectCreated(email: string) {
    await expect(this.newAccountForm.getByText(`Đã tạo tài khoản ${email}`)).toBeVisible();
  }

  /** The initial password is refused beside its field. */
  async expectPasswordRefused(message: string) {
    await expect(this.newAccountForm.getByText(message)).toBeVisible();
    await expect(this.field('Mật khẩu ban đầu')).toHaveAttribute('aria-invalid', 'true');
  }

  /** The form was sent without a session: refused, and what was typed is kept. */
  async expectRefusedWithoutSession({ email }: { email: string }) {
    await expect(this.newAccountForm.getByText('Phiên đăng nhập đã hết hạn hoặc bạn chưa đăng nhập.', { exact: false })).toBeVisible();
    await expect(this.field('Email')).toHaveValue(email);
  }

  /** Press one of an account's second-factor buttons and see it confirmed in that row. */
  async requireSecondFactor(email: string) {
    const row = this.account(email);
    await whenHydrated(row.getByRole('button', { name: 'Bắt buộc xác thực hai bước', exact: true }));
    await row.getByRole('button', { name: 'Bắt buộc xác thực hai bước', exact: true }).click();
    await expect(row.getByText(`Đã bắt buộc xác thực hai bước cho ${email.toLowerCase()}.`)).toBeVisible();
  }

  async expectSecondFactor(email: string, status: string | RegExp) {
    // Columns after the email: display name, role, status, second factor, …
    await expect(this.account(email).getByRole('cell').nth(3)).toHaveText(status);
  }

  async resetSecondFactor(email: string) {
    const row = this.account(email);
    await whenHydrated(row.getByRole('button', { name: 'Đặt lại xác thực hai bước', exact: true }));
    await row.getByRole('button', { name: 'Đặt lại xác thực hai bước', exact: true }).click();
    await expect(row.getByText(`Đã đặt lại xác thực hai bước của ${email.toLowerCase()}; tài khoản này đã được đăng xuất.`)).toBeVisible();
  }
}
