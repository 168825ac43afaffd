import { describe, expect, it } from 'vitest';
import {
  bestSnippet,
  escapeLike,
  excerpt,
  findMatches,
  foldSearchText,
  hasSearchableWords,
  highlight,
  markdownToPlainText,
  MAX_QUERY_LENGTH,
  normalizeSearchQuery,
  searchTerms,
  type Segment,
} from './search-query';

const text = (segments: Segment[]) => segments.map((s) => s.text).join('');
const marks = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);

describe('normalizeSearchQuery', () => {
  it('drops a lone surrogate and NUL (the database cannot take them) but keeps an emoji', () => {
    expect(normalizeSearchQuery('lúa\uD800gạo\u0000 😀')).toBe('lúa gạo 😀');
  });

  it('NFC, one space between words, trimmed', () => {
    expect(normalizeSearchQuery('  sản   lượng\tthuỷ\n')).toBe('sản lượng thuỷ');
    const nfd = 'Đảng bộ'.normalize('NFD');
    expect(normalizeSearchQuery(nfd)).toBe('Đảng bộ'.normalize('NFC'));
    expect(normalizeSearchQuery('a\u0000b')).toBe('a b');
  });

  it('takes the first of repeated parameters, and nothing from what is not text', () => {
    expect(normalizeSearchQuery(['dang bo', 'khac'])).toBe('dang bo');
    expect(normalizeSearchQuery(undefined)).toBe('');
    expect(normalizeSearchQuery(42)).toBe('');
    expect(normalizeSearchQuery([])).toBe('');
  });

  it(`cuts to ${MAX_QUERY_LENGTH} characters, never inside a character`, () => {
    expect(normalizeSearchQuery('x'.repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH);
    const emoji = normalizeSearchQuery('🙂'.repeat(500));
    expect(Array.from(emoji)).toHaveLength(MAX_QUERY_LENGTH);
    expect(emoji).toBe('🙂'.repeat(MAX_QUERY_LENGTH));
    expect(normalizeSearchQuery(`${'a'.repeat(199)} b`)).toBe('a'.repeat(199));
  });
});

describe('escapeLike', () => {
  it('escapes %, _ and the escape character itself', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(escapeLike('thuỷ sản')).toBe('thuỷ sản');
  });
});

describe('hasSearchableWords', () => {
  it.each([
    ['đảng', true],
    ['06', true],
    ['%_\\', false],
    ['\u0301', false],
    ['', false],
  ])('%j → %s', (q, expected) => expect(hasSearchableWords(q)).toBe(expected));
});

describe('foldSearchText', () => {
  it('ignores case, diacritics, đ and the Unicode form, like lower(f_unaccent(…))', () => {
    expect(foldSearchText('Tổng sản lượng THUỶ hải sản')).toBe('tong san luong thuy hai san');
    expect(foldSearchText('thuỷ')).toBe(foldSearchText('thủy'));
    expect(foldSearchText('hoà')).toBe(foldSearchText('hòa'));
    expect(foldSearchText('Đảng bộ')).toBe('dang bo');
    expect(foldSearchText('Đảng bộ'.normalize('NFD'))).toBe('dang bo');
  });
});

