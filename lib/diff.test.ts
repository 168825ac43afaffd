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

  it('two long texts that differ throughout are shown whole, old then new, instead of being compared word by word', () => {
    const words = (seed: number) => Array.from({ length: 10_000 }, (_, i) => `từ${(i * seed) % 9973}`).join(' ');
    const [before, after] = [words(7), words(13)];
    const parts = diffWords(before, after);
    expect(parts.map((p) => p.type)).toEqual(['whole', 'removed', 'added']);
    expect(parts[1]!.text).toBe(before);
    expect(parts[2]!.text).toBe(after);
  });

  it('a long text with a few changes is still compared word by word', () => {
    const before = Array.from({ length: 10_000 }, (_, i) => `từ${i}`).join(' ');
    const after = before.replace('từ5000 ', 'chữ5000 ').replace('từ9000 ', '');
    const parts = diffWords(before, after);
    expect(parts.some((p) => p.type === 'whole')).toBe(false);
    expect(parts.filter((p) => p.type === 'removed').map((p) => p.text.trim())).toEqual(['từ5000', 'từ9000']);
    expect(parts.filter((p) => p.type === 'added').map((p) => p.text.trim())).toEqual(['chữ5000']);
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
