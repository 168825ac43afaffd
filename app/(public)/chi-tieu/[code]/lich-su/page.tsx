import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ItemChangelog } from '@/components/history/public-changelog';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Link } from '@/components/site/link';
import { findItemChangelog } from '@/db/queries/public-history';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;
type Props = { params: Promise<{ code: string }> };

async function load(code: string) {
  const log = await findItemChangelog({ reportSlug, itemType: 'indicator', key: code, upTo: await readingRevision() });
  return log && log.entries.length > 0 ? log : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const log = await load((await params).code);
  if (!log) return { title: 'Không tìm thấy chỉ tiêu' };
  return { title: `Lịch sử thay đổi: ${log.label}`, description: `Các lần điều chỉnh số liệu và câu chữ của chỉ tiêu “${log.label}”, với thời điểm và lý do.` };
}

export default async function IndicatorHistoryPage({ params }: Props) {
  const { code } = await params;
  const log = await load(code);
  if (!log) notFound();
  const deleted = log.entries[0]!.action === 'delete';
  const changes = log.entries.filter((e) => e.action !== 'import').length;

  return (
    <>
      <Breadcrumb items={[{ href: '/chi-tieu', label: 'Chỉ tiêu' }, ...(deleted ? [] : [{ href: `/chi-tieu/${code}`, label: log.label }]), { label: 'Lịch sử thay đổi' }]} />
      {/* Vietnamese only, also under /en: marked so screen readers read it as Vietnamese. */}
      <div lang="vi">
        <h1>Lịch sử thay đổi: {log.label}</h1>
        <p className="lede">
          {changes === 0
            ? 'Chỉ tiêu này chưa thay đổi kể từ khi nhập văn bản gốc.'
            : `${changes} lần thay đổi kể từ khi nhập văn bản gốc, mới nhất trước.`}{' '}
          Mỗi lần ghi thời điểm, loại và lý do thay đổi, giá trị cũ → mới; không lần nào bị xoá khỏi lịch sử.
        </p>
        {deleted ? <p className="notice">Chỉ tiêu này đã bị gỡ khỏi bảng chỉ tiêu; lịch sử vẫn được giữ.</p> : null}
        <ItemChangelog entries={log.entries} />
        <p className="no-print">
          <Link href="/thay-doi">Mọi thay đổi của báo cáo</Link> · <a href="/thay-doi.atom">Theo dõi qua Atom</a>
        </p>
      </div>
    </>
  );
}
