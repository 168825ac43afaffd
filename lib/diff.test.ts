import { describe, expect, it } from 'vitest';
import { compareNumbers, diffWords, segmentWords } from './diff';

describe('word diff', () => {
  it('marks the changed word only, keeping the rest equal', () => {
    const parts = diffWords('Giá trị xuất khẩu ước đạt 1,90 tỷ USD.', 'Giá trị xuất khẩu đạt 1,95 tỷ USD.');
    expect(parts.filter((p) => p.type === 'removed').map((p) => p.text.trim())).toEqual(['ước', '1,90']);
    expect(parts.filter((p) => p.type === 'added').map((p) => p.text.trim())).toEqual(['1,95']);
    expect(parts.filter((p) => p.type !== 'added').map((p) => p.text).join('')).toBe('Giá trị xuất khẩu ước đạt 1,90 tỷ USD.');
    expect(parts.filter((p) => p.type !== 'removed').map((p) => p.text).join('')).toBe('Giá trị xuất khẩu đạt 1,95 tỷ USD.');
  });

  it('never cuts a letter from its tone mark, even when the input is decomposed', () => {
    const decomposed = 'thuỷ hải sản'.normalize('NFD');
    const parts = diffWords(decomposed, 'thủy hải sản');
    for (const part of parts) {
      expect(part.text.normalize('NFC')).toBe(part.text);
      expect(/^\p{M}/u.test(part.text)).toBe(false);
    }
    expect(parts.find((p) => p.type === 'removed')?.text).toBe('thuỷ');
    expect(parts.find((p) => p.type === 'added')?.text).toBe('thủy');
  });

  it('segments Vietnamese into whole syllables', () => {
    expect(segmentWords('Sóc Trăng').filter((s) => s.trim())).toEqual(['Sóc', 'Trăng']);
  });
});

describe('number change', () => {
  it('gives the exact difference and the percentage', () => {
    expect(compareNumbers('1.90', '1.95')).toMatchObject({ delta: '0.05', percent: '2.63', direction: 'up' });
    expect(compareNumbers('75.5', '70')).toMatchObject({ delta: '-5.5', direction: 'down' });
    expect(compareNumbers(null, '8')).toMatchObject({ direction: 'added', delta: null });
    expect(compareNumbers('0', '5').percent).toBeNull();
  });
});
