/**
 * Comparing two revisions: narrative as a word-level diff that never splits a
 * Vietnamese letter from its marks, numbers as old → new with the change.
 */
import { diffArrays } from 'diff';
import { compareDecimal, percentChange, subtractDecimal } from './number';

export type DiffPart = { type: 'equal' | 'added' | 'removed'; text: string };

const segmenter = new Intl.Segmenter('vi', { granularity: 'word' });

/** Words, spaces and punctuation as the segmenter sees them; always whole grapheme clusters. */
export function segmentWords(text: string): string[] {
  return Array.from(segmenter.segment(text.normalize('NFC')), (s) => s.segment);
}

export function diffWords(before: string, after: string): DiffPart[] {
  const parts = diffArrays(segmentWords(before), segmentWords(after));
  const out: DiffPart[] = [];
  for (const part of parts) {
    const type = part.added ? 'added' : part.removed ? 'removed' : 'equal';
    const text = part.value.join('');
    const last = out[out.length - 1];
    if (last && last.type === type) last.text += text;
    else out.push({ type, text });
  }
  return out;
}

export type NumberChange = {
  before: string | null;
  after: string | null;
  /** after − before, exact; null when either side is missing. */
  delta: string | null;
  /** Percentage change rounded to 2 decimals; null when undefined (missing side or zero base). */
  percent: string | null;
  direction: 'up' | 'down' | 'same' | 'added' | 'removed';
};

export function compareNumbers(before: string | null, after: string | null): NumberChange {
  if (before === null && after === null) return { before, after, delta: null, percent: null, direction: 'same' };
  if (before === null) return { before, after, delta: null, percent: null, direction: 'added' };
  if (after === null) return { before, after, delta: null, percent: null, direction: 'removed' };
  const cmp = compareDecimal(after, before);
  return {
    before,
    after,
    delta: subtractDecimal(after, before),
    percent: percentChange(before, after),
    direction: cmp > 0 ? 'up' : cmp < 0 ? 'down' : 'same',
  };
}
