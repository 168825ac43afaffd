import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { getReport, getSourceText } from '@/db/queries/reports';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Văn bản gốc',
  description: 'Toàn văn văn bản gốc của phụ lục, đúng như được công bố, để đọc và tải về.',
};

export default async function SourcePage() {
  const [report, source] = await Promise.all([
    getReport({ slug: DEFAULT_REPORT_SLUG, revisionId: await readingRevision() }),
    getSourceText({ slug: DEFAULT_REPORT_SLUG }),
  ]);
  if (!report || !source) notFound();
  return (
    <>
      <Breadcrumb items={[{ label: 'Văn bản gốc' }]} />
      <h1>Văn bản gốc</h1>
      <p className="lede">
        {report.documentLabel} – {report.documentHeading}. Văn bản dưới đây giữ nguyên câu chữ, kể cả lỗi chính tả của bản gốc; chỉ
        được chuẩn hoá mã Unicode (NFC).
      </p>
      <p>
        <a href="/van-ban-goc.txt" download={source.file}>
          Tải văn bản gốc (.txt, UTF-8)
        </a>
      </p>
      <pre className="source-text" tabIndex={0} aria-label="Toàn văn văn bản gốc">
        {source.text}
      </pre>
    </>
  );
}
