import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { Link } from '@/components/site/link';

/** The 404 message inside the site's layout: a heading, what happened, and where to go instead. */
export async function NotFoundMessage() {
  const t = await getTranslations('notFound');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('pageText')}</p>
      <p>
        <Link href="/">{t('home')}</Link> · <Link href="/chi-tieu">{t('indicators')}</Link> · <Link href="/muc">{t('sections')}</Link>
      </p>
    </>
  );
}

/**
 * What a public page returns when the thing asked for does not exist (`return <MissingPage />`
 * instead of calling notFound() itself). Next answers a notFound() thrown in the page's shell
 * with an empty error document that only scripts fill in (vercel/next.js#62228): readers
 * without JavaScript and crawlers got a blank 404. Here the message is ordinary server HTML,
 * and notFound() is thrown inside a Suspense boundary of its own, which still makes the
 * response a 404 (Next sets the status from an error caught there) and, once scripts run,
 * lets the segment's not-found.tsx take over with the same message.
 */
export function MissingPage() {
  return (
    <>
      <NotFoundMessage />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  );
}

function NotFoundStatus(): never {
  notFound();
}
