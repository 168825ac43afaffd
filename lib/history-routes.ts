/** URL words for item types in the staff history. */
export const historyTypes = {
  'chi-tieu': 'indicator',
  muc: 'section',
  'bao-cao': 'report',
  'doi-tuong': 'entity',
} as const;
export type HistoryTypeSlug = keyof typeof historyTypes;
export type HistoryItemType = (typeof historyTypes)[HistoryTypeSlug];

export const itemTypeLabels: Record<HistoryItemType, string> = {
  indicator: 'Chỉ tiêu',
  section: 'Mục nội dung',
  report: 'Báo cáo',
  entity: 'Dự án, nghị quyết, đơn vị',
};

export const actionLabels = {
  import: 'Nhập',
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xoá',
  restore: 'Khôi phục',
} as const;

export function historyHref(itemType: HistoryItemType, itemId: number): string {
  const slug = (Object.keys(historyTypes) as HistoryTypeSlug[]).find((k) => historyTypes[k] === itemType)!;
  return `/quan-tri/lich-su/${slug}/${itemId}`;
}

export function isRestorable(itemType: HistoryItemType): boolean {
  return itemType === 'indicator' || itemType === 'section';
}
