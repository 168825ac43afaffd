import 'server-only';
/**
 * What the reader asked to read: which moment of the report (`?asOf=`) and in
 * which interface language. proxy.ts passes both on as request headers, so
 * layouts and components can read them as well as pages.
 */
import { headers } from 'next/headers';
import { cache } from 'react';
import { resolveMoment } from '@/db/queries/reports';
import { parseAsOf } from '@/lib/as-of';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { localizedPath, type Locale } from '@/lib/i18n/config';
import { ASOF_HEADER, LOCALE_HEADER, PATHNAME_HEADER } from '@/lib/headers';

export type { Locale };

export type Reading = {
  locale: Locale;
  /** The path asked for, without the locale prefix and without the query. */
  path: string;
  /** The report as it stood right after this revision; null: as it is now. */
  moment: { requested: string; revisionId: number; createdAt: string } | null;
  /** `?asOf=` was given but could not be read. */
  asOfError: string | null;
  /** `?asOf=` names a moment before the report was published here. */
  beforeFirstRevision: boolean;
};

export const getReading = cache(async (): Promise<Reading> => {
  const h = await headers();
  const locale: Locale = h.get(LOCALE_HEADER) === 'en' ? 'en' : 'vi';
  const path = (h.get(PATHNAME_HEADER) ?? '/').split('?')[0] || '/';
  const raw = h.get(ASOF_HEADER);
  const parsed = parseAsOf(raw);
  if (!parsed.ok) return { locale, path, moment: null, asOfError: parsed.message, beforeFirstRevision: false };
  if (!parsed.asOf) return { locale, path, moment: null, asOfError: null, beforeFirstRevision: false };
  const resolved = await resolveMoment({ slug: DEFAULT_REPORT_SLUG, asOf: parsed.asOf });
  if (!resolved) return { locale, path, moment: null, asOfError: null, beforeFirstRevision: true };
  return { locale, path, moment: { requested: raw ?? '', ...resolved }, asOfError: null, beforeFirstRevision: false };
});

/** The revision to read public data at (undefined: now). */
export async function readingRevision(): Promise<number | undefined> {
  return (await getReading()).moment?.revisionId;
}

/** An internal link that keeps the reader's language and moment. */
export function readingHref(reading: Pick<Reading, 'locale' | 'moment'>, href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const [beforeHash, hash] = href.split('#', 2) as [string, string | undefined];
  const [pathname, query] = beforeHash.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  if (reading.moment && !pathname.startsWith('/api/') && !params.has('asOf')) params.set('asOf', `r${reading.moment.revisionId}`);
  const localized = pathname.startsWith('/api/') ? pathname : localizedPath(reading.locale, pathname);
  const search = params.toString();
  return `${localized}${search ? `?${search}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
}
