'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type StaffNavItem = { href: string; label: string; exact?: boolean };

/** The staff menu; marks the area the current page belongs to. */
export function StaffNav({ items }: { items: StaffNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="site-nav staff-nav" aria-label="Điều hướng khu vực biên tập">
      <ul>
        {items.map((item) => {
          const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
