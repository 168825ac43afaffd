import 'server-only';
/** Metadata shared by the pages: the site's name and address, and a page's other-language version. */
import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import { siteUrl } from '@/lib/env';
import { localizedPath, type Locale } from './config';

/** The site's public address for absolute URLs: `SITE_URL` (lib/env.ts), never a request header. */
export function siteOrigin(): URL {
  return new URL(siteUrl());
}

/** The same for every page: phones get the device width, browsers the portal's colour. */
export const siteViewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9b1c1c' };

/** The root layouts of the staff area and sign-in: Vietnamese only. */
export const vietnameseMetadata = (): Promise<Metadata> => siteMetadata('vi');

/** Title template, description and address for every page of one language. */
export async function siteMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'site' });
  return {
    metadataBase: siteOrigin(),
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('description'),
    applicationName: t('name'),
  };
}

/** The changes feed, announced on every public page (`<link rel="alternate" type="application/atom+xml">`). */
export async function feedAlternates(): Promise<NonNullable<NonNullable<Metadata['alternates']>['types']>> {
  const t = await getTranslations('site');
  return { 'application/atom+xml': [{ url: '/thay-doi.atom', title: t('atomTitle') }] };
}

/**
 * `alternates` for the page at `path` (unprefixed, e.g. `/chi-tieu/abc`): the same address in
 * Vietnamese and in English, and the changes feed (a page's `alternates` replaces the layout's,
 * so the feed is repeated here).
 */
export async function languageAlternates(path: string): Promise<NonNullable<Metadata['alternates']>> {
  return {
    languages: { vi: localizedPath('vi', path), en: localizedPath('en', path), 'x-default': localizedPath('vi', path) },
    types: await feedAlternates(),
  };
}
