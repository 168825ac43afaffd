import { compareDecimal, parseViNumber } from './number';

export type IndicatorStatus = 'vuot' | 'dat' | 'chua_dat' | 'chua_xac_dinh';

export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['vuot', 'dat', 'chua_dat', 'chua_xac_dinh'];

const LABELS: Record<IndicatorStatus, string> = {
  vuot: 'Vượt',
  dat: 'Đạt',
  chua_dat: 'Chưa đạt',
  chua_xac_dinh: 'Chưa xác định',
};

const DESCRIPTIONS: Record<IndicatorStatus, string> = {
  vuot: 'Kết quả cao hơn chỉ tiêu đề ra.',
  dat: 'Kết quả bằng chỉ tiêu đề ra.',
  chua_dat: 'Kết quả thấp hơn chỉ tiêu đề ra.',
  chua_xac_dinh: 'Báo cáo không so sánh kết quả này với chỉ tiêu, nên chưa xác định được mức độ hoàn thành.',
};

export function statusLabel(status: IndicatorStatus): string {
  return LABELS[status];
}

export function statusDescription(status: IndicatorStatus): string {
  return DESCRIPTIONS[status];
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
