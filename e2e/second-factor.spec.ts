/**
 * The second factor, as staff meet it: an admin requires it for a new editor; the editor is sent
 * to enrolment (QR code, manual key), confirms with a code computed here as a phone would
 * (otpauth, from the manual key), keeps the recovery codes; sign-in then asks for a code, refuses
 * a wrong or replayed one and a spent recovery code; an admin's reset signs the editor out.
 *
 * The e2e server runs with SECOND_FACTOR_POLICY=per-account (scripts/test-all.sh): the shared
 * E2E_ADMIN signs in dozens of times a minute across specs, which no replay-proof code allows.
 * That admins must enrol is tested in tests/db/second-factor.test.ts (secondFactorDue).
 */
import { Secret, TOTP } from 'otpauth';
import { expect, test } from './fixtures';
import { SecurityPage } from './pages/security';
import { SignInPage } from './pages/sign-in';
import { StaffArea } from './pages/staff-area';
import { UsersPage } from './pages/users';
import { ADMIN, newSignedInPage } from './staff-session';

const PERIOD_MS = 30_000;
const stepOf = (ms: number) => Math.floor(ms / PERIOD_MS);

/** A phone: codes from the manual key, never two from the same 30-second step (the server refuses a replay). */
class Authenticator {
  private lastStep = -1;
  constructor(readonly key: string) {}

  codeAt(ms: number): string {
    return new TOTP({ secret: Secret.fromBase32(this.key) }).generate({ timestamp: ms });
  }

  /** The code of the current step, waiting for the next step when this one was used already. */
  async freshCode(): Promise<string> {
    while (stepOf(Date.now()) <= this.lastStep) await new Promise((r) => setTimeout(r, 500));
    const now = Date.now();
    this.lastStep = stepOf(now);
    return this.codeAt(now);
  }

  /** The code last handed out, again (for the replay case). */
  lastCode(): string {
    return this.codeAt(this.lastStep * PERIOD_MS + 1);
  }
}

test('an editor required to use a second factor enrols, signs in with codes and recovery codes, and an admin reset signs them out', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const editor = { email: `e2e-2fa-${Date.now()}@example.vn`, password: 'mật khẩu của biên tập viên hai bước' };

  // The admin creates the account and requires a second factor for it.
  const admin = await newSignedInPage(browser, ADMIN);
  const users = new UsersPage(admin.page);
  await users.goto();
  await users.fillNewAccount({ ...editor, displayName: 'Biên tập viên hai bước', role: 'editor' });
  await users.createAccount();
  await users.expectCreated(editor.email);
  await admin.page.reload();
  await users.expectSecondFactor(editor.email, 'Chưa bật');
  await users.requireSecondFactor(editor.email);
  await admin.page.reload();
  await users.expectSecondFactor(editor.email, 'Chưa bật (bắt buộc)');

  // The editor signs in with the password alone (nothing enrolled yet) and is sent to enrolment first.
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  const security = new SecurityPage(page);
  await signIn.signIn(editor);
  await security.expectEnrolment();
  await page.goto('/quan-tri/chi-tieu');
  await security.expectEnrolment();

  const phone = new Authenticator(await security.manualKey());
  await security.confirm(phone.codeAt(Date.now() - 10 * PERIOD_MS));
  await security.expectCodeRefused();
  await security.confirm(await phone.freshCode());
  const recovery = await security.recoveryCodes();
  expect(recovery.every((c) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(c))).toBe(true);
  await page.getByRole('link', { name: 'Tôi đã lưu các mã, vào khu vực biên tập' }).click();
  const staff = new StaffArea(page);
  await staff.expectDashboard();
  await staff.signOut();

  // Password, then the code: a wrong one is refused, a fresh one lets in.
  await signIn.signIn(editor);
  await signIn.expectCodeAsked(editor);
  await signIn.submitCode(phone.codeAt(Date.now() + 10 * PERIOD_MS));
  await signIn.expectCodeRefused();
  await signIn.submitCode(await phone.freshCode());
  await staff.expectDashboard();
  await staff.signOut();

  // The same code again, inside its window: refused.
  await signIn.signIn(editor);
  await signIn.expectCodeAsked(editor);
  await signIn.submitCode(phone.lastCode());
  await signIn.expectCodeRefused();

  // A recovery code instead (typed in lower case): once.
  await signIn.submitCode(recovery[0]!.toLowerCase());
  await staff.expectDashboard();
  await staff.signOut();
  await signIn.signIn(editor);
  await signIn.expectCodeAsked(editor);
  await signIn.submitCode(recovery[0]!);
  await signIn.expectCodeRefused();
  await signIn.submitCode(recovery[1]!);
  await staff.expectDashboard();

  // The admin resets the editor's second factor: the editor's session ends at once.
  await admin.page.reload();
  await users.expectSecondFactor(editor.email, 'Đang bật (bắt buộc)');
  await users.resetSecondFactor(editor.email);
  await page.goto('/quan-tri/chi-tieu');
  await expect(page).toHaveURL(/\/dang-nhap\?next=/);
  // Signing in again (password only: nothing enrolled) leads straight back to enrolment, with a new key.
  await signIn.fill(editor);
  await signIn.submit();
  await security.expectEnrolment();
  expect(await security.manualKey()).not.toBe(phone.key);

  await context.close();
  await admin.context.close();
});
