import Link from 'next/link';
import type { Actor } from '@/lib/auth';
import { SITE_NAME } from '@/lib/site';
import { USER_ROLE_LABELS } from '@/lib/vocabulary';
import { SignOutButton } from './sign-out-button';
import { StaffNav, type StaffNavItem } from './staff-nav';

const editorItems: StaffNavItem[] = [
  { href: '/quan-tri', label: 'Bảng điều khiển', exact: true },
  { href: '/quan-tri/chi-tieu', label: 'Chỉ tiêu' },
  { href: '/quan-tri/muc', label: 'Nội dung' },
  { href: '/quan-tri/thay-doi', label: 'Thay đổi gần đây' },
];
const adminItems: StaffNavItem[] = [
  { href: '/quan-tri/nguoi-dung', label: 'Người dùng' },
  { href: '/quan-tri/kiem-tra-lich-su', label: 'Kiểm tra lịch sử' },
];

/** The areas a role may open; the dashboard lists the same ones. */
export function staffNavItems(role: Actor['role']): StaffNavItem[] {
  return role === 'admin' ? [...editorItems, ...adminItems] : editorItems;
}

export function StaffHeader({ user }: { user: Actor }) {
  return (
    <header className="site-header staff-header">
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <div className="wrap">
        <Link href="/quan-tri" className="brand">
          {SITE_NAME}
          <small>Khu vực biên tập</small>
        </Link>
        <StaffNav items={staffNavItems(user.role)} />
        <div className="staff-user">
          <p>
            <span className="staff-user-name">{user.displayName}</span>{' '}
            <span className="staff-role">{USER_ROLE_LABELS[user.role]}</span>
          </p>
          <Link href="/quan-tri/bao-mat">Bảo mật tài khoản</Link>
          <Link href="/">Xem trang công khai</Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
