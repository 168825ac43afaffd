import type { SectionView } from '@/db/views';
import { langOf } from '@/lib/i18n/content';

/**
 * One section: its title, source heading (verbatim, if the source has one) and sanitised narrative.
 * A localized section marks the parts still in Vietnamese on an English page (`lang="vi"`).
 */
export function SectionBody({ section, headingLevel }: { section: SectionView & { untranslated?: string[] }; headingLevel: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={`muc-${section.slug}`} className="prose">
      <Heading id={`muc-${section.slug}`} lang={langOf(section, 'title')}>
        {section.title}
      </Heading>
      {section.heading && section.heading !== section.title ? (
        <p className="source-heading" lang={langOf(section, 'heading')}>
          {section.heading}
        </p>
      ) : null}
      {/* bodyHtml comes from lib/markdown: Markdown rendered without raw HTML, then sanitised. */}
      <div lang={langOf(section, 'body')} dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
    </section>
  );
}
