import 'server-only';
/** Metadata shared by the public pages: the site's address and the page's other-language version. */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { getReading } from '@/lib/reading';
import { getTranslations } from 'next-intl/server';
import { localizedPath } from './config';

/**
 * The site's origin, for absolute URLs in metadata (hreflang alternates): `SITE_URL` when set
 * (recommended behind a proxy), otherwise the address this request came to.
 */
export async function siteOrigin(): Promise<URL | null> {
  const configured = env().SITE_URL;
  if (configured) return new URL(configured);
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!host) return null;
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  try {
    return new URL(`${proto}://${host}`);
  } catch {
    return null;
  }
}

/** The changes feed, announced on every public page (`<link rel="alternate" type="application/atom+xml">`). */
export async function feedAlternates(): Promise<NonNullable<NonNullable<Metadata['alternates']>['types']>> {
  const t = await getTranslations('site');
  return { 'application/atom+xml': [{ url: '/thay-doi.atom', title: t('atomTitle') }] };
}

/**
 * `alternates` for the page being rendered: the same address in Vietnamese and in English, and the
 * changes feed (a page's `alternates` replaces the layout's, so the feed is repeated here).
 */
export async function languageAlternates(): Promise<NonNullable<Metadata['alternates']>> {
  const { path } = await getReading();
  return {
    languages: { vi: localizedPath('vi', path), en: localizedPath('en', path), 'x-default': localizedPath('vi', path) },
    types: await feedAlternates(),
  };
}
