/**
 * next-intl's request configuration (see next.config.ts). The language is the public route's
 * `[locale]` segment, read through `next/root-params` (so public pages stay cacheable); the
 * staff area and sign-in, which have no such segment, are Vietnamese.
 */
import { locale as localeParam } from 'next/root-params';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, type Locale } from './config';
import { messages } from './messages';

async function routeLocale(): Promise<Locale | undefined> {
  try {
    const value = await localeParam();
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined; // a route handler or server action: root params are not available there
  }
}

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (`getTranslations({ locale })`) wins; otherwise the route's.
  const locale = isLocale(requested) ? requested : ((await routeLocale()) ?? defaultLocale);
  return { locale, messages: messages[locale], timeZone: 'Asia/Ho_Chi_Minh' };
});
