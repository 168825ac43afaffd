/** What changed between two snapshots of an item, field by field, for the compare view. */
import type { IndicatorSnapshot, SectionSnapshot, ValueSnapshot } from '@/db/snapshots';
import { compareNumbers, diffWords, type DiffPart, type NumberChange } from './diff';
import { normalizeTranslations } from './i18n/content';
import { statusLabel } from './status';

export type FieldChange = { field: string; label: string; before: string | null; after: string | null; parts: DiffPart[] };
export type ValueChange = {
  key: string;
  label: string;
  change: NumberChange;
  kind: { before: ValueSnapshot['kind'] | null; after: ValueSnapshot['kind'] | null };
  other: FieldChange[];
};
export type StatusFlip = { before: string; after: string } | null;
export type SnapshotDiff = { fields: FieldChange[]; values: ValueChange[]; status: StatusFlip; identical: boolean };

const indicatorLabels: Array<[keyof IndicatorSnapshot, string]> = [
  ['name', 'Tên chỉ tiêu'],
  ['code', 'Mã'],
  ['area', 'Lĩnh vực'],
  ['unit', 'Đơn vị tính'],
  ['statusNote', 'Ghi chú đánh giá'],
  ['targetComparison', 'So với chỉ tiêu'],
  ['baselineComparison', 'So với năm gốc'],
  ['sourceSentence', 'Câu trong văn bản gốc'],
  ['note', 'Ghi chú'],
  ['namedAsKeyIndicator', 'Văn bản nêu tên là chỉ tiêu chủ yếu'],
];

const sectionLabels: Array<[keyof SectionSnapshot, string]> = [
  ['title', 'Tiêu đề mục'],
  ['heading', 'Tiêu đề trong văn bản gốc'],
  ['body', 'Nội dung'],
];

/** English translations (`translations.en.<field>`); a snapshot from before translations existed has none. */
const indicatorTranslationLabels: Array<[string, string]> = [
  ['name', 'Tên (tiếng Anh)'],
  ['area', 'Lĩnh vực (tiếng Anh)'],
  ['unit', 'Đơn vị tính (tiếng Anh)'],
  ['statusNote', 'Ghi chú đánh giá (tiếng Anh)'],
  ['note', 'Ghi chú (tiếng Anh)'],
];

const sectionTranslationLabels: Array<[string, string]> = [
  ['title', 'Tiêu đề mục (tiếng Anh)'],
  ['heading', 'Tiêu đề trong văn bản gốc (tiếng Anh)'],
  ['body', 'Nội dung (tiếng Anh)'],
];

const english = (snapshot: unknown) => normalizeTranslations((snapshot as { translations?: unknown } | null)?.translations).en ?? {};

function translationChanges(a: unknown, b: unknown, labels: Array<[string, string]>): FieldChange[] {
  const before = english(a);
  const after = english(b);
  // Known fields in their order, then any other translated field (report, entity) by name.
  const known = new Set(labels.map(([field]) => field));
  const others = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !known.has(f)).sort();
  return [...labels, ...others.map((f): [string, string] => [f, `${f} (tiếng Anh)`])]
    .map(([field, label]) => fieldChange(`translations.en.${field}`, label, before[field], after[field]))
    .filter((c): c is FieldChange => c !== null);
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  // Field values are strings, numbers or booleans; anything else is shown as JSON, never "[object Object]".
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | bigint | symbol);
}

function fieldChange(field: string, label: string, a: unknown, b: unknown): FieldChange | null {
  const before = text(a);
  const after = text(b);
  if (before === after) return null;
  return { field, label, before, after, parts: diffWords(before ?? '', after ?? '') };
}

const valueKey = (v: Pick<ValueSnapshot, 'role' | 'year'>) => `${v.role}:${v.year}`;
const valueLabel = (v: Pick<ValueSnapshot, 'role' | 'year'>) => (v.role === 'target' ? `Chỉ tiêu ${v.year}` : `Năm ${v.year}`);

export function diffIndicators(a: IndicatorSnapshot | null, b: IndicatorSnapshot | null): SnapshotDiff {
  const fields = [
    ...indicatorLabels.map(([field, label]) => fieldChange(field, label, a?.[field], b?.[field])).filter((c): c is FieldChange => c !== null),
    ...translationChanges(a, b, indicatorTranslationLabels),
  ];
  const before = new Map((a?.values ?? []).map((v) => [valueKey(v), v]));
  const after = new Map((b?.values ?? []).map((v) => [valueKey(v), v]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const values: ValueChange[] = [];
  for (const key of keys) {
    const x = before.get(key);
    const y = after.get(key);
    const other = (['periodLabel', 'qualifier', 'note'] as const)
      .map((f) => fieldChange(f, { periodLabel: 'Kỳ', qualifier: 'Từ đi kèm', note: 'Ghi chú' }[f], x?.[f], y?.[f]))
      .filter((c): c is FieldChange => c !== null);
    const change = compareNumbers(x?.value ?? null, y?.value ?? null);
    if (change.direction === 'same' && x?.kind === y?.kind && other.length === 0) continue;
    values.push({ key, label: valueLabel((x ?? y)!), change, kind: { before: x?.kind ?? null, after: y?.kind ?? null }, other });
  }
  const status = a?.status !== b?.status ? { before: a ? statusLabel(a.status) : '—', after: b ? statusLabel(b.status) : '—' } : null;
  return { fields, values, status, identical: fields.length === 0 && values.length === 0 && status === null };
}

export function diffSections(a: SectionSnapshot | null, b: SectionSnapshot | null): SnapshotDiff {
  const fields = [
    ...sectionLabels.map(([field, label]) => fieldChange(field, label, a?.[field], b?.[field])).filter((c): c is FieldChange => c !== null),
    ...translationChanges(a, b, sectionTranslationLabels),
  ];
  return { fields, values: [], status: null, identical: fields.length === 0 };
}

/** Any other item (report, entity): top-level fields compared as text. */
export function diffGeneric(a: Record<string, unknown> | null, b: Record<string, unknown> | null): SnapshotDiff {
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].filter((k) => k !== 'translations').sort();
  const fields = [
    ...keys
      .map((k) => fieldChange(k, k, typeof a?.[k] === 'object' ? JSON.stringify(a?.[k]) : a?.[k], typeof b?.[k] === 'object' ? JSON.stringify(b?.[k]) : b?.[k]))
      .filter((c): c is FieldChange => c !== null),
    ...translationChanges(a, b, []),
  ];
  return { fields, values: [], status: null, identical: fields.length === 0 };
}

export function diffSnapshots(itemType: string, a: unknown, b: unknown): SnapshotDiff {
  if (itemType === 'indicator') return diffIndicators(a as IndicatorSnapshot | null, b as IndicatorSnapshot | null);
  if (itemType === 'section') return diffSections(a as SectionSnapshot | null, b as SectionSnapshot | null);
  return diffGeneric(a as Record<string, unknown> | null, b as Record<string, unknown> | null);
}
