import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import { MissingPage } from '@/components/site/not-found-message';
import { SectionBody } from '@/components/report/section-body';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { TranslationNotice } from '@/components/site/translation-notice';
import { getReport, getSectionTree } from '@/db/queries/cached-reads';
import { anyUntranslated, langOf, quotedLang } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sections');
  return { title: t('title'), description: t('metaDescription'), alternates: await languageAlternates('/muc') };
}

export default async function ReportTextPage() {
  const { locale, moment } = await getReading();
  const revisionId = moment?.revisionId;
  const [report, sections, t] = await Promise.all([
    // The source document's label and heading are cited as written.
    getReport({ slug: reportSlug, revisionId }),
    getSectionTree({ reportSlug, revisionId, locale }),
    getTranslations('sections'),
  ]);
  if (!report) return <MissingPage />;
  return (
    <>
      <Breadcrumb items={[{ label: t('title') }]} />
      <h1>{t('title')}</h1>
      <TranslationNotice show={anyUntranslated(sections)} />
      <p className="lede" lang={quotedLang(locale)}>
        {report.documentLabel}: {report.documentHeading}
      </p>
      <nav className="toc" aria-labelledby="muc-luc">
        <h2 id="muc-luc">{t('toc')}</h2>
        <ol>
          {sections
            .filter((s) => s.depth === 0)
            .map((s) => (
              <li key={s.slug}>
                <Link href={`/muc/${s.slug}`} lang={langOf(s, 'title')}>
                  {s.title}
                </Link>
                {sections.some((c) => c.parentSlug === s.slug) ? (
                  <ol>
                    {sections
                      .filter((c) => c.parentSlug === s.slug)
                      .map((c) => (
                        <li key={c.slug}>
                          <Link href={`/muc/${c.slug}`} lang={langOf(c, 'title')}>
                            {c.title}
                          </Link>
                        </li>
                      ))}
                  </ol>
                ) : null}
              </li>
            ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <SectionBody key={s.slug} section={s} headingLevel={s.depth === 0 ? 2 : 3} />
      ))}
    </>
  );
}
