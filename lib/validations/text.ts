import { z } from 'zod';

/** Required text: NFC, trimmed, not empty. */
export const requiredText = (label: string, max = 2000) =>
  z
    .string({ error: `Hãy nhập ${label}.` })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, `Hãy nhập ${label}.`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`));

/** Optional text: NFC, trimmed; empty becomes null ("the source gives nothing"). */
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .nullish()
    .transform((s) => {
      const v = (s ?? '').normalize('NFC').trim();
      return v === '' ? null : v;
    })
    .pipe(z.string().max(max, `${label[0]!.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`).nullable());

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
      const v = (s ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
      return v === '' ? undefined : v;
    })
    .pipe(z.string().max(max, `${label[0]!.toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`).optional());

