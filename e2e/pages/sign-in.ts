/** The sign-in screen: /dang-nhap, components/auth/sign-in-form.tsx. */
import { expect, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, whenHydrated } from './staff-parts';

export type Credentials = { email: string; password: string };

export class SignInPage {
  static readonly PATH = '/dang-nhap';

  constructor(readonly page: Page) {}

  get email(): Locator {
    return this.page.getByLabel('Email', { exact: true });
  }

  get password(): Locator {
    return this.page.getByLabel('Mật khẩu', { exact: true });
  }

  /** The second step's field, shown once the password was right for an account with a second factor. */
  get code(): Locator {
    return this.page.getByLabel('Mã xác thực', { exact: true });
  }

  /** The password was right: the form asks for the code, keeping what was typed. */
  async expectCodeAsked({ email, password }: Credentials) {
    await expect(this.message).toHaveText('Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực, hoặc một mã khôi phục.');
    await expect(this.code).toBeVisible();
    await expect(this.code).toBeFocused();
    await expect(this.email).toHaveValue(email);
    await expect(this.password).toHaveValue(password);
  }

  /** Type the code (or a recovery code) and submit. */
  async submitCode(code: string) {
    await this.code.fill(code);
    await this.submit();
  }

  /** The code was refused (wrong, replayed, spent): still here, asked again, the field cleared and pointing to its error. */
  async expectCodeRefused() {
    const text = 'Mã xác thực không đúng, đã được dùng hoặc đã hết hạn. Hãy nhập mã mới đang hiện trong ứng dụng.';
    await expect(this.message).toHaveText(text);
    await expect(this.page.locator('#dang-nhap-ma-loi')).toHaveText(text);
    await expect(this.code).toHaveValue('');
    await expect(this.code).toHaveAttribute('aria-invalid', 'true');
    await expect(this.page).toHaveURL(/\/dang-nhap/);
  }

  /** The form-level message ("Email hoặc mật khẩu không đúng.", …). */
  get message(): Locator {
    return this.page.locator('#dang-nhap-thong-bao');
  }

  /** Open the sign-in screen, optionally asking to come back to `next` afterwards. */
  async goto(next?: string) {
    await this.page.goto(next ? `${SignInPage.PATH}?next=${encodeURIComponent(next)}` : SignInPage.PATH);
  }

  /** The sign-in screen is showing, in Vietnamese. */
  async expectOpen() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Đăng nhập', exact: true })).toBeVisible();
    await expect(this.page.locator('html')).toHaveAttribute('lang', 'vi');
  }

  /** A signed-out visit to `next` was sent here, to come back to `next` afterwards. */
  async expectAskedFor(next: string) {
    await expect(this.page).toHaveURL(new RegExp(`${SignInPage.PATH}\\?next=${escapeRegExp(encodeURIComponent(next))}$`));
    await expect(this.page.getByRole('heading', { level: 1, name: 'Đăng nhập', exact: true })).toBeVisible();
  }

  /** The form can be used: shown and hydrated (a form submitted before that goes out as a plain GET). */
  async whenReady() {
    await expect(this.email).toBeVisible();
    await whenHydrated(this.email);
  }

  async fill({ email, password }: Credentials) {
    await this.whenReady();
    await this.email.fill(email);
    await this.password.fill(password);
  }

  async submit() {
    await this.whenReady();
    await this.page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  }

  /** Open the screen, fill it in and submit, as a person would (where it lands is for the caller to expect). */
  async signIn(who: Credentials, next?: string) {
    await this.goto(next);
    await this.fill(who);
    await this.submit();
  }

  /** The email is refused beside the field, and the field points to the error. */
  async expectEmailRefused(message: string | RegExp) {
    await expect(this.email).toHaveAttribute('aria-invalid', 'true');
    await expect(this.page.locator('#dang-nhap-email-loi')).toHaveText(message);
    await expect(this.email).toHaveAttribute('aria-describedby', 'dang-nhap-email-loi');
  }

  /** The attempt failed with this message: still here, the email kept as typed, the password cleared. */
  async expectRefused(message: string, { email }: { email: string }) {
    await expect(this.message).toHaveText(message);
    await expect(this.email).toHaveValue(email);
    await expect(this.password).toHaveValue('');
    await expect(this.page).toHaveURL(/\/dang-nhap/);
  }
}
