import type { SectionView } from '@/db/queries/reports';

/** One section: its source heading (verbatim, if the source has one) and its sanitised narrative. */
export function SectionBody({ section, headingLevel }: { section: SectionView; headingLevel: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={`muc-${section.slug}`} className="prose">
      <Heading id={`muc-${section.slug}`}>{section.title}</Heading>
      {section.heading && section.heading !== section.title ? (
        <p className="source-heading">{section.heading}</p>
      ) : null}
      {/* bodyHtml comes from lib/markdown: Markdown rendered without raw HTML, then sanitised. */}
      <div dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
    </section>
  );
}
