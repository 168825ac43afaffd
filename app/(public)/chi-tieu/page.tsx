import type { Metadata } from 'next';
import { Fragment } from 'react';
import { notFound } from 'next/navigation';
import { IndicatorTable } from '@/components/indicator/indicator-table';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { getIndicators, getReport } from '@/db/queries/reports';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { statusDescription, statusLabel, INDICATOR_STATUSES } from '@/lib/status';

const reportSlug = DEFAULT_REPORT_SLUG;

export const metadata: Metadata = {
  title: 'Chỉ tiêu và kết quả',
  description:
    'Bảng các chỉ tiêu và kết quả mà phụ lục nêu, theo lĩnh vực: giá trị năm 2025, so sánh với năm 2020 và với chỉ tiêu Nghị quyết, đánh giá đạt, vượt, chưa đạt.',
};

export default async function IndicatorsPage() {
  const [report, indicators] = await Promise.all([getReport({ slug: reportSlug, revisionId: await readingRevision() }), getIndicators({ reportSlug, revisionId: await readingRevision() })]);
  if (!report) notFound();
  const named = indicators.filter((i) => i.namedAsKeyIndicator).length;
  return (
    <>
      <Breadcrumb items={[{ label: 'Chỉ tiêu' }]} />
      <h1>Chỉ tiêu và kết quả nhiệm kỳ {report.termLabel}</h1>
      <p className="lede">
        {report.headline} Văn bản gốc chỉ nêu tên {named} trong {report.indicatorsTotal} chỉ tiêu chủ yếu; bảng dưới đây gồm{' '}
        {indicators.length} chỉ tiêu và kết quả có trong văn bản, xếp theo lĩnh vực.
      </p>
      <IndicatorTable indicators={indicators} caption={`Chỉ tiêu và kết quả theo lĩnh vực (${indicators.length} mục)`} />
      <h2>Cách đọc bảng</h2>
      <dl className="facts">
        {INDICATOR_STATUSES.map((s) => (
          <Fragment key={s}>
            <dt>{statusLabel(s)}</dt>
            <dd>{statusDescription(s)}</dd>
          </Fragment>
        ))}
        <dt>ước tính</dt>
        <dd>Văn bản ghi “ước” trước số liệu.</dd>
        <dt>suy ra</dt>
        <dd>Cổng thông tin tính từ số liệu của văn bản (ví dụ giá trị năm 2020 từ “tăng 1,65 lần”); văn bản không ghi trực tiếp.</dd>
      </dl>
    </>
  );
}
