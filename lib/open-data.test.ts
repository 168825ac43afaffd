import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PublicChange } from '@/db/queries/public-history';
import type { IndicatorView, ReportView } from '@/db/views';
import {
  buildChangeFeed,
  buildIndicatorsCsv,
  changeLines,
  CSV_COLUMNS,
  etagFor,
  guardCell,
  isNotModified,
  itemPagePath,
  originFromHeaders,
  unguardCell,
  xmlEscape,
} from './open-data';

const report = { slug: 'bao-cao' } as ReportView;
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

describe('HTTP caching', () => {
  const etag = etagFor({ slug: 's', revisionId: 7, representation: 'indicators.csv' });
  const lastModified = '2026-01-31T08:00:00.900Z';
  const h = (init: Record<string, string>) => new Headers(init);

  it('derives a strong ETag from slug, revision and representation', () => {
    expect(etag).toBe('"s.r7.indicators.csv.v1"');
    expect(etagFor({ slug: 's', revisionId: 8, representation: 'indicators.csv' })).not.toBe(etag);
    expect(etagFor({ slug: 's', revisionId: 7, representation: 'indicators.json' })).not.toBe(etag);
    const a = etagFor({ slug: 's', revisionId: 7, representation: 'changes.atom', variant: 'https://a.vn' });
    expect(a).not.toBe(etagFor({ slug: 's', revisionId: 7, representation: 'changes.atom', variant: 'https://b.vn' }));
  });

  it('answers If-None-Match (lists, weak form, *) before If-Modified-Since', () => {
    expect(isNotModified(h({ 'if-none-match': etag }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-none-match': `"x", W/${etag}` }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-none-match': '*' }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-none-match': '"other"', 'if-modified-since': new Date().toUTCString() }), { etag, lastModified })).toBe(false);
  });

  it('compares If-Modified-Since at second precision', () => {
    expect(isNotModified(h({ 'if-modified-since': 'Sat, 31 Jan 2026 08:00:00 GMT' }), { etag, lastModified })).toBe(true);
    expect(isNotModified(h({ 'if-modified-since': 'Sat, 31 Jan 2026 07:59:59 GMT' }), { etag, lastModified })).toBe(false);
    expect(isNotModified(h({ 'if-modified-since': 'not a date' }), { etag, lastModified })).toBe(false);
    expect(isNotModified(h({}), { etag, lastModified })).toBe(false);
  });

  it('reads the public origin from forwarded headers, refusing odd hosts', () => {
    expect(originFromHeaders(h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'ketqua.example.vn', 'x-forwarded-proto': 'https' }))).toBe(
      'https://ketqua.example.vn',
    );
    expect(originFromHeaders(h({ host: 'localhost:3000' }))).toBe('http://localhost:3000');
    expect(originFromHeaders(h({ host: 'evil.vn/"><script>' }))).toBeNull();
  });
});

describe('changes and the Atom feed', () => {
  const change: PublicChange = {
    id: 120,
    itemType: 'indicator',
    itemKey: 'san-luong',
    itemLabel: 'Sản lượng <thuỷ> & "hải" sản',
    revisionNo: 2,
    action: 'update',
    reasonKind: 'cap_nhat_so_lieu',
    reasonText: 'Số liệu chính thức </content><script>alert(1)</script>',
    createdAt: '2026-02-01T03:04:05.006Z',
    previousRevisionId: 7,
    previousSnapshot: { name: 'Sản lượng', unit: 'tấn', status: 'dat', values: [{ role: 'actual', year: 2025, value: '423700', kind: 'estimate', periodLabel: null, qualifier: null, note: null }] },
    snapshot: { name: 'Sản lượng', unit: 'tấn', status: 'vuot', values: [{ role: 'actual', year: 2025, value: '430000', kind: 'reported', periodLabel: null, qualifier: null, note: null }] },
  };

  it('sums a change up as old → new lines with units', () => {
    expect(changeLines(change)).toEqual([
      { label: 'Năm 2025 (ước tính → số liệu báo cáo)', before: '423.700 tấn', after: '430.000 tấn' },
      { label: 'Đánh giá', before: 'Đạt', after: 'Vượt' },
    ]);
  });

  it('links before and after to the item as it stood', () => {
    expect(itemPagePath(change, 'before')).toBe('/chi-tieu/san-luong?asOf=r7');
    expect(itemPagePath(change, 'after')).toBe('/chi-tieu/san-luong?asOf=r120');
    expect(itemPagePath({ ...change, previousRevisionId: null }, 'before')).toBeNull();
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\uFFFF`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('writes an Atom feed with the portal as author and everything escaped', () => {
    const xml = buildChangeFeed({ origin: 'https://ketqua.example.vn', reportSlug: 'bao-cao', reportTitle: 'Báo cáo', updated: change.createdAt, changes: [change] });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain('<author><name>Cổng thông tin Kết quả nhiệm kỳ</name></author>');
    expect(xml).toContain('<id>urn:kqnk:bao-cao:revision:120</id>');
    expect(xml).toContain('href="https://ketqua.example.vn/chi-tieu/san-luong/lich-su#r120"');
    expect(xml).toContain('Sản lượng &lt;thuỷ&gt; &amp; &quot;hải&quot; sản');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('</content><script>');
    expect(xml).toContain('423.700 tấn → 430.000 tấn');
    expect(wellFormed(xml)).toBe(true);
  });
});

/** A small well-formedness check (no XML parser is installed): balanced tags and only the five named entities. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(body)) return false;
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|</g)) {
    if (m[2] === undefined) return false; // a bare "<"
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0;
}
