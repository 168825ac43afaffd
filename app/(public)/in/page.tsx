import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { PrintReport } from '@/components/print/print-report';
import { getEntities, getIndicators, getReport, getSectionTree } from '@/db/queries/cached-reads';
import { languageAlternates } from '@/lib/i18n/metadata';
import { originFromHeaders } from '@/lib/open-data/http';
import { getReading, readingHref } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('print');
  return { title: t('metaTitle'), description: t('metaDescription'), alternates: await languageAlternates() };
}

export default async function PrintPage() {
  const reading = await getReading();
  const revisionId = reading.moment?.revisionId;
  const [report, indicators, sections, entities, origin, t] = await Promise.all([
    getReport({ slug: reportSlug, revisionId }),
    getIndicators({ reportSlug, revisionId }),
    getSectionTree({ reportSlug, revisionId }),
    getEntities({ reportSlug, revisionId }),
    headers().then(originFromHeaders),
    getTranslations('print'),
  ]);
  if (!report) notFound();
  const revision = report.latestRevision;

  return (
    <>
      <div className="print-toolbar no-print">
        <p>
          {t.rich('toolbar', {
            strong: (chunks) => <strong>{chunks}</strong>,
            pdf: (chunks) => <a href={readingHref({ ...reading, locale: 'vi' }, '/in.pdf')}>{chunks}</a>,
          })}
        </p>
        {reading.locale === 'vi' ? null : <p className="notice translation-notice" role="note">{t('contentInVietnamese')}</p>}
      </div>
      <PrintReport
        report={report}
        indicators={indicators}
        sections={sections}
        entities={entities}
        revision={revision}
        citation={revision ? `${origin ?? ''}/?asOf=r${revision.id}` : null}
        locale={reading.locale}
      />
    </>
  );
}
