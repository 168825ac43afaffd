import { Fragment } from 'react';
import type { Segment } from '@/lib/search-query';

/** Text with its matches in <mark>: React text nodes only, so nothing from the database is read as HTML. */
export function HighlightedText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  );
}
