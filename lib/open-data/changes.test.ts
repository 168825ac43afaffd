import { describe, expect, it } from 'vitest';
import type { PublicChange } from '@/db/queries/public-history';
import { changeLines, itemPagePath } from './changes';

describe('what a change changed', () => {
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
});
