/** One's own second factor: /quan-tri/bao-mat, components/staff/second-factor-enrolment.tsx. */
import { expect, type Locator, type Page } from '@playwright/test';
import { whenHydrated } from './staff-parts';

export class SecurityPage {
  static readonly PATH = '/quan-tri/bao-mat';

  readonly confirmForm: Locator;

  constructor(readonly page: Page) {
    this.confirmForm = page.getByRole('form', { name: 'Xác nhận xác thực hai bước', exact: true });
  }

  /** Enrolment is showing (the account was sent here, or came): QR code and manual key. */
  async expectEnrolment() {
    await expect(this.page).toHaveURL(/\/quan-tri\/bao-mat$/);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Bật xác thực hai bước', exact: true })).toBeVisible();
    await expect(this.page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).locator('svg')).toBeVisible();
  }

  /** The manual key, as an authenticator app would be given it (base32, no spaces). */
  async manualKey(): Promise<string> {
    return ((await this.page.locator('#khoa-thu-cong').textContent()) ?? '').replace(/\s+/g, '');
  }

  async confirm(code: string) {
    await whenHydrated(this.confirmForm);
    await this.confirmForm.getByLabel('Mã 6 chữ số', { exact: true }).fill(code);
    await this.confirmForm.getByRole('button', { name: 'Xác nhận và bật', exact: true }).click();
  }

  async expectCodeRefused() {
    await expect(this.confirmForm.getByText('Mã xác thực không đúng hoặc đã hết hạn.', { exact: false }).first()).toBeVisible();
  }

  /** Enrolled: the ten recovery codes, shown this once. */
  async recoveryCodes(): Promise<string[]> {
    await expect(this.page.getByText('Đã bật xác thực hai bước.')).toBeVisible();
    const list = this.page.getByRole('list', { name: 'Mã khôi phục' });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    return list.getByRole('listitem').allTextContents();
  }
}
