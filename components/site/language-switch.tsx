'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { addressOf, localizedPath, type Locale } from '@/lib/i18n/config';

type Props = { to: Locale; label: string; title: string; fallbackHref: string };

/**
 * The same page in the other language, keeping the query (`?asOf=`, …). A client leaf only because
 * the header (in the layout) is not re-rendered on client navigation: the address is read here.
 * A plain <a>, not next/link: the other language needs a full page load, since the root layout
 * (`<html lang>`) and the header are rendered per language. Its text comes from the server.
 */
export function LanguageSwitch({ to, label, title, fallbackHref }: Props) {
  const pathname = usePathname();
  const query = useSearchParams()?.toString();
  const href = pathname ? `${localizedPath(to, addressOf(pathname).path)}${query ? `?${query}` : ''}` : fallbackHref;
  return (
    <a className="language-switch" href={href} lang={to} hrefLang={to} title={title}>
      {label}
    </a>
  );
}
