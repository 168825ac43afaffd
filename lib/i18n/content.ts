/**
 * Report content in the reader's language. Content is written in Vietnamese; staff may add an
 * English version of some fields (`translations.en`). An English page shows the English field
 * when there is one and otherwise the Vietnamese text, marked `lang="vi"`, and says so once
 * (components/site/translation-notice.tsx). A Vietnamese page never shows English content.
 */
import type { ContentTranslations } from '@/db/schema';
import type { Locale } from './config';

/** The fields staff can translate, per kind of item. Figures, comparisons as written, source quotations stay Vietnamese. */
export const TRANSLATABLE_FIELDS = {
  indicator: ['name', 'area', 'unit', 'statusNote', 'note'],
  section: ['title', 'heading', 'body'],
  report: ['title', 'documentLabel', 'issuingBody', 'headline'],
  entity: ['name', 'shortName', 'issuer', 'subject'],
} as const;

export type TranslatableItem = keyof typeof TRANSLATABLE_FIELDS;

/** Trim and NFC every translation; drop empty ones and empty languages, so "nothing translated" is always `{}`. */
export function normalizeTranslations(value: unknown): ContentTranslations {
  if (!value || typeof value !== 'object') return {};
  const en = (value as { en?: unknown }).en;
  if (!en || typeof en !== 'object') return {};
  const fields = Object.entries(en as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([field, text]) => [field, text.normalize('NFC').trim()] as const)
    .filter(([, text]) => text !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return fields.length > 0 ? { en: Object.fromEntries(fields) } : {};
}

/**
 * A view in the reader's language. `untranslated` names the fields shown in Vietnamese on an
 * English page; `vi` keeps the Vietnamese text of the fields that were replaced (for grouping, keys).
 */
export type Localized<T> = T & { untranslated: string[]; vi: Record<string, string> };

/**
 * Replace `fields` of `view` with their English version for an English reader. A field with no
 * Vietnamese text (null, '') needs no translation; one with Vietnamese text and no English is
 * listed in `untranslated`.
 */
export function localize<T extends object>(
  view: T,
  translations: ContentTranslations | null | undefined,
  fields: readonly string[],
  locale: Locale,
): Localized<T> {
  if (locale === 'vi') return { ...view, untranslated: [], vi: {} };
  const en = normalizeTranslations(translations).en ?? {};
  const out: Record<string, unknown> = { ...(view as Record<string, unknown>) };
  const untranslated: string[] = [];
  const vi: Record<string, string> = {};
  for (const field of fields) {
    const english = en[field];
    const original = out[field];
    if (english !== undefined) {
      if (typeof original === 'string') vi[field] = original;
      out[field] = english;
    } else if (typeof original === 'string' && original !== '') untranslated.push(field);
  }
  return { ...(out as T), untranslated, vi };
}

/** `lang` for an element showing `field` of a localized view: 'vi' when it fell back to Vietnamese. */
export function langOf(view: { untranslated?: readonly string[] } | null | undefined, field: string): 'vi' | undefined {
  return view?.untranslated?.includes(field) ? 'vi' : undefined;
}

/** The Vietnamese text of `field`, whether or not the view shows an English version (e.g. the unit inside a figure). */
export function sourceText<T extends object, K extends keyof T & string>(view: T & { vi?: Record<string, string> }, field: K): T[K] | string {
  return view.vi?.[field] ?? view[field];
}

/** Whether any of `views` shows one of `fields` (all, if omitted) in Vietnamese: the page then carries the notice. */
export function anyUntranslated(
  views: ReadonlyArray<{ untranslated?: readonly string[] } | null | undefined>,
  fields?: readonly string[],
): boolean {
  return views.some((v) => (v?.untranslated ?? []).some((f) => fields === undefined || fields.includes(f)));
}

/** For text that is quoted from the source in every language (figures as written, comparisons, source sentences). */
export const quotedLang = (locale: Locale): 'vi' | undefined => (locale === 'vi' ? undefined : 'vi');
