import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import '../../globals.css';
import { AsOfBanner } from '@/components/report/as-of-banner';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getReport } from '@/db/queries/cached-reads';
import { parseAsOfSegment } from '@/lib/as-of-segment';
import { isLocale } from '@/lib/i18n/config';
import { feedAlternates, siteMetadata, siteViewport } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

/**
 * The public site's root layout. Its two segments are the reader's language and moment
 * (lib/reading.ts); proxy.ts maps the addresses readers use onto them. Nothing here or below
 * reads the request, so each page is rendered on its first request, kept in Next's cache, and
 * rendered again only when an edit clears one of the tags its reads carry (db/cache-tags.ts).
 * `next build` renders none of them, so it needs no database.
 */
export async function generateStaticParams(): Promise<Array<{ locale: string; at: string }>> {
  return [];
}

type Props = { children: React.ReactNode; params: Promise<{ locale: string; at: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { ...(await siteMetadata(locale)), alternates: { types: await feedAlternates() } };
}

export const viewport = siteViewport;

export default async function PublicLayout({ children, params }: Props) {
  const { locale, at } = await params;
  if (!isLocale(locale) || !parseAsOfSegment(at)) notFound();
  const reading = await getReading();
  // The footer cites the source document as it is written (Vietnamese), so the report is read untranslated.
  const report = await getReport({ slug: DEFAULT_REPORT_SLUG, revisionId: reading.moment?.revisionId });
  return (
    <html lang={locale}>
      <body>
        <SiteHeader />
        <main id="noi-dung" className="wrap" tabIndex={-1}>
          <AsOfBanner reading={reading} />
          {children}
        </main>
        <SiteFooter report={report} />
      </body>
    </html>
  );
}
