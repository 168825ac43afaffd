import type { IndicatorSnapshot } from '@/db/snapshots';
import { formatDecimal } from '@/lib/number';
import type { IndicatorStatus } from '@/lib/status';

/** What the indicator form holds: text as typed (numbers in Vietnamese format), not yet parsed. */
export type ValueFormValues = {
  role: 'actual' | 'target';
  year: string;
  value: string;
  kind: 'reported' | 'estimate' | 'derived';
  periodLabel: string;
  qualifier: string;
  note: string;
};

/** The English fields staff may fill; empty: the English page shows the Vietnamese text. */
export type IndicatorTranslationValues = { name: string; area: string; unit: string; statusNote: string; note: string };

export type IndicatorFormValues = {
  code?: string;
  name: string;
  area: string;
  unit: string;
  status: IndicatorStatus;
  statusNote: string;
  namedAsKeyIndicator: boolean;
  targetComparison: string;
  baselineComparison: string;
  sourceSentence: string;
  note: string;
  translations: { en: IndicatorTranslationValues };
  values: ValueFormValues[];
  version: number;
  reason: { kind: string; text: string };
};

export function indicatorFormValues(s: IndicatorSnapshot, version: number): IndicatorFormValues {
  return {
    name: s.name,
    area: s.area,
    unit: s.unit ?? '',
    status: s.status,
    statusNote: s.statusNote ?? '',
    namedAsKeyIndicator: s.namedAsKeyIndicator,
    targetComparison: s.targetComparison ?? '',
    baselineComparison: s.baselineComparison ?? '',
    sourceSentence: s.sourceSentence ?? '',
    note: s.note ?? '',
    translations: { en: englishValues(s.translations?.en) },
    values: s.values.map((v) => ({
      role: v.role,
      year: String(v.year),
      value: formatDecimal(v.value),
      kind: v.kind,
      periodLabel: v.periodLabel ?? '',
      qualifier: v.qualifier ?? '',
      note: v.note ?? '',
    })),
    version,
    reason: { kind: '', text: '' },
  };
}

export function emptyIndicatorFormValues(): IndicatorFormValues {
  return {
    code: '',
    name: '',
    area: '',
    unit: '',
    status: 'chua_xac_dinh',
    statusNote: '',
    namedAsKeyIndicator: false,
    targetComparison: '',
    baselineComparison: '',
    sourceSentence: '',
    note: '',
    translations: { en: englishValues(undefined) },
    values: [],
    version: 1,
    reason: { kind: '', text: '' },
  };
}

// `translations` may be missing from a snapshot written before translations existed.
function englishValues(en: Record<string, string> | undefined): IndicatorTranslationValues {
  return { name: en?.name ?? '', area: en?.area ?? '', unit: en?.unit ?? '', statusNote: en?.statusNote ?? '', note: en?.note ?? '' };
}
