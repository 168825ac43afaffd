import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';

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
