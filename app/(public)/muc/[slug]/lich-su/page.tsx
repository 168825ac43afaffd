import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ItemChangelog } from '@/components/history/public-changelog';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Link } from '@/components/site/link';
import { findItemChangelog } from '@/db/queries/public-history';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;
type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const log = await findItemChangelog({ reportSlug, itemType: 'section', key: slug, upTo: await readingRevision() });
  return log && log.entries.length > 0 ? log : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const log = await load((await params).slug);
  if (!log) return { title: 'Không tìm thấy mục' };
  return { title: `Lịch sử thay đổi: ${log.label}`, description: `Các lần sửa nội dung mục “${log.label}”, với thời điểm và lý do.` };
}

export default async function SectionHistoryPage({ params }: Props) {
  const { slug } = await params;
  const log = await load(slug);
  if (!log) notFound();
  const changes = log.entries.filter((e) => e.action !== 'import').length;

  return (
    <>
      <Breadcrumb items={[{ href: '/muc', label: 'Nội dung báo cáo' }, { href: `/muc/${slug}`, label: log.label }, { label: 'Lịch sử thay đổi' }]} />
      {/* Vietnamese only, also under /en: marked so screen readers read it as Vietnamese. */}
      <div lang="vi">
        <h1>Lịch sử thay đổi: {log.label}</h1>
        <p className="lede">
          {changes === 0
            ? 'Mục này chưa thay đổi kể từ khi nhập văn bản gốc.'
            : `${changes} lần thay đổi kể từ khi nhập văn bản gốc, mới nhất trước.`}{' '}
          Mỗi lần ghi thời điểm, loại và lý do thay đổi; phần bị bỏ được gạch, phần thêm được tô.
        </p>
        <ItemChangelog entries={log.entries} />
        <p className="no-print">
          <Link href="/thay-doi">Mọi thay đổi của báo cáo</Link> · <a href="/thay-doi.atom">Theo dõi qua Atom</a>
        </p>
      </div>
    </>
  );
}