describe('findMatches and highlight', () => {
  it('marks the whole phrase anywhere, in the original spelling', () => {
    const segments = highlight('Xây dựng Đảng bộ vững mạnh', searchTerms('dang bo'));
    expect(segments).toEqual([
      { text: 'Xây dựng ', mark: false },
      { text: 'Đảng bộ', mark: true },
      { text: ' vững mạnh', mark: false },
    ]);
  });

  it('marks single words only as whole words', () => {
    const info = findMatches('sản lượng và sáng kiến', searchTerms('san luong thuy'));
    expect(info.phrase).toBe(false);
    expect(info.words).toBe(2);
    expect(marks(highlight('sản lượng và sáng kiến', searchTerms('san luong thuy')))).toEqual(['sản', 'lượng']);
    // The phrase itself is a substring match, as in the database: "san" is found in "sáng".
    expect(marks(highlight('sáng kiến', searchTerms('san')))).toEqual(['sán']);
  });

  it('maps matches in decomposed text back to whole letters', () => {
    const nfd = 'Xã Quỳnh Nhơn'.normalize('NFD');
    const segments = highlight(nfd, searchTerms('quynh'));
    expect(text(segments)).toBe(nfd);
    expect(marks(segments).map((m) => m.normalize('NFC'))).toEqual(['Quỳnh']);
    // The combining mark of "ỳ" stays with its letter, inside the mark.
    const after = segments[segments.findIndex((s) => s.mark) + 1]!;
    expect(after.text).toMatch(/^ /);
  });

  it('matches wildcards and punctuation literally', () => {
    expect(marks(highlight('đạt 100% so với 1000', searchTerms('100%')))).toEqual(['100%']);
    expect(marks(highlight('a_b và axb', searchTerms('a_b')))).toEqual(['a_b']);
    expect(marks(highlight('Nghị quyết số 06-NQ/TU', searchTerms('06-nq/tu')))).toEqual(['06-NQ/TU']);
  });

  it('merges overlapping matches into one mark', () => {
    expect(highlight('thuỷ hải sản', searchTerms('thuy hai'))).toEqual([
      { text: 'thuỷ hải', mark: true },
      { text: ' sản', mark: false },
    ]);
  });

  it('leaves text without a match unmarked', () => {
    expect(highlight('Cơ cấu GRDP', searchTerms('xuất khẩu'))).toEqual([{ text: 'Cơ cấu GRDP', mark: false }]);
  });
});

describe('excerpt and bestSnippet', () => {
  const long = `${'Mở đầu dài dòng '.repeat(20)}Tổng sản lượng thuỷ hải sản năm 2025 ước đạt 423.700 tấn ${'và còn nữa '.repeat(30)}`;

  it('shows a window around the match, cut at spaces, with ellipses', () => {
    const segments = bestSnippet([long], searchTerms('thuy hai san'));
    const shown = text(segments);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(222);
    expect(marks(segments)).toEqual(['sản', 'thuỷ hải sản']);
    expect(shown).toContain('423.700 tấn');
    // Cut at spaces: no broken word at either end.
    expect(shown).toMatch(/^… \S|^…\S/);
    expect(long).toContain(shown.slice(1, -1).trim());
  });

  it('without the phrase, looks where most of the words are together', () => {
    const body = `Tổng sản phẩm xã hội ${'tăng trưởng khá '.repeat(30)}Tổng sản lượng thuỷ hải sản năm 2025 ước đạt 423.700 tấn.`;
    const segments = bestSnippet([body], searchTerms('san luong thuy san'));
    expect(text(segments)).toContain('423.700 tấn');
    expect(marks(segments)).toEqual(['sản', 'lượng', 'thuỷ', 'sản']);
  });

  it('never cuts a mark in two', () => {
    const t = `${'x '.repeat(100)}abc ${'y '.repeat(3)}đảng bộ`;
    for (const max of [200, 205, 207, 209, 212]) {
      const segments = excerpt(t, findMatches(t, searchTerms('dang bo')).ranges, max, 200);
      for (const m of marks(segments)) expect(m).toBe('đảng bộ');
    }
  });

  it('prefers the field with the whole phrase, then the one with most words', () => {
    const terms = searchTerms('nông thôn mới');
    expect(text(bestSnippet(['nông dân', 'xây dựng nông thôn mới', 'thôn mới'], terms))).toBe('xây dựng nông thôn mới');
    expect(text(bestSnippet(['nông dân', 'nông thôn', null], terms))).toBe('nông thôn');
  });

  it('falls back to the beginning of the first non-empty field', () => {
    expect(bestSnippet([null, '', 'Phụ lục nêu.'], searchTerms('grdp'))).toEqual([{ text: 'Phụ lục nêu.', mark: false }]);
    expect(bestSnippet([null, undefined], searchTerms('grdp'))).toEqual([]);
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words, drops the markup', () => {
    expect(markdownToPlainText('## Kinh tế\n\n- **Tăng** [GRDP](/chi-tieu/x) 6,20%\n> trích `dẫn`')).toBe(
      'Kinh tế Tăng GRDP 6,20% trích dẫn',
    );
  });
});
