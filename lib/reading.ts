import 'server-only';
/**
 * What the reader asked to read: which moment of the report and in which interface language.
 * Both are route segments, `app/[locale]/[at]/…`, read anywhere in the public tree through
 * `next/root-params`: no request header, cookie or query is read, so every public page can be
 * cached whole. proxy.ts maps the addresses readers use onto them: `/chi-tieu` →
 * `/vi/hien-hanh/chi-tieu`, `/en/chi-tieu?asOf=r12` → `/en/r12/chi-tieu`; a date or instant is
 * first resolved to its revision (app/api/as-of) and redirected to its `?asOf=r<id>` address.
 */
import { at as atParam, locale as localeParam } from 'next/root-params';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getMoment } from '@/db/queries/cached-reads';
import { asOfSegment, parseAsOfSegment } from '@/lib/as-of-segment';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import { isLocale, localizedPath, type Locale } from '@/lib/i18n/config';

export type { Locale };

export type Reading = {
  locale: Locale;
  /** The report as it stood right after this revision; null: as it is now. */
  moment: { requested: string; revisionId: number; createdAt: string } | null;
  /** `?asOf=` was given but could not be read. */
  asOfError: string | null;
  /** `?asOf=` names a moment before the report was published here. */
  beforeFirstRevision: boolean;
};

export const getReading = cache(async (): Promise<Reading> => {
  const [rawLocale, rawAt] = await Promise.all([localeParam(), atParam()]);
  const locale: Locale = isLocale(rawLocale) ? rawLocale : 'vi';
  const at = parseAsOfSegment(rawAt);
  const none = { locale, moment: null, asOfError: null, beforeFirstRevision: false };
  if (!at || at.kind === 'live') return none; // an unknown segment: the layout answers 404
  if (at.kind === 'invalid') return { ...none, asOfError: INVALID_AS_OF };
  if (at.kind === 'before-first') return { ...none, beforeFirstRevision: true };
  const resolved = await getMoment({ slug: DEFAULT_REPORT_SLUG, revisionId: at.revisionId });
  if (!resolved) notFound(); // no such revision of this report (yet): not a moment before the first
  return { ...none, moment: { requested: asOfSegment(at), ...resolved } };
});

/** Shown for an `?asOf=` the proxy could not read (the same words as lib/as-of.ts, without echoing the input). */
export const INVALID_AS_OF =
  'asOf không hợp lệ. Dùng một ngày (2026-01-31), một thời điểm ISO 8601 có múi giờ (2026-01-31T08:00:00Z) hoặc một phiên bản (r123).';

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
