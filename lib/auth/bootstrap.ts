/**
 * The first administrator. There are no default credentials: when ADMIN_EMAIL and
 * ADMIN_PASSWORD are both set and no active admin exists, that admin is created; in every
 * other case nothing is created and a line says why. The password is never printed.
 */
import type { Database } from '@/db';
import { countActiveAdmins, createUser, findUserByEmail } from '@/db/queries/accounts';
import { InvalidError } from '@/lib/errors';
import { passwordProblem } from '@/lib/password-policy';
import { emailSchema } from '@/lib/validations/auth';

export type BootstrapOutcome = 'created' | 'admin_exists' | 'not_configured' | 'invalid_email' | 'weak_password' | 'email_taken';

export type BootstrapOptions = {
  email?: string;
  password?: string;
  /** Shown in the staff header; the admin can change it later. */
  displayName?: string;
  log?: (line: string) => void;
};

const HOW_TO =
  'Tạo tài khoản quản trị bằng ADMIN_EMAIL + ADMIN_PASSWORD khi khởi động, hoặc: echo "<mật khẩu>" | npm run user -- add --email <email> --name "<tên>" --role admin';

export async function bootstrapAdmin(
  db: Database,
  { email, password, displayName = 'Quản trị hệ thống', log = console.log }: BootstrapOptions,
): Promise<{ outcome: BootstrapOutcome; userId?: number }> {
  const admins = await countActiveAdmins(db);
  if (admins > 0) {
    if (email || password) log(`• Đã có ${admins} quản trị viên đang hoạt động: bỏ qua ADMIN_EMAIL/ADMIN_PASSWORD (an active admin exists; nothing created).`);
    return { outcome: 'admin_exists' };
  }
  if (!email || !password) {
    log(`• Chưa có quản trị viên nào đang hoạt động và ADMIN_EMAIL/ADMIN_PASSWORD chưa được đặt (no active admin, none configured).\n  ${HOW_TO}`);
    return { outcome: 'not_configured' };
  }
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success) {
    log(`• ADMIN_EMAIL không phải là một địa chỉ email hợp lệ: không tạo quản trị viên (invalid ADMIN_EMAIL; nothing created).`);
    return { outcome: 'invalid_email' };
  }
  const problem = passwordProblem(password);
  if (problem) {
    log(`• ADMIN_PASSWORD bị từ chối: ${problem} Không tạo quản trị viên (ADMIN_PASSWORD refused by the password policy; nothing created).`);
    return { outcome: 'weak_password' };
  }
  if (await findUserByEmail({ email: parsedEmail.data }, db)) {
    log(
      `• ${parsedEmail.data} đã có tài khoản (biên tập viên hoặc đã bị khoá): không tự đổi quyền hay mật khẩu của nó. ` +
        `Dùng: npm run user -- set-role --email ${parsedEmail.data} --role admin (the account exists; promote it with the CLI).`,
    );
    return { outcome: 'email_taken' };
  }
  let user;
  try {
    user = await createUser({ email: parsedEmail.data, displayName, role: 'admin', password, by: 'console' }, db);
  } catch (error) {
    // Another process (a second server starting at the same moment) created it first.
    if (error instanceof InvalidError && error.fieldErrors?.email) {
      log(`• ${parsedEmail.data} vừa được một tiến trình khác tạo (created concurrently by another process).`);
      return { outcome: 'email_taken' };
    }
    throw error;
  }
  log(`• Đã tạo quản trị viên đầu tiên (created the first admin): ${user.email}`);
  return { outcome: 'created', userId: user.id };
}
