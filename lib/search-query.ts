/**
 * The search query outside the database: normalising what the reader typed, and finding the
 * matches again in a hit's text to highlight them. Folding here mirrors the database's
 * `lower(f_unaccent(…))`: case, diacritics, đ and the Unicode form (NFC/NFD) do not count.
 */
import { ENTITY_KIND_LABELS, ENTITY_KINDS, ITEM_TYPE_LABELS } from './vocabulary';

/** Longer queries are cut, not refused: nobody types 200 characters on purpose. */
export const MAX_QUERY_LENGTH = 200;

export const SEARCH_PATH = '/tim-kiem';

/** What the reader typed → the query we search for: NFC, one space between words, at most MAX_QUERY_LENGTH characters. */
export function normalizeSearchQuery(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return '';
  const squashed = value
    // A lone surrogate cannot be searched for (nor sent to the database): it becomes a space.
    .replace(/[\uD800-\uDFFF]/gu, ' ')
    .normalize('NFC')
    // Control characters (a pasted tab or newline, a NUL) are never part of what was meant.
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  // Cut by code points, so an emoji or other astral character is never split in half.
  const points = Array.from(squashed);
  return points.length <= MAX_QUERY_LENGTH ? squashed : points.slice(0, MAX_QUERY_LENGTH).join('').trimEnd();
}

/** Escape LIKE's wildcards and its escape character, so `%`, `_` and `\` match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether the query has a letter or digit: only then can full-text search find anything. */
export function hasSearchableWords(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

const COMBINING_MARK = /\p{M}/u;

function foldChar(char: string): string {
  return char
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

type Folded = {
  text: string;
  /** For each UTF-16 unit of `text`: where its character starts and ends in the original. */
  from: number[];
  to: number[];
};

/** Fold `value` character by character, remembering where each folded unit came from. */
function foldWithMap(value: string): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of value) {
    const folded = foldChar(char);
    for (let i = 0; i < folded.length; i++) {
      from.push(offset);
      to.push(offset + char.length);
    }
    text += folded;
    offset += char.length;
  }
  return { text, from, to };
}

/** Case-, diacritic- and form-insensitive form of a string (as `lower(f_unaccent(…))` in the database). */
export function foldSearchText(value: string): string {
  return foldWithMap(value).text;
}

export type SearchTerms = {
  /** The whole query, folded: matched anywhere, like the database's substring match. */
  phrase: string;
  /** Its words, folded: matched as whole words, like full-text search. */
  words: string[];
};

export function searchTerms(query: string): SearchTerms {
  const phrase = foldSearchText(normalizeSearchQuery(query));
  const words = [...new Set(phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
  return { phrase, words };
}

export type Range = [start: number, end: number];

export type MatchInfo = {
  /** Offsets into the original text, sorted and non-overlapping. */
  ranges: Range[];
  /** The whole query occurs in the text. */
  phrase: boolean;
  /** How many of the query's words occur as words. */
  words: number;
  /** Where a snippet should look: the first occurrence of the phrase, else of any word. */
  focus: number;
};

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the query occurs in `text`: the whole phrase anywhere, and each word as a whole word. */
export function findMatches(text: string, terms: SearchTerms): MatchInfo {
  const folded = foldWithMap(text);
  const found: Range[] = [];
  if (terms.phrase) {
    for (let at = folded.text.indexOf(terms.phrase); at !== -1; at = folded.text.indexOf(terms.phrase, at + terms.phrase.length)) {
      found.push([at, at + terms.phrase.length]);
    }
  }
  const phrase = found.length > 0;
  let words = 0;
  const wordHits: Array<{ at: number; word: number }> = [];
  terms.words.forEach((word, index) => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu');
    let any = false;
    for (const m of folded.text.matchAll(pattern)) {
      found.push([m.index, m.index + word.length]);
      wordHits.push({ at: m.index, word: index });
      any = true;
    }
    if (any) words++;
  });
  // Back to the original's offsets; a match ends after the combining marks of its last letter.
  const ranges = found
    .map(([start, end]): Range => {
      let to = folded.to[end - 1]!;
      while (to < text.length && COMBINING_MARK.test(text[to]!)) to++;
      return [folded.from[start]!, to];
    })
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const focus = phrase ? folded.from[found[0]![0]]! : folded.from[densest(wordHits)] ?? 0;
  return { ranges: merged, phrase, words, focus };
}

/** How much text a snippet shows, and how much of it comes before its focus. */
export const SNIPPET_LENGTH = 220;
const SNIPPET_LEAD = 70;

/** Where the most different words of the query occur close together (the earliest such place). */
function densest(hits: Array<{ at: number; word: number }>): number {
  const sorted = [...hits].sort((a, b) => a.at - b.at);
  let best = { at: sorted[0]?.at ?? 0, count: 0 };
  for (const hit of sorted) {
    const near = new Set(sorted.filter((h) => h.at >= hit.at && h.at < hit.at + SNIPPET_LENGTH - SNIPPET_LEAD).map((h) => h.word));
    if (near.size > best.count) best = { at: hit.at, count: near.size };
  }
  return best.at;
}

/** Text cut into plain and highlighted pieces: rendered as React text and `<mark>`, never as HTML. */
export type Segment = { text: string; mark: boolean };

export function toSegments(text: string, ranges: Range[], start = 0, end = text.length): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (to <= from) continue;
    if (from > at) segments.push({ text: text.slice(at, from), mark: false });
    segments.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) segments.push({ text: text.slice(at, end), mark: false });
  return segments;
}

