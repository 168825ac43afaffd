import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import { MissingPage } from '@/components/site/not-found-message';
import { AdjustedBadge } from '@/components/indicator/adjusted-badge';
import { StatusBadge } from '@/components/indicator/status-badge';
import { ValueText } from '@/components/indicator/value-text';
import { FiguresNote, TranslationNotice } from '@/components/site/translation-notice';
import { getEntities, getOverviewIndicators, getReport, getSections } from '@/db/queries/cached-reads';
import { anyUntranslated, langOf, quotedLang, sourceText } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { headlineValue } from '@/lib/indicator';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function generateMetadata(): Promise<Metadata> {
  const { locale, moment } = await getReading();
  const [report, t, site] = await Promise.all([
    getReport({ slug: reportSlug, revisionId: moment?.revisionId, locale }),
    getTranslations('overview'),
    getTranslations('site'),
  ]);
  if (!report) return {};
  return {
    title: { absolute: t('metaTitle', { title: report.title, site: site('name') }) },
    description: t('metaDescription', {
      headline: report.headline ?? '',
      documentLabel: locale === 'vi' ? report.documentLabel.toLowerCase() : report.documentLabel,
      issuingBody: report.issuingBody,
      term: report.termLabel,
    }).trim(),
    alternates: await languageAlternates('/'),
  };
}

export default async function OverviewPage() {
  const { locale, moment } = await getReading();
  const revisionId = moment?.revisionId;
  const [report, overview, sections, entities, t, te] = await Promise.all([
    getReport({ slug: reportSlug, revisionId, locale }),
    getOverviewIndicators({ reportSlug, revisionId, locale }),
    getSections({ reportSlug, revisionId, locale }),
    getEntities({ reportSlug, revisionId, locale }),
    getTranslations('overview'),
    getTranslations('entities'),
  ]);
  if (!report || !overview) return <MissingPage />;

  const { notMet, featured, counts } = overview;
  const topSections = sections.filter((s) => s.depth === 0);
  const projects = entities.filter((e) => e.kind === 'project');
  const resolutions = entities.filter((e) => e.kind === 'resolution');
  const fellBack =
    anyUntranslated([report], ['title', 'documentLabel', 'issuingBody', 'headline']) ||
    anyUntranslated([...notMet, ...featured], ['name']) ||
    anyUntranslated(topSections, ['title']) ||
    anyUntranslated(projects, ['shortName']) ||
    anyUntranslated(resolutions, ['name', 'subject']);
  const body = () => <span lang={langOf(report, 'issuingBody')}>{report.issuingBody}</span>;

  return (
    <>
      <p className="note">
        {t.rich('meta', { label: () => <span lang={langOf(report, 'documentLabel')}>{report.documentLabel}</span>, body, term: report.termLabel })}
      </p>
      <h1 lang={langOf(report, 'title')}>{report.title}</h1>
      <TranslationNotice show={fellBack} />
      <p className="lede">{t.rich('lede', { body, term: report.termLabel })}</p>

      <section aria-labelledby="ket-qua-chi-tieu">
        <h2 id="ket-qua-chi-tieu">{t('resultsHeading')}</h2>
        <div className="headline">
          <div className="stat">
            <span className="big">
              {report.indicatorsMet}/{report.indicatorsTotal}
            </span>
            <p>{t('met')}</p>
          </div>
          <div className="stat">
            <span className="big">{report.indicatorsNotMet}</span>
            <p>{t('notMet')}</p>
            <ol>
              {notMet.map((i) => (
                <li key={i.code}>
                  <Link href={`/chi-tieu/${i.code}`} lang={langOf(i, 'name')}>
                    {i.name}
                  </Link>
                </li>
              ))}
            </ol>
          </div>
        </div>
        {report.headline ? (
          <blockquote className="quote" lang={langOf(report, 'headline')}>
            <p>{report.headline}</p>
          </blockquote>
        ) : null}
        <p className="notice">
          {t('namedNotice', {
            named: String(counts.named),
            total: String(report.indicatorsTotal ?? ''),
            met: String(report.indicatorsMet ?? ''),
            shown: String(counts.shown),
            others: String(counts.shown - counts.named),
          })}{' '}
          <Link href="/chi-tieu">{t('tableLink')}</Link>.
        </p>
      </section>

      <section aria-labelledby="so-lieu-noi-bat">
        <h2 id="so-lieu-noi-bat">{t('figuresHeading')}</h2>
        <FiguresNote />
        <ul className="cards">
          {featured.map((i) => (
            <li key={i.code} className="card">
              <h3>
                <Link href={`/chi-tieu/${i.code}`} lang={langOf(i, 'name')}>
                  {i.name}
                </Link>
              </h3>
              <p className="figure">
                <ValueText value={headlineValue(i)} unit={sourceText(i, 'unit')} />
              </p>
              {i.baselineComparison ? <p lang={quotedLang(locale)}>{i.baselineComparison}</p> : null}
              {i.targetComparison ? <p lang={quotedLang(locale)}>{i.targetComparison}</p> : null}
              <p>
                <StatusBadge status={i.status} />
                {i.adjusted ? (
                  <>
                    {' '}
                    <AdjustedBadge code={i.code} />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
        {counts.withFigures > featured.length ? (
          <p>
            {t('featuredOf', { shown: String(featured.length), total: String(counts.withFigures) })} <Link href="/chi-tieu">{t('tableLink')}</Link>.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="noi-dung-bao-cao">
        <h2 id="noi-dung-bao-cao">{t('sectionsHeading')}</h2>
        <ol className="toc">
          {topSections.map((s) => (
            <li key={s.slug}>
              <Link href={`/muc/${s.slug}`} lang={langOf(s, 'title')}>
                {s.title}
              </Link>
            </li>
          ))}
        </ol>
        <p>
          <Link href="/muc">{t('readAll')}</Link> · <Link href="/van-ban-goc">{t('source')}</Link>
        </p>
      </section>

      <section aria-labelledby="du-an-nghi-quyet">
        <h2 id="du-an-nghi-quyet">{t('entitiesHeading')}</h2>
        <h3>{te('project.label')}</h3>
        <ul>
          {projects.map((e) => (
            <li key={e.slug}>
              <Link href={e.href} lang={langOf(e, 'shortName')}>
                {e.shortName}
              </Link>
            </li>
          ))}
        </ul>
        <h3>{t('resolutionsHeading')}</h3>
        <ul>
          {resolutions.map((e) => (
            <li key={e.slug}>
              <Link href={e.href} lang={langOf(e, 'name')}>
                {e.name}
              </Link>{' '}
              <span lang={langOf(e, 'subject')}>{e.subject}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/don-vi">{t('institutionsLink')}</Link>
        </p>
      </section>
    </>
  );
}
