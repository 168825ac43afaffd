import type { Metadata } from 'next';
import { Link } from '@/components/site/link';
import { notFound } from 'next/navigation';
import { AdjustedBadge } from '@/components/indicator/adjusted-badge';
import { StatusBadge } from '@/components/indicator/status-badge';
import { ValueText } from '@/components/indicator/value-text';
import { getEntities, getIndicators, getReport, getSections } from '@/db/queries/reports';
import { headlineValue } from '@/lib/indicator';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG, entityRoutes } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;

export async function generateMetadata(): Promise<Metadata> {
  const report = await getReport({ slug: reportSlug, revisionId: await readingRevision() });
  if (!report) return {};
  return {
    title: { absolute: `${report.title} · Kết quả nhiệm kỳ` },
    description: `${report.headline ?? ''} Chỉ tiêu, số liệu và nội dung ${report.documentLabel.toLowerCase()} của ${report.issuingBody}, nhiệm kỳ ${report.termLabel}.`.trim(),
  };
}

export default async function OverviewPage() {
  const [report, indicators, sections, entities] = await Promise.all([
    getReport({ slug: reportSlug, revisionId: await readingRevision() }),
    getIndicators({ reportSlug, revisionId: await readingRevision() }),
    getSections({ reportSlug, revisionId: await readingRevision() }),
    getEntities({ reportSlug, revisionId: await readingRevision() }),
  ]);
  if (!report) notFound();

  const notMet = indicators.filter((i) => i.namedAsKeyIndicator && i.status === 'chua_dat');
  const named = indicators.filter((i) => i.namedAsKeyIndicator);
  const others = indicators.filter((i) => !i.namedAsKeyIndicator);
  const withFigures = indicators.filter((i) => headlineValue(i));
  const topSections = sections.filter((s) => s.depth === 0);
  const projects = entities.filter((e) => e.kind === 'project');
  const resolutions = entities.filter((e) => e.kind === 'resolution');

  return (
    <>
      <p className="note">
        {report.documentLabel} · {report.issuingBody} · Nhiệm kỳ {report.termLabel}
      </p>
      <h1>{report.title}</h1>
      <p className="lede">
        Báo cáo kết quả nổi bật của {report.issuingBody}, nhiệm kỳ {report.termLabel}: chỉ tiêu chủ yếu, phát triển kinh tế -
        xã hội, quốc phòng an ninh, xây dựng Đảng, ba nhiệm vụ đột phá, hạn chế và bài học kinh nghiệm.
      </p>

      <section aria-labelledby="ket-qua-chi-tieu">
        <h2 id="ket-qua-chi-tieu">Kết quả các chỉ tiêu chủ yếu</h2>
        <div className="headline">
          <div className="stat">
            <span className="big">
              {report.indicatorsMet}/{report.indicatorsTotal}
            </span>
            <p>chỉ tiêu đạt và vượt</p>
          </div>
          <div className="stat">
            <span className="big">{report.indicatorsNotMet}</span>
            <p>chỉ tiêu chưa đạt:</p>
            <ol>
              {notMet.map((i) => (
                <li key={i.code}>
                  <Link href={`/chi-tieu/${i.code}`}>{i.name}</Link>
                </li>
              ))}
            </ol>
          </div>
        </div>
        {report.headline ? (
          <blockquote className="quote">
            <p>{report.headline}</p>
          </blockquote>
        ) : null}
        <p className="notice">
          Văn bản gốc nêu tên {named.length} trong {report.indicatorsTotal} chỉ tiêu chủ yếu (các chỉ tiêu chưa đạt) và không liệt kê{' '}
          {report.indicatorsMet} chỉ tiêu đạt và vượt. Cổng thông tin trình bày {indicators.length} chỉ tiêu và kết quả mà văn bản
          nêu; với {others.length} kết quả còn lại, văn bản không nói rõ có thuộc {report.indicatorsTotal} chỉ tiêu chủ yếu hay không.{' '}
          <Link href="/chi-tieu">Xem bảng chỉ tiêu</Link>.
        </p>
      </section>

      <section aria-labelledby="so-lieu-noi-bat">
        <h2 id="so-lieu-noi-bat">Số liệu nổi bật</h2>
        <ul className="cards">
          {withFigures.map((i) => (
            <li key={i.code} className="card">
              <h3>
                <Link href={`/chi-tieu/${i.code}`}>{i.name}</Link>
              </h3>
              <p className="figure">
                <ValueText value={headlineValue(i)} unit={i.unit} />
              </p>
              {i.baselineComparison ? <p>{i.baselineComparison}</p> : null}
              {i.targetComparison ? <p>{i.targetComparison}</p> : null}
              <p>
                <StatusBadge status={i.status} />
                {i.adjusted ? <> <AdjustedBadge code={i.code} /></> : null}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="noi-dung-bao-cao">
        <h2 id="noi-dung-bao-cao">Nội dung báo cáo</h2>
        <ol className="toc">
          {topSections.map((s) => (
            <li key={s.slug}>
              <Link href={`/muc/${s.slug}`}>{s.title}</Link>
            </li>
          ))}
        </ol>
        <p>
          <Link href="/muc">Đọc toàn văn báo cáo</Link> · <Link href="/van-ban-goc">Văn bản gốc</Link>
        </p>
      </section>

      <section aria-labelledby="du-an-nghi-quyet">
        <h2 id="du-an-nghi-quyet">Dự án trọng điểm và nghị quyết</h2>
        <h3>{entityRoutes.project.label}</h3>
        <ul>
          {projects.map((e) => (
            <li key={e.slug}>
              <Link href={e.href}>{e.shortName}</Link>
            </li>
          ))}
        </ul>
        <h3>Nghị quyết của Tỉnh uỷ về các nhiệm vụ đột phá</h3>
        <ul>
          {resolutions.map((e) => (
            <li key={e.slug}>
              <Link href={e.href}>{e.name}</Link> {e.subject}
            </li>
          ))}
        </ul>
        <p>
          <Link href="/don-vi">{entityRoutes.institution.label} được nêu trong báo cáo</Link>
        </p>
      </section>
    </>
  );
}
