import { z } from 'zod';

/**
 * Characters no text field accepts: NUL, the C0 controls but tab and newline, DEL, the C1
 * controls. (Carriage returns are turned into newlines first.) Lone surrogates are caught by
 * `isWellFormed`: PostgreSQL would store them as U+FFFD, and the revision hash, computed before,
 * would never match again.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this pattern is for
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Why `value` cannot be stored as text, in Vietnamese, or null when it can. */
export function unsafeTextMessage(value: string, label = 'Nội dung'): string | null {
  const Label = `${label[0]!.toUpperCase()}${label.slice(1)}`;
  if (!value.isWellFormed()) return `${Label} chứa ký tự Unicode hỏng (nửa cặp thay thế, lone surrogate). Hãy gõ lại hoặc dán lại đoạn văn.`;
  const found = CONTROL.exec(value);
  if (found) {
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `${Label} chứa ký tự điều khiển không được phép (U+${code}) ở vị trí ${found.index + 1}. Chỉ được dùng tab và xuống dòng.`;
  }
  return null;
}

/** A zod check that refuses what `unsafeTextMessage` names, with its message. */
export const safeText = (label?: string) =>
  z.string().superRefine((value, ctx) => {
    const message = unsafeTextMessage(value, label);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** NFC, line breaks as "\n": how every text enters the database. */
const normalizeText = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n');

/** Required text: NFC, trimmed, not empty, no control characters or broken Unicode. */
export const requiredText = (label: string, max = 2000) =>
  z
    .string({ error: `Hãy nhập ${label}.` })
    .transform((s) => normalizeText(s).trim())
    .pipe(safeText(label))
    .pipe(z.string().min(1, `Hãy nhập ${label}.`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`));

/** Optional text: NFC, trimmed; empty becomes null ("the source gives nothing"). */
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .nullish()
    .transform((s) => {
      const v = normalizeText(s ?? '').trim();
      return v === '' ? null : v;
    })
    .pipe(safeText(label).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`).nullable());

/** The version the editor started from; the server refuses a save based on an older one. */
export const baseVersion = z.coerce.number({ error: 'Thiếu phiên bản gốc của biểu mẫu.' }).int().min(1);

/**
 * One field of an English translation: NFC, trimmed; empty becomes undefined (no translation:
 * the public English page falls back to the Vietnamese text).
 */
export const translationText = (label: string, max = 2000) =>
  z
    .string()
    .nullish()
    .transform((s) => {
      const v = normalizeText(s ?? '').trim();
      return v === '' ? undefined : v;
    })
    .pipe(safeText(label).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`).optional());

