import NextLink from 'next/link';
import { formatDateTime } from '@/lib/dates';
import type { Reading } from '@/lib/reading';

/** Says which moment of the report is shown, with a citable permalink and the way back to now. */
export function AsOfBanner({ reading }: { reading: Reading }) {
  if (reading.asOfError) {
    return (
      <div className="as-of-banner as-of-banner--error" role="alert">
        <p>
          <strong>Không đọc được thời điểm yêu cầu.</strong> {reading.asOfError} Trang dưới đây là báo cáo <strong>hiện hành</strong>.
        </p>
      </div>
    );
  }
  if (reading.beforeFirstRevision) {
    return (
      <div className="as-of-banner as-of-banner--error" role="alert">
        <p>
          Tại thời điểm yêu cầu, báo cáo chưa được đưa lên cổng thông tin. <NextLink href={reading.path}>Xem báo cáo hiện hành</NextLink>.
        </p>
      </div>
    );
  }
  if (!reading.moment) return null;
  const permalink = `${reading.path}?asOf=r${reading.moment.revisionId}`;
  return (
    <aside className="as-of-banner" aria-label="Thời điểm của báo cáo đang xem">
      <p>
        <strong>Bạn đang xem báo cáo như tại {formatDateTime(reading.moment.createdAt)}</strong> (phiên bản r{reading.moment.revisionId}
        {reading.moment.requested && reading.moment.requested !== `r${reading.moment.revisionId}` ? `, theo yêu cầu “${reading.moment.requested}”` : ''}). Số
        liệu, đánh giá và câu chữ là của thời điểm đó.
      </p>
      <p>
        Đường dẫn trích dẫn: <NextLink href={permalink}>{permalink}</NextLink> · <NextLink href={reading.path}>Xem bản hiện hành</NextLink>
      </p>
    </aside>
  );
}
