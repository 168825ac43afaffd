import type { IndicatorSnapshot } from '@/db/snapshots';
import { formatDecimal } from '@/lib/number';
import type { IndicatorCreateInput, IndicatorEditInput } from '@/lib/validations/indicator';

/**
 * What the indicator form holds: its schema's input (lib/validations/indicator.ts) — text as typed,
 * numbers in Vietnamese format, not yet parsed. Editing: the edit schema's, with the base version;
 * adding: the create schema's, with the new indicator's code.
 */
export type IndicatorFormInput = IndicatorEditInput | IndicatorCreateInput;

/** The form's values for a stored indicator (edit mode: no code, it is in the URL). */
export function indicatorFormValues(s: IndicatorSnapshot, version: number) {
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
  } satisfies IndicatorEditInput;
}
export type IndicatorFormValues = ReturnType<typeof indicatorFormValues>;

/** The form's values for a new indicator. Its hidden version field is sent too; the create schema ignores it. */
export function emptyIndicatorFormValues() {
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
  } satisfies IndicatorCreateInput & Pick<IndicatorEditInput, 'version'>;
}

// `translations` may be missing from a snapshot written before translations existed.
function englishValues(en: Record<string, string> | undefined) {
  return { name: en?.name ?? '', area: en?.area ?? '', unit: en?.unit ?? '', statusNote: en?.statusNote ?? '', note: en?.note ?? '' };
}
