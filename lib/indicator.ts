import type { IndicatorView, ValueView } from '@/db/queries/reports';

export const kindLabels: Record<ValueView['kind'], string> = {
  reported: 'số liệu báo cáo',
  estimate: 'ước tính',
  derived: 'suy ra',
};

/** The figure a reader sees first: the latest actual value the report gives (never a derived one). */
export function headlineValue(indicator: Pick<IndicatorView, 'values'>): ValueView | null {
  const given = indicator.values.filter((v) => v.role === 'actual' && v.kind !== 'derived');
  return given.reduce<ValueView | null>((latest, v) => (!latest || v.year > latest.year ? v : latest), null);
}

export function groupByArea<T extends { area: string }>(items: T[]): Array<{ area: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.area, [...(groups.get(item.area) ?? []), item]);
  return [...groups].map(([area, list]) => ({ area, items: list }));
}

export const NOT_GIVEN = 'Văn bản không nêu';
