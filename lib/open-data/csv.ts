/**
 * The indicators as CSV: one row per value (one empty-valued row for an indicator without
 * values), columns as in ./fields.ts, text cells guarded against spreadsheet formulas.
 */
import { stringify } from 'csv-stringify/sync';
import { statusLabel } from '@/lib/status';
import { CSV_COLUMNS, type CsvColumn } from './fields';
import type { OpenDataSource } from './load';

type CsvRow = Record<CsvColumn, string>;

/** Free-text columns: a leading = + - @ would make a spreadsheet run it as a formula. */
const TEXT_COLUMNS = new Set<CsvColumn>([
  'indicator_name',
  'area',
  'unit',
  'status_label',
  'period_label',
  'qualifier',
  'value_note',
  'target_comparison',
  'baseline_comparison',
  'status_note',
  'indicator_note',
  'source_sentence',
]);
const FORMULA_START = /^[=+\-@\t\r]/;

/** Guard a text cell against formula injection (OWASP): prefix a leading formula character with '. */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** What `guardCell` did, undone (for readers of the CSV and for tests). */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function csvRows(src: Pick<OpenDataSource, 'report' | 'indicators' | 'revision'>): CsvRow[] {
  const rows: CsvRow[] = [];
  const str = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));
  for (const i of src.indicators) {
    const base = {
      report: src.report.slug,
      revision: str(src.revision.revisionId),
      indicator_code: i.code,
      indicator_position: str(i.position),
      indicator_name: i.name,
      area: i.area,
      unit: str(i.unit),
      status: i.status,
      status_label: statusLabel(i.status),
      named_as_key_indicator: str(i.namedAsKeyIndicator),
      target_comparison: str(i.targetComparison),
      baseline_comparison: str(i.baselineComparison),
      adjusted: str(i.adjusted),
      section: str(i.section?.slug),
      status_note: str(i.statusNote),
      indicator_note: str(i.note),
      source_sentence: str(i.sourceSentence),
    };
    const empty = { role: '', year: '', period_label: '', value: '', value_kind: '', qualifier: '', value_note: '' };
    const values = i.values.length
      ? i.values.map((v) => ({
          role: v.role,
          year: str(v.year),
          period_label: str(v.periodLabel),
          value: v.value,
          value_kind: v.kind,
          qualifier: str(v.qualifier),
          value_note: str(v.note),
        }))
      : [empty];
    for (const v of values) {
      const row = { ...base, ...v } as CsvRow;
      for (const c of TEXT_COLUMNS) row[c] = guardCell(row[c]);
      rows.push(row);
    }
  }
  return rows;
}

/** UTF-8 with a byte-order mark (so Excel reads the Vietnamese correctly), CRLF line ends, a header row. */
export function buildIndicatorsCsv(src: Pick<OpenDataSource, 'report' | 'indicators' | 'revision'>): string {
  return stringify(csvRows(src), {
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map(([key]) => ({ key, header: key })),
    record_delimiter: 'windows',
  });
}