export function highlight(text: string, terms: SearchTerms): Segment[] {
  return toSegments(text, findMatches(text, terms).ranges);
}

/**
 * A window of `text` around `focus` (a match; the beginning by default), cut at spaces, with
 * ellipses. A match is never cut in two: the window ends before a match it cannot hold whole.
 */
export function excerpt(text: string, ranges: Range[], maxLength = SNIPPET_LENGTH, focus = ranges[0]?.[0] ?? 0): Segment[] {
  if (text.length <= maxLength) return toSegments(text, ranges);
  let start = Math.max(0, Math.min(focus - SNIPPET_LEAD, text.length - maxLength));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < focus) start = space + 1;
  }
  let end = Math.min(text.length, start + maxLength);
  const straddling = ranges.find(([s, e]) => s < end && e > end);
  if (straddling && straddling[0] > start) {
    end = straddling[0];
    while (end > start && text[end - 1] === ' ') end--;
  }
  if (end < text.length && !straddling) {
    const space = text.lastIndexOf(' ', end);
    if (space > focus) end = space;
  }
  const segments = toSegments(text, ranges, start, end);
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < text.length) segments.push({ text: '…', mark: false });
  return mergePlain(segments);
}

function mergePlain(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && !last.mark && !s.mark) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/**
 * The snippet of a hit: from the field where the query matches best (the whole phrase first, then
 * the most words), or — when only the title matched — the beginning of the first non-empty field.
 */
export function bestSnippet(fields: Array<string | null | undefined>, terms: SearchTerms, maxLength = SNIPPET_LENGTH): Segment[] {
  const texts = fields.filter((f): f is string => typeof f === 'string' && f.trim() !== '');
  let best: { text: string; info: MatchInfo } | null = null;
  for (const text of texts) {
    const info = findMatches(text, terms);
    if (info.ranges.length === 0) continue;
    if (!best || (info.phrase && !best.info.phrase) || (info.phrase === best.info.phrase && info.words > best.info.words)) {
      best = { text, info };
    }
  }
  if (best) return excerpt(best.text, best.info.ranges, maxLength, best.info.focus);
  return texts[0] ? excerpt(texts[0], [], maxLength) : [];
}

/** Narrative bodies are Markdown: keep the words, drop the markup, for a plain-text snippet. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a search finds, in the order types are listed when hits rank equal. */
export const SEARCH_HIT_TYPES = ['indicator', 'section', ...ENTITY_KINDS] as const;
export type SearchHitType = (typeof SEARCH_HIT_TYPES)[number];

/** How a hit names its type. */
export const SEARCH_HIT_LABELS: Record<SearchHitType, string> = {
  indicator: ITEM_TYPE_LABELS.indicator,
  section: ITEM_TYPE_LABELS.section,
  ...ENTITY_KIND_LABELS,
};
