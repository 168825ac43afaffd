'use client';
import { usePathname } from 'next/navigation';
import { addressOf, splitLocale } from '@/lib/i18n/config';

/**
 * A header link that marks itself as the current page (or the current part of the site).
 * `href` is already in the reader's language (`/en/…`); both sides are compared without the prefix.
 * A plain <a>, like every public link (components/site/link.tsx).
 */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const here = addressOf(usePathname() ?? '/').path;
  const target = splitLocale(href).path;
  const current = target === '/' ? here === '/' : here === target || here.startsWith(`${target}/`);
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
