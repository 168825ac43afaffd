/**
 * Signing in and out, the staff area's door, and account administration.
 *
 * The server under test is started with ADMIN_EMAIL / ADMIN_PASSWORD; these tests read the same
 * values from E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD. Failed attempts use an address that has no
 * account, so the admin's own sign-in throttle is never touched.
 */
import { test } from './fixtures';
import { ADMIN_AREAS, EDITOR_AREAS, ROLE_LABELS, StaffArea } from './pages/staff-area';
import { UsersPage } from './pages/users';

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? '';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? '';
const EDITOR_PASSWORD = 'biên tập viên thử nghiệm 2025';

if (!ADMIN_EMAIL || !ADMIN_PASSWORD) {
  throw new Error('Set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD (scripts/test-all.sh does).');
}

const ADMIN = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };

test.describe('sign-in and the staff area', () => {
  test('signed out, /quan-tri leads to the sign-in page, which comes back afterwards', async ({ users, signInPage }) => {
    await users.goto();
    await signInPage.expectAskedFor(UsersPage.PATH);
    await signInPage.expectOpen();
  });

  test('the sign-in page is accessible and says why a sign-in failed, keeping the email', async ({ axe, signInPage }) => {
    await signInPage.goto();
    await signInPage.expectOpen();
    await axe();

    // Empty form: errors beside the fields, referenced by aria-describedby.
    await signInPage.submit();
    await signInPage.expectEmailRefused(/Nhập email/);

    const unknown = `khong-co-tai-khoan-${Date.now()}@example.vn`;
    await signInPage.fill({ email: unknown, password: 'một mật khẩu sai nhưng đủ dài' });
    await signInPage.submit();
    await signInPage.expectRefused('Email hoặc mật khẩu không đúng.', { email: unknown });
    await axe();
  });

  test('an admin signs in, sees the staff area and the accounts page, then signs out', async ({ axe, signInPage, staff, users }) => {
    await signInPage.signIn(ADMIN, UsersPage.PATH);
    await users.expectOpen();
    await staff.expectSignedInAs(ROLE_LABELS.admin);
    await staff.expectMenu(ADMIN_AREAS);
    await users.expectAccount(ADMIN_EMAIL);
    await axe();

    await staff.openArea('dashboard');
    await staff.expectDashboard();

    await staff.signOut();
    await staff.goto();
    await signInPage.expectAskedFor(StaffArea.PATH);
  });

  test('unauthorized: a write after the session ended is refused and the form keeps its input', async ({ context, signInPage, staff, users }) => {
    await signInPage.signIn(ADMIN, UsersPage.PATH);
    await users.expectOpen();
    const email = `khong-duoc-tao-${Date.now()}@example.vn`;
    await users.fillNewAccount({ email, displayName: 'Không được tạo', password: EDITOR_PASSWORD });

    await context.clearCookies(); // the session ends while the form is open
    await users.createAccount();
    await users.expectRefusedWithoutSession({ email });

    await signInPage.signIn(ADMIN, UsersPage.PATH);
    await users.expectOpen();
    await users.expectNoAccount(email);
    await staff.signOut();
  });

  test('an admin adds an editor; the editor can sign in but cannot open the accounts page', async ({ signInPage, staff, users }) => {
    const editorEmail = `bien-tap-${Date.now()}@example.vn`;
    await signInPage.signIn(ADMIN, UsersPage.PATH);
    await users.expectOpen();

    // The policy refuses a common password, beside the field.
    await users.fillNewAccount({ email: editorEmail, displayName: 'Biên tập viên thử', role: 'editor', password: 'matkhau123456' });
    await users.createAccount();
    await users.expectPasswordRefused('Mật khẩu này quá dễ đoán');

    await users.setNewAccountPassword(EDITOR_PASSWORD);
    await users.createAccount();
    await users.expectCreated(editorEmail);
    await users.expectAccount(editorEmail, { role: 'editor' });
    await staff.signOut();

    await signInPage.signIn({ email: editorEmail, password: EDITOR_PASSWORD });
    await staff.expectDashboard();
    await staff.expectSignedInAs('Biên tập viên thử');
    await staff.expectMenu(EDITOR_AREAS);
    await users.goto();
    await staff.expectForbidden();
    await staff.signOut();
  });
});
