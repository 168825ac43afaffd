/**
 * Comparing two revisions: narrative as a word-level diff that never splits a
 * Vietnamese letter from its marks, numbers as old → new with the change.
 */
import { diffArrays } from 'diff';
import { compareDecimal, percentChange, subtractDecimal } from './number';

/** `whole` (no text): the texts were too different to compare word by word; the parts after it are old and new in full. */
export type DiffPart = { type: 'equal' | 'added' | 'removed' | 'whole'; text: string };

const segmenter = new Intl.Segmenter('vi', { granularity: 'word' });
/** A piece the segmenter would return as it is: letters, their marks and digits only. */
const PLAIN_WORD = /^[\p{L}\p{M}\p{N}]+$/u;

/**
 * The most word edits a diff may find before it gives up. Myers' algorithm costs about
 * (words × edits): two different 10 000-word texts took 33 s; with this bound a diff stops after
 * a bounded amount of work, deterministically, and the texts are shown whole instead.
 */
export const MAX_WORD_EDITS = 1_000;

/**
 * Words, spaces and punctuation as the segmenter sees them; always whole grapheme clusters.
 * The text is first cut at white space (a word boundary in every case), and only the pieces
 * that mix letters with punctuation go through the segmenter: over a whole long text it is
 * quadratic (2 000 words took seconds, 10 000 words minutes).
 */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.normalize('NFC').split(/(\s+)/)) {
    if (piece === '') continue;
    if (PLAIN_WORD.test(piece) || /^\s+$/.test(piece)) out.push(piece);
    else for (const s of segmenter.segment(piece)) out.push(s.segment);
  }
  return out;
}

export function diffWords(before: string, after: string): DiffPart[] {
  const parts = diffArrays(segmentWords(before), segmentWords(after), { maxEditLength: MAX_WORD_EDITS });
  if (!parts) {
    return [
      { type: 'whole', text: '' },
      ...(before ? [{ type: 'removed' as const, text: before }] : []),
      ...(after ? [{ type: 'added' as const, text: after }] : []),
    ];
  }
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
