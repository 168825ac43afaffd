import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MissingPage } from '@/components/site/not-found-message';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { getReport, getSourceText } from '@/db/queries/cached-reads';
import { quotedLang } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('source');
  return { title: t('title'), description: t('metaDescription'), alternates: await languageAlternates('/van-ban-goc') };
}

/** The source document itself: Vietnamese in every language (it is what the portal quotes). */
export default async function SourcePage() {
  const { locale, moment } = await getReading();
  const [report, source, t] = await Promise.all([
    getReport({ slug: DEFAULT_REPORT_SLUG, revisionId: moment?.revisionId }),
    getSourceText({ slug: DEFAULT_REPORT_SLUG }),
    getTranslations('source'),
  ]);
  if (!report || !source) return <MissingPage />;
  const quoted = quotedLang(locale);
  return (
    <>
      <Breadcrumb items={[{ label: t('title') }]} />
      <h1>{t('title')}</h1>
      <p className="lede">
        {t.rich('lede', {
          doc: () => (
            <span lang={quoted}>
              {report.documentLabel} – {report.documentHeading}
            </span>
          ),
        })}
      </p>
      <p>
        <a href="/van-ban-goc.txt" download={source.file} hrefLang="vi">
          {t('download')}
        </a>
      </p>
      {/* A labelled, focusable region (keyboard scrolling); a <pre> itself may not carry a label. */}
      <div className="source-text-region" role="region" tabIndex={0} aria-label={t('textLabel')}>
        <pre className="source-text" lang={quoted}>
          {source.text}
        </pre>
      </div>
    </>
  );
}
