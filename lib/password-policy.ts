/**
 * Password policy, shared by forms (client) and the server: long enough, and not guessable
 * by a real strength estimator (zxcvbn-ts with its common-password list, keyboard graphs and
 * pattern matchers, plus a Vietnamese dictionary below). No composition rules (NIST SP 800-63B).
 * Hashing lives in lib/password.ts, which is server-only; this module must stay free of it.
 */
import { z } from 'zod';
import { ZxcvbnFactory, type Score } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';

/** Minimum length, in code points of the NFC-normalised password (so "ắ" counts once however it was typed). */
export const PASSWORD_MIN_LENGTH = 12;
/** Generous upper bound: a passphrase fits; a megabyte pasted by mistake (or on purpose) does not. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The estimator's score a password must reach (0–4). 4 means it estimates at least 10^10
 * guesses. Score 3 (10^8) still let "Matkhau@2025!" and "admin@soctrang" through, which an
 * attacker with a Vietnamese word list tries early; a passphrase of four ordinary words
 * reaches 4 easily.
 */
export const PASSWORD_MIN_SCORE: Score = 4;

/**
 * The commonest local choices, most common first (the estimator ranks by position), written
 * without diacritics: every password is also checked with its diacritics removed (and with its
 * spaces removed), so "Mật khẩu", "matkhau" and "mat khau" are the same word here. Only whole
 * words that people pick as a password belong here — ordinary syllables would make every
 * Vietnamese passphrase look weak.
 */
export const VIETNAMESE_COMMON_PASSWORDS: readonly string[] = [
  'matkhau', 'matkhau123', '123456a@', 'anhyeuem', 'iloveyou', 'emyeuanh', 'matkhau123456', 'matkhaumoi',
  'doimatkhau', 'khongcomatkhau', 'yeuem', 'yeuanh', 'toiyeuvietnam', 'vietnam', 'vietnamvodich', 'hochiminh',
  'bacho', 'dangcongsan', 'dangcongsanvietnam', 'dangbo', 'tinhuy', 'thanhuy', 'huyenuy', 'ubnd', 'hdnd',
  'uybannhandan', 'hoidongnhandan', 'mattrantoquoc', 'doanthanhnien', 'congdoan', 'nhiemky', 'daihoi',
  'quantri', 'quantrivien', 'admin', 'administrator', 'bientapvien', 'bientap', 'nguoidung', 'taikhoan',
  'xinchao', 'ketqua', 'ketquanhiemky', 'baocao', 'baocaonhiemky', 'chitieu', 'soctrang', 'tinhsoctrang',
  'cantho', 'baclieu', 'camau', 'travinh', 'vinhlong', 'haugiang', 'kiengiang', 'angiang', 'dongthap',
  'bentre', 'tiengiang', 'longan', 'hanoi', 'saigon', 'hochiminhcity', 'danang', 'haiphong', 'hue',
  'hoangsa', 'truongsa', 'chucmungnammoi', 'nguyen', 'nguyenvana', 'tranvanb', 'conga', 'concho',
];

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: loading the dictionaries costs a few hundred milliseconds. */
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, vi: [...VIETNAMESE_COMMON_PASSWORDS] },
    graphs: adjacencyGraphs,
    useLevenshteinDistance: true,
    maxLength: PASSWORD_MAX_LENGTH,
  });
  return estimator;
}

export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in code points after NFC: what a person would count. */
export function passwordLength(password: string): number {
  return [...normalisePassword(password)].length;
}

/** Lower case, diacritics removed (đ → d): how the dictionaries are written. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().normalize('NFC');
}

export type PasswordStrength = { score: Score; warning: string | null };

/**
 * The weakest estimate over the ways an attacker would try the password: as typed (lower
 * case), without diacritics, and without diacritics or spaces ("Sóc Trăng 2025" → "soctrang2025").
 */
export function passwordStrength(password: string): PasswordStrength {
  const typed = normalisePassword(password).toLowerCase();
  const plain = withoutDiacritics(typed);
  const compact = plain.replace(/\s+/gu, '');
  let weakest: PasswordStrength | null = null;
  for (const candidate of new Set([typed, plain, compact])) {
    if (candidate.length === 0) return { score: 0, warning: null };
    const result = getEstimator().check(candidate);
    if (!weakest || result.score < weakest.score) weakest = { score: result.score, warning: result.feedback.warning };
  }
  return weakest ?? { score: 0, warning: null };
}

/** True when the estimator scores the password below PASSWORD_MIN_SCORE. */
export function isWeakPassword(password: string): boolean {
  return passwordStrength(password).score < PASSWORD_MIN_SCORE;
}

export const passwordMessages = {
  required: 'Nhập mật khẩu.',
  tooShort: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự. Một cụm từ dễ nhớ, ví dụ vài từ tiếng Việt cách nhau, là lựa chọn tốt.`,
  tooLong: `Mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
  weak: 'Mật khẩu này quá dễ đoán.',
  advice: 'Hãy chọn một cụm từ khác, ví dụ vài từ tiếng Việt ít gặp cách nhau.',
} as const;

/** The estimator's warnings (its untranslated keys) in Vietnamese, said between `weak` and `advice`. */
const WEAK_REASONS: Readonly<Record<string, string>> = {
  topTen: 'Đây là một trong những mật khẩu bị dùng nhiều nhất.',
  topHundred: 'Đây là một mật khẩu bị dùng rất nhiều.',
  common: 'Đây là một mật khẩu phổ biến.',
  similarToCommon: 'Mật khẩu này gần giống một mật khẩu phổ biến.',
  wordByItself: 'Một từ đứng một mình rất dễ đoán.',
  namesByThemselves: 'Tên hoặc họ đứng một mình rất dễ đoán.',
  commonNames: 'Tên và họ phổ biến rất dễ đoán.',
  straightRow: 'Một hàng phím liền nhau rất dễ đoán.',
  keyPattern: 'Một mẫu gõ phím ngắn rất dễ đoán.',
  simpleRepeat: 'Ký tự lặp lại như "aaa" rất dễ đoán.',
  extendedRepeat: 'Một cụm lặp lại như "abcabcabc" rất dễ đoán.',
  sequences: 'Một dãy liên tiếp như "abc" hay "123" rất dễ đoán.',
  recentYears: 'Năm gần đây rất dễ đoán.',
  dates: 'Ngày tháng rất dễ đoán.',
};

/** Why a password is refused, in Vietnamese; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return passwordMessages.required;
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return passwordMessages.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return passwordMessages.tooLong;
  const { score, warning } = passwordStrength(password);
  if (score >= PASSWORD_MIN_SCORE) return null;
  const reason = warning && Object.hasOwn(WEAK_REASONS, warning) ? WEAK_REASONS[warning] : null;
  return [passwordMessages.weak, reason, passwordMessages.advice].filter(Boolean).join(' ');
}

/**
 * A new password (account creation, reset). Never trimmed: spaces are part of a passphrase.
 * The value is left as typed; hashing normalises it.
 */
export const passwordSchema = z.string({ error: passwordMessages.required }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
