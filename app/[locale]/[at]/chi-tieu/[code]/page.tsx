import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import { MissingPage } from '@/components/site/not-found-message';
import { AdjustedBadge } from '@/components/indicator/adjusted-badge';
import { StatusBadge } from '@/components/indicator/status-badge';
import { ValueChart, ValueTable } from '@/components/indicator/value-chart';
import { ValueText } from '@/components/indicator/value-text';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { FiguresNote, TranslationNotice } from '@/components/site/translation-notice';
import { getIndicator } from '@/db/queries/cached-reads';
import { toChartPoints } from '@/lib/chart';
import { anyUntranslated, langOf, quotedLang, sourceText } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { headlineValue } from '@/lib/indicator';
import { formatDecimal } from '@/lib/number';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { statusDescription } from '@/lib/status';

const reportSlug = DEFAULT_REPORT_SLUG;
/** Rendered on first request and cached (none at build: the build needs no database). */
export async function generateStaticParams(): Promise<never[]> {
  return [];
}

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const { locale, moment } = await getReading();
  const [indicator, t] = await Promise.all([getIndicator({ reportSlug, code, revisionId: moment?.revisionId, locale }), getTranslations('indicator')]);
  if (!indicator) return { title: t('notFound') };
  return {
    title: indicator.name,
    // The source sentence is Vietnamese; an English page describes itself with its English note or name.
    description:
      (locale === 'vi' ? indicator.sourceSentence : null) ?? (langOf(indicator, 'note') ? null : indicator.note) ?? t('metaDescription', { name: indicator.name }),
    alternates: await languageAlternates(`/chi-tieu/${code}`),
  };
}

export default async function IndicatorPage({ params }: Props) {
  const { code } = await params;
  const { locale, moment } = await getReading();
  const [indicator, t, tv, site] = await Promise.all([
    getIndicator({ reportSlug, code, revisionId: moment?.revisionId, locale }),
    getTranslations('indicator'),
    getTranslations('value'),
    getTranslations('site'),
  ]);
  if (!indicator) return <MissingPage />;

  const value = headlineValue(indicator);
  const chart = { name: indicator.name, unit: indicator.unit, points: toChartPoints(indicator.values, locale) };
  const derived = indicator.values.filter((v) => v.kind === 'derived');
  const target = indicator.values.find((v) => v.role === 'target');
  // Figures, comparisons, periods and the source sentence are quoted as the report writes them.
  const quoted = quotedLang(locale);
  // The unit as written (it is part of every figure), and its English name when staff gave one.
  const sourceUnit = sourceText(indicator, 'unit');
  const notGiven = <span className="note">{tv('notGiven')}</span>;

  return (
    <>
      <Breadcrumb items={[{ href: '/chi-tieu', label: site('nav.indicators') }, { label: indicator.name, lang: langOf(indicator, 'name') }]} />
      <p className="note" lang={langOf(indicator, 'area')}>
        {indicator.area}
      </p>
      <h1 lang={langOf(indicator, 'name')}>{indicator.name}</h1>
      <TranslationNotice show={anyUntranslated([indicator, indicator.section])} />
      <p>
        <StatusBadge status={indicator.status} />{' '}
        {indicator.statusNote ? <span lang={langOf(indicator, 'statusNote')}>{indicator.statusNote}</span> : statusDescription(indicator.status, locale)}
      </p>
      {indicator.adjusted ? (
        <p className="notice">
          <AdjustedBadge code={indicator.code} /> {t('adjustedNotice')} <Link href={`/chi-tieu/${indicator.code}/lich-su`}>{t('adjustedLink')}</Link>.
        </p>
      ) : null}

      <FiguresNote />
      <dl className="facts">
        <dt>{t('value')}</dt>
        <dd>
          <ValueText value={value} unit={sourceUnit} />
          {value ? (
            <span className="note">
              {' — '}
              {value.periodLabel ? <span lang={quoted}>{value.periodLabel}</span> : tv('year', { year: String(value.year) })}
            </span>
          ) : null}
        </dd>
        <dt>{t('baseline')}</dt>
        <dd lang={indicator.baselineComparison ? quoted : undefined}>{indicator.baselineComparison ?? notGiven}</dd>
        <dt>{t('target')}</dt>
        <dd>
          {indicator.targetComparison ? <span lang={quoted}>{indicator.targetComparison}</span> : notGiven}
          {target ? (
            <div className="note">
              {t.rich('targetKind', { value: () => <ValueText value={target} unit={sourceUnit} showKind={false} />, kind: target.kind })}
            </div>
          ) : null}
        </dd>
        <dt>{t('unit')}</dt>
        <dd>
          {sourceUnit === null ? (
            notGiven
          ) : indicator.vi.unit !== undefined ? (
            t.rich('unitInEnglish', { unit: () => <span lang={quoted}>{sourceUnit}</span>, english: indicator.unit ?? '' })
          ) : (
            <span lang={quoted}>{sourceUnit}</span>
          )}
        </dd>
        <dt>{t('keyIndicator')}</dt>
        <dd>{indicator.namedAsKeyIndicator ? t('keyYes') : t('keyUnknown')}</dd>
      </dl>
      {indicator.note ? (
        <p className="notice" lang={langOf(indicator, 'note')}>
          {indicator.note}
        </p>
      ) : null}

      {indicator.sourceSentence ? (
        <section aria-labelledby="trich-dan">
          <h2 id="trich-dan">{t('sourceHeading')}</h2>
          <blockquote className="quote" lang={quoted}>
            <p>{indicator.sourceSentence}</p>
          </blockquote>
          {locale === 'vi' ? null : <p className="note">{t('sourceQuoted')}</p>}
          {indicator.section ? (
            <p className="note">
              {t.rich('fromSection', {
                link: () => (
                  <Link href={`/muc/${indicator.section!.slug}`} lang={langOf(indicator.section, 'title')}>
                    {indicator.section!.title}
                  </Link>
                ),
              })}
            </p>
          ) : null}
        </section>
      ) : null}

      {indicator.values.length >= 2 ? (
        <section aria-labelledby="bieu-do">
          <h2 id="bieu-do">{t('chartHeading')}</h2>
          <ValueChart input={{ ...chart, unit: sourceUnit }} id={`chart-${indicator.code}`} locale={locale} nameLang={langOf(indicator, 'name')} />
        </section>
      ) : null}

      <section aria-labelledby="so-lieu">
        <h2 id="so-lieu">{t('figuresHeading')}</h2>
        {indicator.values.length > 0 ? (
          <div className="table-wrap">
            <ValueTable input={{ ...chart, unit: sourceUnit }} locale={locale} nameLang={langOf(indicator, 'name')} />
          </div>
        ) : (
          <p className="notice">{t('noFigures')}</p>
        )}
        {derived.length > 0 ? (
          <>
            <h3>{t('derivedHeading')}</h3>
            <ul>
              {derived.map((v) => (
                <li key={v.id}>
                  {v.role === 'target' ? t('derivedTarget') : t('derivedYear', { year: String(v.year) })}: ≈ {formatDecimal(v.value)}.{' '}
                  <span lang={quoted}>{v.note}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <p className="no-print">
        <Link href={`/chi-tieu/${indicator.code}/lich-su`}>{t('historyLink')}</Link>
      </p>
    </>
  );
}
