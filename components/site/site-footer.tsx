import { Link } from '@/components/site/link';
import type { ReportView } from '@/db/queries/reports';

export function SiteFooter({ report }: { report: ReportView | null }) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        {report ? (
          <p>
            Nguồn: {report.documentLabel} – {report.documentHeading}.{' '}
            <Link href="/van-ban-goc">Xem và tải văn bản gốc</Link>.
          </p>
        ) : null}
        <p>
          Số liệu trích đúng văn bản gốc; giá trị do cổng thông tin tính ra được ghi rõ là “suy ra”.{' '}
          <Link href="/chi-tieu">Bảng chỉ tiêu</Link> · <Link href="/muc">Nội dung báo cáo</Link> ·{' '}
          <Link href="/don-vi">Cơ sở, đơn vị</Link>
        </p>
      </div>
    </footer>
  );
}
