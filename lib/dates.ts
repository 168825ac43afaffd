import { intlLocales, type Locale } from './i18n/config';

/**
 * "2021-07-11" → "11/7/2021", the way Vietnamese documents write dates; in English
 * "11 July 2021" (en-GB: day before month, as in the source, with the month spelt out).
 */
export function formatIssuedOn(isoDate: string, locale: Locale = 'vi'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO date: ${isoDate}`);
  const [, y, m, d] = match;
  if (locale === 'vi') return `${Number(d)}/${Number(m)}/${y}`;
  return issuedOnFormat.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

const issuedOnFormat = new Intl.DateTimeFormat(intlLocales.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const dateTime: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat(intlLocales.vi, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }),
  en: new Intl.DateTimeFormat(intlLocales.en, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }),
};

/** A timestamp as readers of `locale` write it, in Vietnam's time zone ("Vietnam time" is said by the caller if needed). */
export function formatDateTime(iso: string | Date, locale: Locale = 'vi'): string {
  return dateTime[locale].format(typeof iso === 'string' ? new Date(iso) : iso);
}
