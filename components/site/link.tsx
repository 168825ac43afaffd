import type { ComponentProps } from 'react';
import { getReading, readingHref } from '@/lib/reading';

/**
 * A link between public pages: keeps the reader's language and `?asOf=` moment. A plain <a>, not
 * next/link: public pages are cached whole, so following a link is one small cached document, and
 * a page full of next/link components costs the browser a hydrated component per link and an RSC
 * prefetch per link in view (Lighthouse's Total Blocking Time on a phone).
 */
export async function Link({ href, ...rest }: Omit<ComponentProps<'a'>, 'href'> & { href: string }) {
  const reading = await getReading();
  return <a href={readingHref(reading, href)} {...rest} />;
}
