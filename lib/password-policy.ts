/**
 * Password policy, shared by forms (client) and the server: long enough, not a known
 * common password, no composition rules (NIST SP 800-63B). Hashing lives in
 * lib/password.ts, which is server-only; this module must stay free of it.
 */
import { z } from 'zod';

/** Minimum length, in code points of the NFC-normalised password (so "ắ" counts once however it was typed). */
export const PASSWORD_MIN_LENGTH = 12;
/** Generous upper bound: a passphrase fits; a megabyte pasted by mistake (or on purpose) does not. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Passwords people pick most often that are long enough to pass the length rule, plus the
 * local favourites (Vietnamese words, the site's own name). Compared lower-cased, and also
 * with spaces removed. Runs ("123456789012", "qwertyuiopas") and repetitions ("abcabcabcabc")
 * are caught by rule below, so the list need not spell every variant.
 */
const COMMON_PASSWORDS: readonly string[] = [
  // digits
  '123456789012', '1234567890123', '12345678901234', '123456789123', '123123123123', '123456123456',
  '111222333444', '112233445566', '121212121212', '147258369147', '159357159357', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'zaq12wsxcde3', 'q1w2e3r4t5y6', 'a1b2c3d4e5f6', '0987654321qwe',
  '200020002000', '202020202020', '202420242024', '202520252025', '123456789abc', 'abc123456789',
  // English
  'passwordpassword', 'password1234', 'password12345', 'password123456', 'password2024', 'password2025',
  'password1234!', 'password@123', 'p@ssw0rd1234', 'p@ssword1234', 'passw0rd1234', 'mypassword123',
  'newpassword123', 'changeme1234', 'changeme123456', 'letmein12345', 'letmein123456', 'welcome12345',
  'welcome123456', 'welcome2024!', 'welcome2025!', 'iloveyou1234', 'iloveyou12345', 'iloveyouiloveyou',
  'qwerty123456', 'qwertyuiop123', 'qwertyuiopas', 'qwerty12345678', 'asdfghjkl123', 'zxcvbnm12345',
  'abcdefghijkl', 'abcdefgh1234', 'abcd12345678', 'abc123abc123', 'administrator', 'administrator1',
  'admin1234567', 'admin123456789', 'adminadmin123', 'administrator123', 'superadmin123', 'rootroot1234',
  'football1234', 'baseball1234', 'basketball12', 'sunshine1234', 'princess1234', 'starwars1234',
  'trustno11234', 'monkey123456', 'dragon123456', 'master123456', 'shadow123456', 'michael12345',
  'jennifer1234', 'superman1234', 'batman123456', 'computer1234', 'internet1234', 'whatever1234',
  'correcthorsebatterystaple', 'thequickbrownfox', 'helloworld123', 'helloworld1234', 'test12345678',
  'testtesttest', 'secret123456', 'default12345', 'guest1234567', 'user12345678', 'login1234567',
  // Vietnamese
  'matkhau123456', 'matkhau12345', 'matkhau1234', 'matkhaumoi123', 'matkhaucuatoi', 'matkhau@123',
  'matkhau123456789', 'matkhaumatkhau', 'doimatkhau123', 'khongcomatkhau', 'anhyeuem1234', 'anhyeuem123456',
  'emyeuanh1234', 'emyeuanh123456', 'yeuemnhieulam', 'anhyeuemnhieu', 'toiyeuvietnam', 'vietnam12345',
  'vietnam123456', 'vietnamvodich', 'vietnam@2025', 'hochiminh123', 'hochiminh1890', 'hochiminh1234',
  'saigon123456', 'hanoi1234567', 'hanoi123456789', 'danang123456', 'cantho123456', 'soctrang1234',
  'soctrang123456', 'soctrang2025', 'soctrang2020', 'bacho1234567', 'dangcongsan1930', 'dangcongsan123',
  'dangbo123456', 'tinhuy123456', 'quantri123456', 'quantrivien123', 'bientapvien123', 'nguoidung1234',
  'taikhoan1234', 'taikhoan123456', 'xinchao123456', 'xinchaovietnam', 'chucmungnammoi', 'hoangsa123456',
  'truongsa123456', 'nguyenvana123', 'nguyenvananh1', 'tranvanb12345', 'conga1234567', 'concho1234567',
  // this site
  'ketquanhiemky', 'ketquanhiemky1', 'ketquanhiemky123', 'ketquanhiemky2025', 'nhiemky20202025',
  'baocaonhiemky', 'chitieu123456',
];

const common = new Set(COMMON_PASSWORDS);

/** Rows of keys and alphabets that people walk along; a password that is a slice of one is refused. */
const RUNS = [
  '01234567890123456789',
  '98765432109876543210',
  'abcdefghijklmnopqrstuvwxyz',
  'zyxwvutsrqponmlkjihgfedcba',
  'qwertyuiopasdfghjklzxcvbnm',
  'mnbvcxzlkjhgfdsapoiuytrewq',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in code points after NFC: what a person would count. */
export function passwordLength(password: string): number {
  return [...normalisePassword(password)].length;
}

/** True for a password on the common list or made by an obvious rule (one character or a short group repeated, a keyboard or alphabet run). */
export function isCommonPassword(password: string): boolean {
  const lower = normalisePassword(password).toLowerCase();
  const compact = lower.replace(/\s+/gu, '');
  for (const candidate of new Set([lower, compact])) {
    if (candidate.length === 0) return true;
    if (common.has(candidate)) return true;
    // The whole password is a shorter string repeated: "aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword".
    if (/^(.+?)\1+$/su.test(candidate)) return true;
    if (RUNS.some((run) => run.includes(candidate))) return true;
  }
  return false;
}

export const passwordMessages = {
  required: 'Nhập mật khẩu.',
  tooShort: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự. Một cụm từ dễ nhớ, ví dụ vài từ tiếng Việt cách nhau, là lựa chọn tốt.`,
  tooLong: `Mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
  common: 'Mật khẩu này quá phổ biến hoặc quá dễ đoán. Hãy chọn một cụm từ khác.',
} as const;

/** Why a password is refused, in Vietnamese; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return passwordMessages.required;
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return passwordMessages.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return passwordMessages.tooLong;
  if (isCommonPassword(password)) return passwordMessages.common;
  return null;
}

/**
 * A new password (account creation, reset). Never trimmed: spaces are part of a passphrase.
 * The value is left as typed; hashing normalises it.
 */
export const passwordSchema = z.string({ error: passwordMessages.required }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
