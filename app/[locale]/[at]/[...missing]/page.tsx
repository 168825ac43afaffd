import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MissingPage } from '@/components/site/not-found-message';

/**
 * Rendered like every other public page (as a cacheable render), because only that way does a
 * notFound() under Suspense turn the answer into a 404 (<MissingPage />); rendered per request,
 * the page would answer 200. The cache handler (deploy/bounded-cache.mjs) never stores a 404
 * page, so an unknown address leaves no cache entry behind: it is rendered again each time, from
 * the reads it shares with every page.
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
