import type { IndicatorView, ValueView } from '@/db/views';

/**
 * The figure a reader sees first: the latest actual value the report gives (never a derived one).
 * On its own (no messages, no React), so the data layer and the scripts that import it under
 * `--conditions=react-server` can use it; db/queries/reports.ts picks the overview's cards by it.
 */
export function headlineValue(indicator: Pick<IndicatorView, 'values'>): ValueView | null {
  const given = indicator.values.filter((v) => v.role === 'actual' && v.kind !== 'derived');
  return given.reduce<ValueView | null>((latest, v) => (!latest || v.year > latest.year ? v : latest), null);
}
