import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/auth';
import { USER_ROLE_LABELS } from '@/lib/vocabulary';

export const metadata: Metadata = { title: 'Bảng điều khiển' };

const areas = [
  { href: '/quan-tri/chi-tieu', title: 'Chỉ tiêu', text: 'Sửa số liệu, trạng thái và ghi chú của các chỉ tiêu; thêm chỉ tiêu mới.' },
  { href: '/quan-tri/muc', title: 'Nội dung', text: 'Biên tập các mục nội dung của báo cáo.' },
  { href: '/quan-tri/thay-doi', title: 'Thay đổi gần đây', text: 'Ai đã sửa gì, khi nào và vì sao; xem lại và khôi phục phiên bản cũ.' },
];
const adminAreas = [
  { href: '/quan-tri/nguoi-dung', title: 'Người dùng', text: 'Thêm tài khoản, đổi vai trò, khoá tài khoản, đặt lại mật khẩu.' },
  { href: '/quan-tri/kiem-tra-lich-su', title: 'Kiểm tra lịch sử', text: 'Kiểm tra chuỗi lịch sử thay đổi có bị sửa ngoài ứng dụng không.' },
];

export default async function StaffHomePage() {
  const user = await requireStaffPage('editor');
  const list = user.role === 'admin' ? [...areas, ...adminAreas] : areas;
  return (
    <>
      <h1>Bảng điều khiển</h1>
      <p className="lede">
        Xin chào, {user.displayName} ({USER_ROLE_LABELS[user.role].toLowerCase()}).
      </p>
      <ul className="cards">
        {list.map((a) => (
          <li key={a.href} className="card">
            <h2 className="card-title">
              <Link href={a.href}>{a.title}</Link>
            </h2>
            <p>{a.text}</p>
          </li>
        ))}
      </ul>
      <p className="note">
        Phiên đăng nhập tự kết thúc sau 30 phút không thao tác, và sau 8 giờ kể từ khi đăng nhập.
      </p>
    </>
  );
}
