import { IndicatorTable } from '@/components/indicator/indicator-table';
import { SectionBody } from '@/components/report/section-body';
import type { EntityView, IndicatorView, ReportHeader, SectionView } from '@/db/views';
import { formatIssuedOn } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { shortHash } from '@/lib/report-head';

const day = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });
const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });

/** "ngày 29/11/2026, lúc 16:12" / "29/11/2026 at 16:12" (Vietnam time). */
export function printedDate(iso: string, locale: Locale = 'vi'): string {
  const d = new Date(iso);
  return translator(locale, 'print')('printedAt', { day: day.format(d), time: time.format(d) });
}

export type PrintReportProps = {
  report: ReportHeader;
  indicators: IndicatorView[];
  sections: SectionView[];
  entities: EntityView[];
  /** The state printed: its revision and that revision's time. */
  revision: { id: number; createdAt: string } | null;
  /** Permalink of this exact state. */
  citation: string | null;
  /** The report's head at the state printed (its place in the report's history chain), and the absolute URL of its JSON. */
  head?: { seq: number; hash: string; at: string; url: string } | null;
  /** The interface language: headings and labels; the report's content stays as written (Vietnamese). */
  locale?: Locale;
};

/**
 * The whole report on one page, in the appendix's own order: title block, the
 * headline count, the indicator table, every section with its narrative, then
 * the key projects and resolutions. The page's print style sheet makes the PDF.
 */
export function PrintReport({ report, indicators, sections, entities, revision, citation, head = null, locale = 'vi' }: PrintReportProps) {
  const t = translator(locale, 'print');
  const te = translator(locale, 'entities');
  const notMet = indicators.filter((i) => i.namedAsKeyIndicator && i.status === 'chua_dat');
  const projects = entities.filter((e) => e.kind === 'project');
  const resolutions = entities.filter((e) => e.kind === 'resolution');
  const headingLevel = (depth: number) => (Math.min(depth + 2, 4) as 2 | 3 | 4);

  return (
    <article className="print-report" aria-labelledby="ban-in-tieu-de" lang={locale}>
      <header className="print-title">
        <p className="print-issuer" lang="vi">{report.issuingBody}</p>
        <p className="print-label" lang="vi">{report.documentLabel}</p>
        <p className="print-heading" lang="vi">{report.documentHeading}</p>
        <h1 id="ban-in-tieu-de" lang="vi">{report.title}</h1>
        <p className="note">{t('term', { term: report.termLabel })}</p>
      </header>

      <section aria-labelledby="ban-in-ket-qua" className="print-block">
        <h2 id="ban-in-ket-qua">{t('resultsHeading')}</h2>
        <div className="headline">
          <div className="stat">
            <span className="big">
              {report.indicatorsMet}/{report.indicatorsTotal}
            </span>
            <p>{t('met')}</p>
          </div>
          <div className="stat">
            <span className="big">{report.indicatorsNotMet}</span>
            <p>
              {t('notMet')}
              {notMet.length > 0 ? ':' : ''}
            </p>
            {notMet.length > 0 ? (
              <ol>
                {notMet.map((i) => (
                  <li key={i.code} lang="vi">
                    {i.name}
                  </li>
                ))}
              </ol>
            ) : null}
          </div>
        </div>
        {report.headline ? (
          <blockquote className="quote" lang="vi">
            <p>{report.headline}</p>
          </blockquote>
        ) : null}
      </section>

      <section aria-labelledby="ban-in-bang-chi-tieu" className="print-block">
        <h2 id="ban-in-bang-chi-tieu">{t('tableHeading')}</h2>
        <IndicatorTable indicators={indicators} caption={t('tableCaption', { count: String(indicators.length) })} />
      </section>

      <div className="print-sections" lang="vi">
        {sections.map((s) => (
          <SectionBody key={s.slug} section={s} headingLevel={headingLevel(s.depth)} />
        ))}
      </div>

      <section aria-labelledby="ban-in-du-an" className="print-block">
        <h2 id="ban-in-du-an">{t('entitiesHeading')}</h2>
        <h3>{te('project.label')}</h3>
        <ul lang="vi">
          {projects.map((e) => (
            <li key={e.slug}>{e.name}</li>
          ))}
        </ul>
        <h3>{te('resolution.label')}</h3>
        <ul lang="vi">
          {resolutions.map((e) => (
            <li key={e.slug}>
              {e.name}
              {e.issuedOn ? ` ngày ${formatIssuedOn(e.issuedOn)}` : ''}
              {e.subject ? ` ${e.subject}` : ''}
            </li>
          ))}
        </ul>
      </section>

      <footer className="print-colophon" data-revision={revision?.id ?? ''}>
        {revision ? (
          <p>
            <strong>{t('printedFrom', { revision: String(revision.id), when: printedDate(revision.createdAt, locale) })}</strong>{' '}
            {t.rich('source', { doc: () => <span lang="vi">{report.documentLabel} – {report.documentHeading}</span> })}
          </p>
        ) : (
          <p>{t.rich('source', { doc: () => <span lang="vi">{report.documentLabel} – {report.documentHeading}</span> })}</p>
        )}
        {citation ? <p className="note">{t('citation', { citation })}</p> : null}
        {head ? (
          <div className="print-head" data-head-seq={head.seq} data-head-hash={head.hash} data-head-at={head.at}>
            <p className="note">{t('head', { seq: String(head.seq), short: shortHash(head.hash), when: printedDate(head.at, locale) })}</p>
            <p className="note print-head__hash">{t('headFull', { hash: head.hash })}</p>
            <p className="note">{t.rich('headKeep', { url: head.url, code: (chunks) => <code>{chunks}</code> })}</p>
          </div>
        ) : null}
      </footer>
    </article>
  );
}
