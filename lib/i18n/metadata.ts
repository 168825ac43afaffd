import 'server-only';
/** Metadata shared by the public pages: the site's address and the page's other-language version. */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getReading } from '@/lib/reading';
import { localizedPath } from './config';

/**
 * The site's origin, for absolute URLs in metadata (hreflang alternates): `SITE_URL` when set
 * (recommended behind a proxy), otherwise the address this request came to.
 */
export async function siteOrigin(): Promise<URL | null> {
  const configured = process.env.SITE_URL?.trim();
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

/** `alternates.languages` for the page being rendered: the same address in Vietnamese and in English. */
export async function languageAlternates(): Promise<NonNullable<Metadata['alternates']>> {
  const { path } = await getReading();
  return { languages: { vi: localizedPath('vi', path), en: localizedPath('en', path), 'x-default': localizedPath('vi', path) } };
}
