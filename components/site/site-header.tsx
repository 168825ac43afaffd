import Link from 'next/link';
import { SITE_NAME } from '@/lib/site';
import { NavLink } from './nav-link';

const nav = [
  { href: '/', label: 'Tổng quan' },
  { href: '/chi-tieu', label: 'Chỉ tiêu' },
  { href: '/muc', label: 'Nội dung báo cáo' },
  { href: '/du-an', label: 'Dự án' },
  { href: '/nghi-quyet', label: 'Nghị quyết' },
  { href: '/van-ban-goc', label: 'Văn bản gốc' },
];

export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <div className="wrap">
        <Link href="/" className="brand">
          {SITE_NAME}
          <small>Sóc Trăng · nhiệm kỳ 2020 - 2025</small>
        </Link>
        <nav className="site-nav" aria-label="Điều hướng chính">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
