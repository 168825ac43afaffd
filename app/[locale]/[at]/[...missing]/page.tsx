import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MissingPage } from '@/components/site/not-found-message';

/**
 * Rendered like every other public page (on first request, then cached), because only that way
 * does a notFound() under Suspense turn the answer into a 404 (<MissingPage />); rendered per
 * request, the page would answer 200. Each unknown address is then one cache entry, as an unknown
 * indicator code already is.
 */
export async function generateStaticParams(): Promise<never[]> {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  // No `robots` here: Next adds noindex to every 404 answer itself.
  return { title: t('title'), description: t('metaDescription') };
}

/** Any other public address: the 404 page, inside the site's layout. */
export default function Missing() {
  return <MissingPage />;
}
