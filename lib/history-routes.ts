import type { ItemType } from './vocabulary';

// Declared in lib/vocabulary.ts; re-exported under its former name for modules not yet importing it from there.

/** URL words for item types in the staff history. */
export const historyTypes = {
  'chi-tieu': 'indicator',
  muc: 'section',
  'bao-cao': 'report',
  'doi-tuong': 'entity',
} as const satisfies Record<string, ItemType>;
export type HistoryTypeSlug = keyof typeof historyTypes;

export function historyHref(itemType: ItemType, itemId: number): string {
  const slug = (Object.keys(historyTypes) as HistoryTypeSlug[]).find((k) => historyTypes[k] === itemType)!;
  return `/quan-tri/lich-su/${slug}/${itemId}`;
}

export function isRestorable(itemType: ItemType): boolean {
  return itemType === 'indicator' || itemType === 'section';
}
