import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { PrintReport } from '@/components/print/print-report';
import { getEntities, getIndicators, getReport, getSectionTree } from '@/db/queries/reports';
import { originFromHeaders } from '@/lib/open-data';
import { getReading, readingHref } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;

export const metadata: Metadata = {
  title: 'Bản in toàn văn',
  description: 'Toàn bộ báo cáo trên một trang để in hoặc lưu thành PDF: chỉ tiêu, nội dung từng mục, dự án và nghị quyết.',
};

export default async function PrintPage() {
  const reading = await getReading();
  const revisionId = reading.moment?.revisionId;
  const [report, indicators, sections, entities, origin] = await Promise.all([
    getReport({ slug: reportSlug, revisionId }),
    getIndicators({ reportSlug, revisionId }),
    getSectionTree({ reportSlug, revisionId }),
    getEntities({ reportSlug, revisionId }),
    headers().then(originFromHeaders),
  ]);
  if (!report) notFound();
  const revision = report.latestRevision;

  return (
    <>
      <div className="print-toolbar no-print" lang="vi">
        <p>
          Trang này là toàn văn báo cáo, sẵn sàng để in: dùng lệnh <strong>In</strong> của trình duyệt (Ctrl+P), chọn{' '}
          <strong>Lưu thành PDF</strong> nếu cần tệp. Hoặc <a href={readingHref(reading, '/in.pdf')}>tải bản PDF khổ A4</a>.
        </p>
      </div>
      <PrintReport
        report={report}
        indicators={indicators}
        sections={sections}
        entities={entities}
        revision={revision}
        citation={revision ? `${origin ?? ''}/?asOf=r${revision.id}` : null}
      />
    </>
  );
}
