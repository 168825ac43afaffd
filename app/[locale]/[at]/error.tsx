'use client';
import { useParams } from 'next/navigation';
import { ErrorNotice } from '@/components/site/error-notice';

/** A public page that could not be rendered (not yet cached while the database is down, or a bug), inside the site's layout. */
export default function PublicError({ retry }: { error: unknown; retry: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  return <ErrorNotice locale={locale === 'en' ? 'en' : 'vi'} area="public" retry={retry} />;
}
