import type { Metadata } from 'next';
import Link from 'next/link';
import { listSectionsForStaff } from '@/db/queries/staff';
import { requireStaffPage } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export const metadata: Metadata = { title: 'Quản lý nội dung' };

export default async function StaffSectionsPage() {
  await requireStaffPage('editor');
  const items = await listSectionsForStaff({ reportSlug: DEFAULT_REPORT_SLUG });
  return (
    <>
      <h1>Nội dung báo cáo</h1>
      <div className="table-wrap">
        <table>
          <caption>{items.length} mục, theo thứ tự của văn bản</caption>
          <thead>
            <tr>
              <th scope="col">Mục</th>
              <th scope="col" className="num">Phiên bản</th>
              <th scope="col">Sửa lần cuối</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <th scope="row" style={{ paddingLeft: `${0.6 + s.depth * 1.25}rem` }}>
                  {s.label}
                </th>
                <td className="num">{s.version}</td>
                <td>{formatDateTime(s.updatedAt)}</td>
                <td>
                  <Link href={`/quan-tri/muc/${s.key}`} aria-label={`Sửa: ${s.label}`}>Sửa</Link> ·{' '}
                  <Link href={`/quan-tri/lich-su/muc/${s.id}`} aria-label={`Lịch sử (${s.revisions} phiên bản): ${s.label}`}>
                    Lịch sử ({s.revisions})
                  </Link>{' '}
                  · <Link href={`/muc/${s.key}`} aria-label={`Trang công khai: ${s.label}`}>Xem</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
