import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundMessage } from '@/components/site/not-found-message';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  // No `robots` here: Next adds noindex to every 404 answer itself (a second one after hydration otherwise).
  return { title: t('title'), description: t('metaDescription') };
}

/**
 * A public address with nothing behind it, inside the site's layout. Next draws this boundary in
 * the browser only; the server HTML of a 404 comes from <MissingPage /> (same message).
 */
export default function NotFound() {
  return <NotFoundMessage />;
}
