import type { Metadata } from 'next';
import { Fragment } from 'react';
import { MissingPage } from '@/components/site/not-found-message';
import { getTranslations } from 'next-intl/server';
import { IndicatorTable } from '@/components/indicator/indicator-table';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { FiguresNote, TranslationNotice } from '@/components/site/translation-notice';
import { getIndicators, getReport } from '@/db/queries/cached-reads';
import { anyUntranslated, langOf } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { statusDescription, statusLabel } from '@/lib/status';
import { INDICATOR_STATUSES } from '@/lib/vocabulary';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('indicators');
  return { title: t('title'), description: t('metaDescription'), alternates: await languageAlternates('/chi-tieu') };
}

export default async function IndicatorsPage() {
  const { locale, moment } = await getReading();
  const revisionId = moment?.revisionId;
  const [report, indicators, t, site] = await Promise.all([
    getReport({ slug: reportSlug, revisionId, locale }),
    getIndicators({ reportSlug, revisionId, locale }),
    getTranslations('indicators'),
    getTranslations('site'),
  ]);
  if (!report) return <MissingPage />;
  const named = indicators.filter((i) => i.namedAsKeyIndicator).length;
  return (
    <>
      <Breadcrumb items={[{ label: site('nav.indicators') }]} />
      <h1>{t('heading', { term: report.termLabel })}</h1>
      <TranslationNotice show={anyUntranslated([report], ['headline']) || anyUntranslated(indicators, ['name', 'area'])} />
      <p className="lede">
        {t.rich('lede', {
          headline: () => <span lang={langOf(report, 'headline')}>{report.headline}</span>,
          named: String(named),
          total: String(report.indicatorsTotal ?? ''),
          count: String(indicators.length),
        })}
      </p>
      <FiguresNote />
      <IndicatorTable indicators={indicators} caption={t('caption', { count: String(indicators.length) })} />
      <h2>{t('howToRead')}</h2>
      <dl className="facts">
        {INDICATOR_STATUSES.map((s) => (
          <Fragment key={s}>
            <dt>{statusLabel(s, locale)}</dt>
            <dd>{statusDescription(s, locale)}</dd>
          </Fragment>
        ))}
        <dt>{t('estimateTerm')}</dt>
        <dd>{t('estimateText')}</dd>
        <dt>{t('derivedTerm')}</dt>
        <dd>{t('derivedText')}</dd>
      </dl>
    </>
  );
}
