import { compareDecimal, parseViNumber } from './number';
import type { Locale } from './i18n/config';
import { translator } from './i18n/messages';
import type { IndicatorStatus } from './vocabulary';

// Declared in lib/vocabulary.ts; re-exported for modules not yet importing them from there.
export { INDICATOR_STATUSES, type IndicatorStatus } from './vocabulary';

/** "Vượt", "Exceeded", …: the assessment's name in the reader's language (messages: `status.label`). */
export function statusLabel(status: IndicatorStatus, locale: Locale = 'vi'): string {
  return translator(locale, 'status')(`label.${status}`);
}

/** What the assessment means, one sentence (messages: `status.description`). */
export function statusDescription(status: IndicatorStatus, locale: Locale = 'vi'): string {
  return translator(locale, 'status')(`description.${status}`);
}

/** "vượt 58,33% …", "đạt 77,5% …": the verb, then a Vietnamese-formatted percentage. */
const COMPARISON = /(chưa\s+đạt|vượt|đạt)\s+(?:mức\s+)?(-?[\d.,\u00A0\u202F ]*\d)\s*%/u;

/**
 * Status from the report's own target-comparison phrase.
 * "vượt X%" (X > 0) → vuot; "đạt X%" → vuot / dat / chua_dat as X is above, equal to or below 100;
 * "chưa đạt …" → chua_dat; missing or unrecognised → chua_xac_dinh. Accepts NFC and NFD input.
 */
export function statusFromComparison(phrase: string | null): IndicatorStatus {
  if (phrase === null) return 'chua_xac_dinh';
  const text = phrase.normalize('NFC').toLowerCase();
  const match = COMPARISON.exec(text);
  if (!match) return /chưa\s+đạt/u.test(text) ? 'chua_dat' : 'chua_xac_dinh';
  const [, verb = '', rawPercent = ''] = match;
  const parsed = parseViNumber(rawPercent);
  if (!parsed.ok) return 'chua_xac_dinh';
  const percent = parsed.value;

  if (/^chưa/u.test(verb)) return 'chua_dat';
  if (verb === 'vượt') return compareDecimal(percent, '0') > 0 ? 'vuot' : 'dat';
  const vsFull = compareDecimal(percent, '100');
  return vsFull > 0 ? 'vuot' : vsFull === 0 ? 'dat' : 'chua_dat';
}
