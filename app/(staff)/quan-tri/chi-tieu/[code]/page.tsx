import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteIndicatorForm } from '@/components/staff/delete-indicator-form';
import { IndicatorForm } from '@/components/staff/indicator-form';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { findIndicatorForEdit } from '@/db/queries/staff';
import { requireStaffPage } from '@/lib/auth';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { deleteIndicatorAction, saveIndicatorAction } from '../actions';

type Props = { params: Promise<{ code: string }> };

export const metadata: Metadata = { title: 'Sửa chỉ tiêu' };

export default async function EditIndicatorPage({ params }: Props) {
  await requireStaffPage('editor');
  const { code } = await params;
  const item = await findIndicatorForEdit({ reportSlug: DEFAULT_REPORT_SLUG, code });
  if (!item) notFound();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/quan-tri/chi-tieu">Chỉ tiêu</Link> › {item.snapshot.name}
      </p>
      <h1>Sửa chỉ tiêu: {item.snapshot.name}</h1>
      <p>
        Phiên bản hiện tại: {item.version} · <Link href={`/quan-tri/lich-su/chi-tieu/${item.id}`}>Lịch sử thay đổi</Link> ·{' '}
        <Link href={`/chi-tieu/${code}`}>Trang công khai</Link>
      </p>
      <IndicatorForm mode="edit" initial={indicatorFormValues(item.snapshot, item.version)} action={saveIndicatorAction.bind(null, code)} />
      <DeleteIndicatorForm name={item.snapshot.name} version={item.version} action={deleteIndicatorAction.bind(null, code)} />
    </>
  );
}
