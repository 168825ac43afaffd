import type { Metadata } from 'next';
import Link from 'next/link';
import { listDeletedIndicators, listIndicatorsForStaff } from '@/db/queries/staff';
import { requireStaffPage } from '@/lib/auth';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { formatDateTime } from '@/lib/dates';

export const metadata: Metadata = { title: 'Quản lý chỉ tiêu' };

export default async function StaffIndicatorsPage() {
  await requireStaffPage('editor');
  const [items, deleted] = await Promise.all([listIndicatorsForStaff({ reportSlug: DEFAULT_REPORT_SLUG }), listDeletedIndicators()]);
  return (
    <>
      <h1>Chỉ tiêu</h1>
      <p>
        <Link href="/quan-tri/chi-tieu/moi" className="button">
          Thêm chỉ tiêu
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>{items.length} chỉ tiêu trong báo cáo</caption>
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col" className="num">Phiên bản</th>
              <th scope="col">Sửa lần cuối</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.label}</th>
                <td className="num">{i.version}</td>
                <td>{formatDateTime(i.updatedAt)}</td>
                <td>
                  <Link href={`/quan-tri/chi-tieu/${i.key}`} aria-label={`Sửa: ${i.label}`}>Sửa</Link> ·{' '}
                  <Link href={`/quan-tri/lich-su/chi-tieu/${i.id}`} aria-label={`Lịch sử (${i.revisions} phiên bản): ${i.label}`}>
                    Lịch sử ({i.revisions})
                  </Link>{' '}
                  · <Link href={`/chi-tieu/${i.key}`} aria-label={`Trang công khai: ${i.label}`}>Xem</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deleted.length > 0 ? (
        <section aria-labelledby="da-xoa">
          <h2 id="da-xoa">Chỉ tiêu đã xoá</h2>
          <p className="note">Không gì bị mất: mở lịch sử để khôi phục.</p>
          <ul>
            {deleted.map((d) => (
              <li key={d.itemId}>
                {d.label} (xoá lúc {formatDateTime(d.deletedAt)}) — <Link href={`/quan-tri/lich-su/chi-tieu/${d.itemId}`}>Lịch sử và khôi phục</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
