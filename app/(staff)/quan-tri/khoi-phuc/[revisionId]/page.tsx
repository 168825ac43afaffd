import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RevisionCompare } from '@/components/history/revision-compare';
import { RestoreForm } from '@/components/staff/restore-form';
import { findLatestRevision, findRevision } from '@/db/queries/revisions';
import { findCurrentVersion } from '@/db/queries/staff';
import { requireStaffPage } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { historyHref, isRestorable } from '@/lib/history-routes';
import { diffSnapshots } from '@/lib/revision-diff';
import { restoreRevisionAction } from './actions';

type Props = { params: Promise<{ revisionId: string }> };

export const metadata: Metadata = { title: 'Khôi phục phiên bản' };

export default async function RestorePage({ params }: Props) {
  await requireStaffPage('editor');
  const { revisionId } = await params;
  const target = await findRevision({ id: Number(revisionId) });
  if (!target || !target.snapshot || !isRestorable(target.itemType)) notFound();
  const [latest, version] = await Promise.all([
    findLatestRevision({ itemType: target.itemType, itemId: target.itemId }),
    findCurrentVersion({ itemType: target.itemType, itemId: target.itemId }),
  ]);
  const back = historyHref(target.itemType, target.itemId);
  return (
    <>
      <p className="breadcrumb">
        <Link href={back}>Lịch sử: {target.itemLabel}</Link> › Khôi phục phiên bản {target.revisionNo}
      </p>
      <h1>Khôi phục phiên bản {target.revisionNo}</h1>
      <p>
        Phiên bản {target.revisionNo} do {target.authorName} lưu lúc {formatDateTime(target.createdAt)}. Khôi phục sẽ tạo một phiên bản mới; lịch sử
        cũ vẫn còn nguyên.
      </p>
      <h2>Nội dung hiện tại sẽ thay đổi như sau</h2>
      <RevisionCompare
        diff={diffSnapshots(target.itemType, latest?.snapshot ?? null, target.snapshot)}
        fromLabel={version === 0 ? 'hiện tại (đã xoá)' : `hiện tại (phiên bản ${latest?.revisionNo})`}
        toLabel={`phiên bản ${target.revisionNo}`}
      />
      <RestoreForm revisionId={target.id} version={version} action={restoreRevisionAction} />
    </>
  );
}
