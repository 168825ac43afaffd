import type { Metadata } from 'next';
import Link from 'next/link';
import { IndicatorForm } from '@/components/staff/indicator-form';
import { emptyIndicatorFormValues } from '@/components/staff/indicator-form-values';
import { requireStaffPage } from '@/lib/auth';
import { createIndicatorAction } from '../actions';

export const metadata: Metadata = { title: 'Thêm chỉ tiêu' };

export default async function NewIndicatorPage() {
  await requireStaffPage('editor');
  return (
    <>
      <p className="breadcrumb">
        <Link href="/quan-tri/chi-tieu">Chỉ tiêu</Link> › Thêm mới
      </p>
      <h1>Thêm chỉ tiêu</h1>
      <p>Báo cáo có 20 chỉ tiêu chủ yếu nhưng phụ lục chỉ nêu một phần. Thêm ở đây những chỉ tiêu chưa có, kèm nguồn số liệu.</p>
      <IndicatorForm mode="create" initial={emptyIndicatorFormValues()} action={createIndicatorAction} />
    </>
  );
}
