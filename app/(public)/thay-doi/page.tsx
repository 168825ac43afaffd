import type { Metadata } from 'next';
import { ChangeList } from '@/components/history/public-changelog';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Link } from '@/components/site/link';
import { countPublicChanges, findImport, listPublicChanges } from '@/db/queries/public-history';
import { formatDateTime } from '@/lib/dates';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;
const PAGE_SIZE = 20;

export const metadata: Metadata = {
  title: 'Thay đổi',
  description: 'Mọi thay đổi đã công bố của báo cáo sau khi nhập văn bản gốc: thời điểm, lý do, giá trị cũ → mới.',
};

type Props = { searchParams: Promise<{ truoc?: string }> };

export default async function ChangesPage({ searchParams }: Props) {
  const { truoc } = await searchParams;
  const before = truoc && /^\d{1,15}$/.test(truoc) ? Number(truoc) : undefined;
  const upTo = await readingRevision();
  const [{ rows, next }, total, imported] = await Promise.all([
    listPublicChanges({ reportSlug, before, upTo, limit: PAGE_SIZE }),
    countPublicChanges({ reportSlug, upTo }),
    findImport({ reportSlug }),
  ]);

  return (
    <>
      <Breadcrumb items={[{ label: 'Thay đổi' }]} />
      {/* Vietnamese only, also under /en: marked so screen readers read it as Vietnamese. */}
      <div lang="vi">
        <h1>Thay đổi của báo cáo</h1>
        <p className="lede">
          {total === 0 ? 'Chưa có thay đổi nào sau khi nhập văn bản gốc.' : `${total} thay đổi đã công bố sau khi nhập văn bản gốc, mới nhất trước.`} Mỗi
          thay đổi ghi thời điểm, loại và lý do, giá trị cũ → mới, và dẫn tới trang như trước và sau thay đổi.
        </p>
        <p className="no-print">
          <a href="/thay-doi.atom">Theo dõi qua nguồn tin Atom</a> · <Link href="/du-lieu">Dữ liệu mở</Link>
        </p>
        {rows.length > 0 ? <ChangeList changes={rows} /> : before !== undefined ? <p className="notice">Không còn thay đổi cũ hơn.</p> : null}
        <nav aria-label="Phân trang" className="no-print">
          <p>
            {before !== undefined ? <Link href="/thay-doi">« Mới nhất</Link> : null}
            {before !== undefined && next ? ' · ' : null}
            {next ? <Link href={`/thay-doi?truoc=${next}`}>Cũ hơn »</Link> : null}
          </p>
        </nav>
        {imported && !next ? (
          <p className="note">
            Văn bản gốc được đưa lên cổng thông tin lúc <time dateTime={imported.at}>{formatDateTime(imported.at)}</time> (phiên bản r{imported.firstId}–r
            {imported.lastId}). <Link href={`/?asOf=r${imported.lastId}`}>Xem báo cáo như khi mới nhập</Link>.
          </p>
        ) : null}
      </div>
    </>
  );
}
