import type { Metadata } from 'next';
import Link from 'next/link';
import { verifyHistory } from '@/db/queries/revisions';
import { requireStaffPage } from '@/lib/auth';
import { historyHref } from '@/lib/history-routes';
import { ITEM_TYPE_LABELS } from '@/lib/vocabulary';
import { findRevision } from '@/db/queries/revisions';

export const metadata: Metadata = { title: 'Kiểm tra lịch sử' };

export default async function VerifyHistoryPage() {
  await requireStaffPage('admin');
  const result = await verifyHistory();
  const broken = result.ok ? null : await findRevision({ id: result.broken.revisionId });
  return (
    <>
      <h1>Kiểm tra toàn vẹn lịch sử</h1>
      <p>
        Mỗi phiên bản lưu một mã băm tính trên nội dung của nó và mã băm của phiên bản trước. Trang này tính lại toàn bộ chuỗi; một
        dòng bị sửa ngoài ứng dụng sẽ làm chuỗi gãy tại đúng dòng đó.
      </p>
      {result.ok ? (
        <p className="notice" role="status">
          Toàn vẹn: đã kiểm tra {result.checked.toLocaleString('vi-VN')} phiên bản, không có liên kết nào bị gãy.
        </p>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>Chuỗi lịch sử bị gãy</strong> tại phiên bản {result.broken.revisionNo} của {ITEM_TYPE_LABELS[result.broken.itemType].toLowerCase()} “
            {result.broken.itemKey}” (mã phiên bản #{result.broken.revisionId}): {result.broken.problem}.
          </p>
          <p>Đã kiểm tra đúng {result.checked.toLocaleString('vi-VN')} phiên bản trước chỗ gãy.</p>
          {broken ? <Link href={historyHref(broken.itemType, broken.itemId)}>Mở lịch sử của mục này</Link> : null}
        </div>
      )}
    </>
  );
}
