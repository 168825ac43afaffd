import { IndicatorTable } from '@/components/indicator/indicator-table';
import { SectionBody } from '@/components/report/section-body';
import type { EntityView, IndicatorView, ReportView, SectionView } from '@/db/queries/reports';
import { formatIssuedOn } from '@/lib/dates';
import { entityRoutes } from '@/lib/site';

const day = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });
const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });

/** "ngày 29/11/2026, lúc 16:12" (Vietnam time). */
export function printedDate(iso: string): string {
  const d = new Date(iso);
  return `ngày ${day.format(d)}, lúc ${time.format(d)}`;
}

export type PrintReportProps = {
  report: ReportView;
  indicators: IndicatorView[];
  sections: SectionView[];
  entities: EntityView[];
  /** The state printed: its revision and that revision's time. */
  revision: { id: number; createdAt: string } | null;
  /** Permalink of this exact state. */
  citation: string | null;
};

/**
 * The whole report on one page, in the appendix's own order: title block, the
 * headline count, the indicator table, every section with its narrative, then
 * the key projects and resolutions. The page's print style sheet makes the PDF.
 */
export function PrintReport({ report, indicators, sections, entities, revision, citation }: PrintReportProps) {
  const notMet = indicators.filter((i) => i.namedAsKeyIndicator && i.status === 'chua_dat');
  const projects = entities.filter((e) => e.kind === 'project');
  const resolutions = entities.filter((e) => e.kind === 'resolution');
  const headingLevel = (depth: number) => (Math.min(depth + 2, 4) as 2 | 3 | 4);

  return (
    <article className="print-report" aria-labelledby="ban-in-tieu-de" lang="vi">
      <header className="print-title">
        <p className="print-issuer">{report.issuingBody}</p>
        <p className="print-label">{report.documentLabel}</p>
        <p className="print-heading">{report.documentHeading}</p>
        <h1 id="ban-in-tieu-de">{report.title}</h1>
        <p className="note">Nhiệm kỳ {report.termLabel}</p>
      </header>

      <section aria-labelledby="ban-in-ket-qua" className="print-block">
        <h2 id="ban-in-ket-qua">Kết quả các chỉ tiêu chủ yếu</h2>
        <div className="headline">
          <div className="stat">
            <span className="big">
              {report.indicatorsMet}/{report.indicatorsTotal}
            </span>
            <p>chỉ tiêu đạt và vượt</p>
          </div>
          <div className="stat">
            <span className="big">{report.indicatorsNotMet}</span>
            <p>chỉ tiêu chưa đạt{notMet.length > 0 ? ':' : ''}</p>
            {notMet.length > 0 ? (
              <ol>
                {notMet.map((i) => (
                  <li key={i.code}>{i.name}</li>
                ))}
              </ol>
            ) : null}
          </div>
        </div>
        {report.headline ? (
          <blockquote className="quote">
            <p>{report.headline}</p>
          </blockquote>
        ) : null}
      </section>

      <section aria-labelledby="ban-in-bang-chi-tieu" className="print-block">
        <h2 id="ban-in-bang-chi-tieu">Bảng chỉ tiêu</h2>
        <IndicatorTable indicators={indicators} caption={`${indicators.length} chỉ tiêu và kết quả văn bản nêu`} />
      </section>

      <div className="print-sections">
        {sections.map((s) => (
          <SectionBody key={s.slug} section={s} headingLevel={headingLevel(s.depth)} />
        ))}
      </div>

      <section aria-labelledby="ban-in-du-an" className="print-block">
        <h2 id="ban-in-du-an">Dự án trọng điểm và nghị quyết</h2>
        <h3>{entityRoutes.project.label}</h3>
        <ul>
          {projects.map((e) => (
            <li key={e.slug}>{e.name}</li>
          ))}
        </ul>
        <h3>{entityRoutes.resolution.label}</h3>
        <ul>
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
            <strong>
              Bản in theo phiên bản r{revision.id}, {printedDate(revision.createdAt)}.
            </strong>{' '}
            Nguồn: {report.documentLabel} – {report.documentHeading}.
          </p>
        ) : (
          <p>Nguồn: {report.documentLabel} – {report.documentHeading}.</p>
        )}
        {citation ? <p className="note">Địa chỉ trích dẫn đúng phiên bản này: {citation}</p> : null}
      </footer>
    </article>
  );
}
