/**
 * The source text of the appendix, cut into the sentences and figures that the faithfulness tests
 * look for: tests/db/seed-completeness.test.ts (in the database) and e2e/faithful.spec.ts (on the
 * rendered pages). No imports from the app: Playwright loads this file too.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SOURCE_FILE = path.resolve(
  import.meta.dirname,
  '../../db/seed/phu-luc-2-ket-qua-noi-bat-soc-trang-2020-2025.txt',
);

/** Lines of the source that are layout, not content. */
export const EXCLUDED_LINES = [
  '3', // page number
  '4', // page number
  '-----', // rule under the heading
];

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The whole source, NFC. */
export function sourceText(): string {
  return fs.readFileSync(SOURCE_FILE, 'utf8').normalize('NFC');
}

/** Non-empty content lines of the source, trimmed, NFC. */
export function sourceLines(): string[] {
  return sourceText()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !EXCLUDED_LINES.includes(l));
}

/** Sentences: each line on its own, split after ". "; "; " is not a boundary. A leading "- " bullet marker is dropped. */
export function sentences(lines: string[]): string[] {
  return lines
    .map((l) => l.replace(/^-\s+/, ''))
    .flatMap((l) => l.split(/(?<=\.) +/))
    .map(squash)
    .filter((s) => s !== '');
}

/** Every sentence of the source. */
export function sourceSentences(): string[] {
  return sentences(sourceLines());
}

/** Figures: 6,20 · 423.700 · 17/20 · 11/7/2021 · 2020 · 8 … */
export const FIGURE = /\d+(?:[.,/]\d+)*/g;

/** Every distinct figure token of the source, in order of first appearance. */
export function sourceFigures(): string[] {
  return [...new Set(sourceLines().flatMap((l) => l.match(FIGURE) ?? []))];
}

/** Whether `text` contains `figure` as a whole number: "6,20" is not found inside "16,20" or "6,205". */
export function containsFigure(text: string, figure: string): boolean {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.,/]|[\\d][.,/])${escaped}(?!\\d|[.,/]\\d)`).test(text);
}
