import type { IndicatorView, ValueView } from '@/db/views';
import type { Locale } from './i18n/config';
import { translator } from './i18n/messages';
import type { ValueKind } from './vocabulary';

/** "số liệu báo cáo", "estimate", …: what kind of figure a value is (messages: `value.kind`). */
export function kindLabel(kind: ValueKind, locale: Locale = 'vi'): string {
  return translator(locale, 'value')(`kind.${kind}`);
}

/** The Vietnamese kind labels, for the staff area and open data (Vietnamese only). */
export const kindLabels: Record<ValueKind, string> = {
  reported: kindLabel('reported'),
  estimate: kindLabel('estimate'),
  derived: kindLabel('derived'),
};

export { headlineValue } from './headline-value';

/**
 * Items by area, in first-seen order. Grouped by the Vietnamese area (`vi.area` when a view was
 * localized), so an area translated for some items and not others stays one group.
 */
export function groupByArea<T extends { area: string; vi?: Record<string, string> }>(items: T[]): Array<{ area: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.vi?.area ?? item.area;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([area, list]) => ({ area, items: list }));
}

/** "Văn bản không nêu": said where the source gives nothing (messages: `value.notGiven`). */
export function notGiven(locale: Locale = 'vi'): string {
  return translator(locale, 'value')('notGiven');
}
