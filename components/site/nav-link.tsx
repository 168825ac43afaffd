'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { addressOf, splitLocale } from '@/lib/i18n/config';

/**
 * A header link that marks itself as the current page (or the current part of the site).
 * `href` is already in the reader's language (`/en/…`); both sides are compared without the prefix.
 */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const here = addressOf(usePathname() ?? '/').path;
  const target = splitLocale(href).path;
  const current = target === '/' ? here === '/' : here === target || here.startsWith(`${target}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
