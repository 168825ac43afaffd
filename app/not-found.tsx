import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getReport } from '@/db/queries/cached-reads';
import type { ReportView } from '@/db/views';
import { localizedPath } from '@/lib/i18n/config';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  return { title: t('title'), description: t('metaDescription') };
}

/** Unmatched addresses: the public site's header and footer around a short message. */
export default async function NotFound() {
  // Render per request, never at `next build`: the footer reads the report from the database.
  await connection();
  const [t, locale] = await Promise.all([getTranslations('notFound'), getLocale()]);
  let report: ReportView | null = null;
  try {
    report = await getReport({ slug: DEFAULT_REPORT_SLUG });
  } catch {
    // A 404 page must not fail because the database does: the footer then leaves out the source line.
  }
  const href = (path: string) => localizedPath(locale, path);
  return (
    <>
      <SiteHeader />
      <main id="noi-dung" className="wrap" tabIndex={-1}>
        <h1>{t('title')}</h1>
        <p>{t('siteText')}</p>
        <p>
          <Link href={href('/')}>{t('home')}</Link> · <Link href={href('/chi-tieu')}>{t('indicators')}</Link> ·{' '}
          <Link href={href('/muc')}>{t('sections')}</Link>
        </p>
      </main>
      <SiteFooter report={report} />
    </>
  );
}
