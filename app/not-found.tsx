import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getReport, type ReportView } from '@/db/queries/reports';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Không tìm thấy trang',
  description: 'Đường dẫn này không có trên cổng thông tin. Về trang tổng quan, bảng chỉ tiêu hoặc nội dung báo cáo.',
};

/** Unmatched addresses: the public site's header and footer around a short message. */
export default async function NotFound() {
  // Render per request, never at `next build`: the footer reads the report from the database.
  await connection();
  let report: ReportView | null = null;
  try {
    report = await getReport({ slug: DEFAULT_REPORT_SLUG });
  } catch {
    // A 404 page must not fail because the database does: the footer then leaves out the source line.
  }
  return (
    <>
      <SiteHeader />
      <main id="noi-dung" className="wrap" tabIndex={-1}>
        <h1>Không tìm thấy trang</h1>
        <p>Đường dẫn này không có trên cổng thông tin.</p>
        <p>
          <Link href="/">Về trang tổng quan</Link> · <Link href="/chi-tieu">Bảng chỉ tiêu</Link> ·{' '}
          <Link href="/muc">Nội dung báo cáo</Link>
        </p>
      </main>
      <SiteFooter report={report} />
    </>
  );
}
