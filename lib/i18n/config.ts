/**
 * The interface languages and how they appear in addresses. Client-safe (no server imports):
 * proxy.ts, lib/reading.ts and the header's client links all use it.
 *
 * Vietnamese is the default and keeps unprefixed addresses; English lives under `/en/…`. The
 * proxy maps both onto the public routes `app/[locale]/[at]/…` (`/chi-tieu` → `/vi/hien-hanh/chi-tieu`).
 */
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';

/** BCP 47 tags for Intl formatting of dates (numbers stay Vietnamese-formatted: they are the report's figures). */
export const intlLocales: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export const EN_PREFIX = '/en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** `/en/chi-tieu` → { locale: 'en', path: '/chi-tieu' }; `/chi-tieu` → { locale: 'vi', path: '/chi-tieu' }. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  if (pathname === EN_PREFIX || pathname === `${EN_PREFIX}/`) return { locale: 'en', path: '/' };
  if (pathname.startsWith(`${EN_PREFIX}/`)) return { locale: 'en', path: pathname.slice(EN_PREFIX.length) };
  return { locale: 'vi', path: pathname };
}

/**
 * The reader's address from a pathname as a client component sees it: the browser's (`/en/muc`)
 * or, while a cached page is rendered, the route it was rendered at (`/en/hien-hanh/muc`,
 * app/[locale]/[at]). Both give { locale: 'en', path: '/muc' }, so server and browser agree.
 */
export function addressOf(pathname: string): { locale: Locale; path: string } {
  const route = /^\/(vi|en)\/(hien-hanh|khong-hop-le|r\d+)(\/.*)?$/.exec(pathname);
  if (route) return { locale: route[1] as Locale, path: route[3] || '/' };
  return splitLocale(pathname);
}

/** An unprefixed path as it is addressed in `locale`: `/chi-tieu` → `/en/chi-tieu`, `/` → `/en`. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === 'vi') return path;
  return path === '/' ? EN_PREFIX : `${EN_PREFIX}${path}`;
}

export const otherLocale = (locale: Locale): Locale => (locale === 'vi' ? 'en' : 'vi');
