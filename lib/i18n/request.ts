/**
 * next-intl's request configuration (see next.config.ts). The language comes from the header
 * proxy.ts sets on every request (`/en/…` → 'en', everything else 'vi'); it is never taken
 * from the client, because the proxy overwrites that header.
 */
import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale } from './config';
import { messages } from './messages';
import { LOCALE_HEADER } from '@/lib/headers';

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (`getTranslations({ locale })`) wins; otherwise the proxy's header.
  const fromHeader = (await headers()).get(LOCALE_HEADER);
  const locale = isLocale(requested) ? requested : isLocale(fromHeader) ? fromHeader : defaultLocale;
  return { locale, messages: messages[locale], timeZone: 'Asia/Ho_Chi_Minh' };
});
