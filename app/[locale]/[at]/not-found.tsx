import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  return { title: t('title'), description: t('metaDescription'), robots: { index: false } };
}

/** A public address with nothing behind it (an unknown page, indicator, section or entity), inside the site's layout. */
export default async function NotFound() {
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
