/**
 * The `[at]` route segment of public pages: which moment a page shows, as a path segment so
 * that each moment is its own cacheable page. Pure and client-safe: proxy.ts maps `?asOf=` to
 * it, lib/reading.ts reads it back.
 *
 *   hien-hanh     the report as it is now
 *   r<id>         right after revision <id> (never changes: cacheable for ever)
 *   r0            a moment before the report was published here
 *   khong-hop-le  an `?asOf=` that could not be read (the page shows the report now, and says so)
 */
import { parseAsOf } from './as-of';

export const LIVE_SEGMENT = 'hien-hanh';
export const INVALID_SEGMENT = 'khong-hop-le';
export const BEFORE_FIRST_SEGMENT = 'r0';

export type AsOfSegment =
  | { kind: 'live' }
  | { kind: 'invalid' }
  | { kind: 'before-first' }
  | { kind: 'revision'; revisionId: number };

/** The segment's meaning; null for anything else (the page is then not found). */
export function parseAsOfSegment(segment: string | undefined): AsOfSegment | null {
  if (segment === LIVE_SEGMENT) return { kind: 'live' };
  if (segment === INVALID_SEGMENT) return { kind: 'invalid' };
  const revision = /^r(0|[1-9]\d{0,14})$/.exec(segment ?? '');
  if (!revision) return null;
  const revisionId = Number(revision[1]);
  return revisionId === 0 ? { kind: 'before-first' } : { kind: 'revision', revisionId };
}

export function asOfSegment(at: AsOfSegment): string {
  switch (at.kind) {
    case 'live':
      return LIVE_SEGMENT;
    case 'invalid':
      return INVALID_SEGMENT;
    case 'before-first':
      return BEFORE_FIRST_SEGMENT;
    case 'revision':
      return `r${at.revisionId}`;
  }
}

/**
 * Where a reader's `?asOf=` leads: straight to a segment (absent, unreadable, or a revision),
 * or `resolve` for a date or instant, which only the database can turn into a revision.
 */
export function segmentForQuery(raw: string | null): { segment: string } | { resolve: string } {
  const parsed = parseAsOf(raw);
  if (!parsed.ok) return { segment: INVALID_SEGMENT };
  if (!parsed.asOf) return { segment: LIVE_SEGMENT };
  if (parsed.asOf.revisionId !== null) return { segment: parsed.asOf.revisionId === 0 ? BEFORE_FIRST_SEGMENT : `r${parsed.asOf.revisionId}` };
  return { resolve: parsed.asOf.at };
}
