import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { getReading, readingHref } from '@/lib/reading';

/** next/link for public pages: keeps the reader's language and `?asOf=` moment on every internal link. */
export async function Link({ href, ...rest }: Omit<ComponentProps<typeof NextLink>, 'href'> & { href: string }) {
  const reading = await getReading();
  return <NextLink href={readingHref(reading, href)} {...rest} />;
}
