import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MissingPage } from '@/components/site/not-found-message';
import { PrintReport } from '@/components/print/print-report';
import { getEntities, getIndicators, getLatestRevision, getReport, getReportHead, getSectionTree } from '@/db/queries/cached-reads';
import { languageAlternates, siteOrigin } from '@/lib/i18n/metadata';
import { getReading, readingHref } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { headPath } from '@/lib/report-head';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('print');
  return { title: t('metaTitle'), description: t('metaDescription'), alternates: await languageAlternates('/in') };
}

export default async function PrintPage() {
  const reading = await getReading();
  const revisionId = reading.moment?.revisionId;
  const [report, indicators, sections, entities, latest, t] = await Promise.all([
    getReport({ slug: reportSlug, revisionId }),
    getIndicators({ reportSlug, revisionId }),
    getSectionTree({ reportSlug, revisionId }),
    getEntities({ reportSlug, revisionId }),
    getLatestRevision({ slug: reportSlug }),
    getTranslations('print'),
  ]);
  if (!report) return <MissingPage />;
  // The revision cited: the moment read, or the newest one (the only read here that every edit clears).
  const revision = reading.moment ? { id: reading.moment.revisionId, createdAt: reading.moment.createdAt } : latest;
  // Absolute only from configuration (SITE_URL): a request header never chooses what is printed.
  const origin = siteOrigin().origin;
  // The report's head at the revision printed (a past revision's head never changes), so anyone can keep a copy.
  const head = revision ? await getReportHead({ slug: reportSlug, revisionId: revision.id }) : null;
  const headUrl = `${origin}${headPath(reportSlug)}${reading.moment ? `?asOf=r${reading.moment.revisionId}` : ''}`;

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
        citation={revision ? `${origin}/?asOf=r${revision.id}` : null}
        head={head ? { seq: head.seq, hash: head.hash, at: head.at, url: headUrl } : null}
        locale={reading.locale}
      />
    </>
  );
}
