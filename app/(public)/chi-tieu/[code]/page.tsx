import type { Metadata } from 'next';
import { Link } from '@/components/site/link';
import { notFound } from 'next/navigation';
import { AdjustedBadge } from '@/components/indicator/adjusted-badge';
import { StatusBadge } from '@/components/indicator/status-badge';
import { ValueChart, ValueTable } from '@/components/indicator/value-chart';
import { ValueText } from '@/components/indicator/value-text';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { getIndicator } from '@/db/queries/reports';
import { toChartPoints } from '@/lib/chart';
import { headlineValue, kindLabels, NOT_GIVEN } from '@/lib/indicator';
import { formatDecimal } from '@/lib/number';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { statusDescription } from '@/lib/status';

const reportSlug = DEFAULT_REPORT_SLUG;
type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const indicator = await getIndicator({ reportSlug, code, revisionId: await readingRevision() });
  if (!indicator) return { title: 'Không tìm thấy chỉ tiêu' };
  return {
    title: indicator.name,
    description: indicator.sourceSentence ?? indicator.note ?? `Chỉ tiêu ${indicator.name}`,
  };
}

export default async function IndicatorPage({ params }: Props) {
  const { code } = await params;
  const indicator = await getIndicator({ reportSlug, code, revisionId: await readingRevision() });
  if (!indicator) notFound();

  const value = headlineValue(indicator);
  const chart = { name: indicator.name, unit: indicator.unit, points: toChartPoints(indicator.values) };
  const derived = indicator.values.filter((v) => v.kind === 'derived');
  const target = indicator.values.find((v) => v.role === 'target');

  return (
    <>
      <Breadcrumb items={[{ href: '/chi-tieu', label: 'Chỉ tiêu' }, { label: indicator.name }]} />
      <p className="note">{indicator.area}</p>
      <h1>{indicator.name}</h1>
      <p>
        <StatusBadge status={indicator.status} /> {indicator.statusNote ?? statusDescription(indicator.status)}
      </p>
      {indicator.adjusted ? (
        <p className="notice">
          <AdjustedBadge code={indicator.code} /> Số liệu của chỉ tiêu này đã được điều chỉnh sau khi văn bản gốc công bố.{' '}
          <Link href={`/chi-tieu/${indicator.code}/lich-su`}>Xem các lần điều chỉnh và lý do</Link>.
        </p>
      ) : null}

      <dl className="facts">
        <dt>Giá trị</dt>
        <dd>
          <ValueText value={value} unit={indicator.unit} />
          {value ? <span className="note"> — {value.periodLabel ?? `năm ${value.year}`}</span> : null}
        </dd>
        <dt>So với năm 2020</dt>
        <dd>{indicator.baselineComparison ?? <span className="note">{NOT_GIVEN}</span>}</dd>
        <dt>So với chỉ tiêu</dt>
        <dd>
          {indicator.targetComparison ?? <span className="note">{NOT_GIVEN}</span>}
          {target ? (
            <div className="note">
              Chỉ tiêu tương ứng (<ValueText value={target} unit={indicator.unit} showKind={false} />) là giá trị{' '}
              {kindLabels[target.kind]}.
            </div>
          ) : null}
        </dd>
        <dt>Đơn vị tính</dt>
        <dd>{indicator.unit ?? <span className="note">{NOT_GIVEN}</span>}</dd>
        <dt>Thuộc 20 chỉ tiêu chủ yếu</dt>
        <dd>{indicator.namedAsKeyIndicator ? 'Có — văn bản nêu tên chỉ tiêu này' : 'Văn bản không nói rõ'}</dd>
      </dl>
      {indicator.note ? <p className="notice">{indicator.note}</p> : null}

      {indicator.sourceSentence ? (
        <section aria-labelledby="trich-dan">
          <h2 id="trich-dan">Câu trong văn bản gốc</h2>
          <blockquote className="quote">
            <p>{indicator.sourceSentence}</p>
          </blockquote>
          {indicator.section ? (
            <p className="note">
              Trích từ mục <Link href={`/muc/${indicator.section.slug}`}>{indicator.section.title}</Link>.
            </p>
          ) : null}
        </section>
      ) : null}

      {indicator.values.length >= 2 ? (
        <section aria-labelledby="bieu-do">
          <h2 id="bieu-do">Biểu đồ</h2>
          <ValueChart input={chart} id={`chart-${indicator.code}`} />
        </section>
      ) : null}

      <section aria-labelledby="so-lieu">
        <h2 id="so-lieu">Số liệu</h2>
        {indicator.values.length > 0 ? (
          <div className="table-wrap">
            <ValueTable input={chart} caption={`Số liệu: ${indicator.name}`} />
          </div>
        ) : (
          <p className="notice">{NOT_GIVEN} số liệu cho chỉ tiêu này.</p>
        )}
        {derived.length > 0 ? (
          <>
            <h3>Cách tính các giá trị suy ra</h3>
            <ul>
              {derived.map((v) => (
                <li key={v.id}>
                  {v.role === 'target' ? 'Chỉ tiêu' : `Năm ${v.year}`}: ≈ {formatDecimal(v.value)}. {v.note}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <p className="no-print">
        <Link href={`/chi-tieu/${indicator.code}/lich-su`}>Lịch sử thay đổi của chỉ tiêu này</Link>
      </p>
    </>
  );
}
