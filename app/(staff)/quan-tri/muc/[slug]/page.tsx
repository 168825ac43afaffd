import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SectionForm } from '@/components/staff/section-form';
import { sectionFormValues } from '@/components/staff/section-form-values';
import { findSectionForEdit } from '@/db/queries/staff';
import { requireStaffPage } from '@/lib/auth';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { previewMarkdownAction, saveSectionAction } from '../actions';

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: 'Sửa nội dung mục' };

export default async function EditSectionPage({ params }: Props) {
  await requireStaffPage('editor');
  const { slug } = await params;
  const item = await findSectionForEdit({ reportSlug: DEFAULT_REPORT_SLUG, slug });
  if (!item) notFound();
  const s = item.snapshot;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/quan-tri/muc">Nội dung</Link> › {s.title}
      </p>
      <h1>Sửa mục: {s.title}</h1>
      <p>
        Phiên bản hiện tại: {item.version} · <Link href={`/quan-tri/lich-su/muc/${item.id}`}>Lịch sử thay đổi</Link> ·{' '}
        <Link href={`/muc/${slug}`}>Trang công khai</Link>
      </p>
      <SectionForm
        slug={slug}
        initial={sectionFormValues(s, item.version)}
        action={saveSectionAction.bind(null, slug)}
        preview={previewMarkdownAction}
      />
    </>
  );
}
