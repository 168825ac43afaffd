/** Sign-in form: one schema for the form (react-hook-form resolver) and the server action. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '@/lib/password-policy';

/** One spelling per address: trimmed, NFC, lower-case. Every lookup and every insert goes through it. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: 'Nhập email.' })
  .transform(normaliseEmail)
  .pipe(z.string().min(1, 'Nhập email.').max(254, 'Email quá dài.'))
  .pipe(z.email('Email không hợp lệ. Ví dụ: ten@donvi.gov.vn'));

export const signInSchema = z.object({
  email: emailSchema,
  // No policy check here: an account made before a policy change must still sign in.
  // Never trimmed: spaces belong to a passphrase.
  password: z
    .string({ error: 'Nhập mật khẩu.' })
    .min(1, 'Nhập mật khẩu.')
    .max(PASSWORD_MAX_LENGTH * 4, 'Mật khẩu quá dài.'),
  /**
   * The second step, for an account with a second factor: six digits from the authenticator app,
   * or one recovery code. Empty until the server asks for it.
   */
  code: z
    .string()
    .max(40, 'Mã quá dài.')
    .optional()
    .transform((v) => v?.trim() || undefined),
});
export type SignInInput = z.output<typeof signInSchema>;

export const SIGN_IN_FAILED_MESSAGE = 'Email hoặc mật khẩu không đúng.';
export const SECOND_FACTOR_ASKED_MESSAGE = 'Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực, hoặc một mã khôi phục.';
export const SECOND_FACTOR_FAILED_MESSAGE = 'Mã xác thực không đúng, đã được dùng hoặc đã hết hạn. Hãy nhập mã mới đang hiện trong ứng dụng.';

/** "Bạn đã thử … sau 2 phút." — rounded up, so the wait never ends before the message says. */
export function throttledMessage(retryAfterSeconds: number): string {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  const wait = s >= 60 ? `${Math.ceil(s / 60)} phút` : `${s} giây`;
  return `Bạn đã thử đăng nhập sai nhiều lần. Vui lòng thử lại sau ${wait}.`;
}
