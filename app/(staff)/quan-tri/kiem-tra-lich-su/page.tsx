import type { Metadata } from 'next';
import Link from 'next/link';
import { verifyHistory } from '@/db/queries/revisions';
import { requireStaffPage } from '@/lib/auth';
import { historyHref } from '@/lib/history-routes';
import { ITEM_TYPE_LABELS } from '@/lib/vocabulary';
import { findRevision } from '@/db/queries/revisions';

export const metadata: Metadata = { title: 'Kiểm tra lịch sử' };

const CHAIN_LABELS = { item: 'Chuỗi lịch sử của mục', report: 'Chuỗi lịch sử của báo cáo', head: 'Đầu chuỗi đã lưu' } as const;

export default async function VerifyHistoryPage() {
  await requireStaffPage('admin');
  const result = await verifyHistory();
  const brokenId = result.ok ? null : result.broken.revisionId;
  const broken = brokenId === null ? null : await findRevision({ id: brokenId });
  return (
    <>
      <h1>Kiểm tra toàn vẹn lịch sử</h1>
      <p>
        Mỗi phiên bản lưu một mã băm tính trên nội dung của nó và mã băm của phiên bản trước của cùng mục, và một mã băm nối mọi
        phiên bản của báo cáo theo số thứ tự 1, 2, 3…. Trang này tính lại cả hai chuỗi; một dòng bị sửa, bị xoá hoặc bị đổi chỗ ngoài
        ứng dụng sẽ làm chuỗi gãy tại đúng dòng đó.
      </p>
      {result.ok ? (
        <>
          <p className="notice" role="status">
            Toàn vẹn: đã kiểm tra {result.checked.toLocaleString('vi-VN')} phiên bản, không có liên kết nào bị gãy.
          </p>
          <h2>Đầu chuỗi hiện tại</h2>
          <p>
            Đầu chuỗi được công bố tại <code>/api/v1/reports/&lt;báo cáo&gt;/head</code>, trong nguồn tin Atom và ở cuối bản in. Ai giữ một bản
            có thể kiểm tra sau này bằng <code>npm run verify-history -- --head &lt;tệp&gt;</code>.
          </p>
          <ul>
            {result.heads.map((h) => (
              <li key={h.reportId}>
                {h.slug}: số thứ tự {h.seq.toLocaleString('vi-VN')}, mã băm <code>{h.hash}</code>, lúc {new Date(h.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>{CHAIN_LABELS[result.broken.chain]} bị gãy</strong>
            {result.broken.itemType ? (
              <>
                {' '}
                tại phiên bản {result.broken.revisionNo} của {ITEM_TYPE_LABELS[result.broken.itemType].toLowerCase()} “{result.broken.itemKey}” (mã phiên bản #
                {result.broken.revisionId})
              </>
            ) : null}
            {result.broken.reportSlug ? (
              <>
                , báo cáo “{result.broken.reportSlug}”{result.broken.reportSeq !== null ? <>, số thứ tự {result.broken.reportSeq}</> : null}
              </>
            ) : null}
            : {result.broken.problem}.
          </p>
          <p>Đã kiểm tra đúng {result.checked.toLocaleString('vi-VN')} phiên bản trước chỗ gãy.</p>
          {broken ? <Link href={historyHref(broken.itemType, broken.itemId)}>Mở lịch sử của mục này</Link> : null}
        </div>
      )}
    </>
  );
}
