import { describe, expect, it } from 'vitest';
import { changeLines, itemPagePath } from './changes';
import { sampleChange } from './sample-change.test-data';

describe('what a change changed', () => {
  const change = sampleChange;

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
