import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { IndicatorView, ReportHeader } from '@/db/views';
import { buildIndicatorsCsv, guardCell, unguardCell } from './csv';
import { CSV_COLUMNS } from './fields';

const report = { slug: 'bao-cao' } as ReportHeader;
const revision = { revisionId: 42, createdAt: '2026-01-31T08:00:00.123Z' };

function indicator(over: Partial<IndicatorView>): IndicatorView {
  return {
    id: 1,
    code: 'ma',
    position: 1,
    area: 'Kinh tế',
    name: 'Tên',
    unit: '%',
    status: 'dat',
    statusNote: null,
    namedAsKeyIndicator: false,
    targetComparison: null,
    baselineComparison: null,
    sourceSentence: null,
    note: null,
    section: null,
    values: [],
    adjusted: false,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  } as IndicatorView;
}

describe('CSV', () => {
  const tricky = indicator({
    code: 'kho',
    name: 'Tên có dấu phẩy, "ngoặc kép" và\nxuống dòng',
    note: '=HYPERLINK("http://x")',
    statusNote: '-bắt đầu bằng dấu trừ',
    values: [
      { id: 1, role: 'actual', year: 2025, periodLabel: null, value: '-1.50', kind: 'estimate', qualifier: '+gần', note: '@chú' },
      { id: 2, role: 'target', year: 2025, periodLabel: 'cả nhiệm kỳ', value: '6.20', kind: 'derived', qualifier: null, note: null },
    ],
  });
  const empty = indicator({ code: 'trong', values: [] });
  const csv = buildIndicatorsCsv({ report, revision, indicators: [tricky, empty] });

  it('starts with a UTF-8 byte-order mark and uses CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
  });

  it('round-trips: one row per value, one empty row for an indicator without values, exact decimals', () => {
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(CSV_COLUMNS.map(([c]) => c));
    expect(rows.map((r) => [r.indicator_code, r.role, r.value])).toEqual([
      ['kho', 'actual', '-1.50'],
      ['kho', 'target', '6.20'],
      ['trong', '', ''],
    ]);
    expect(rows[0]!.indicator_name).toBe(tricky.name);
    expect(rows[0]!.revision).toBe('42');
    expect(rows[0]!.adjusted).toBe('false');
  });

  it('guards text cells against formulas, and only text cells', () => {
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const first = rows[0]!;
    expect(first.indicator_note).toBe(`'=HYPERLINK("http://x")`);
    expect(first.status_note).toBe(`'-bắt đầu bằng dấu trừ`);
    expect(first.qualifier).toBe(`'+gần`);
    expect(first.value_note).toBe(`'@chú`);
    expect(first.value).toBe('-1.50'); // a number is never prefixed
    expect(unguardCell(first.indicator_note!)).toBe(tricky.note);
    expect(unguardCell(first.value_note!)).toBe('@chú');
    expect(unguardCell("'plain")).toBe("'plain");
    expect(guardCell('bình thường')).toBe('bình thường');
  });
});
