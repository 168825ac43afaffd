import type { Metadata } from 'next';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getReport } from '@/db/queries/cached-reads';
import { AsOfBanner } from '@/components/report/as-of-banner';
import { feedAlternates } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

// Pages render per request from cached reads (tagged, invalidated on edit);
// nothing is prerendered, so `next build` needs no database.
export const dynamic = 'force-dynamic';

/** Every public page announces the changes feed; pages with their own `alternates` repeat it (languageAlternates). */
export async function generateMetadata(): Promise<Metadata> {
  return { alternates: { types: await feedAlternates() } };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const reading = await getReading();
  // The footer cites the source document as it is written (Vietnamese), so the report is read untranslated.
  const report = await getReport({ slug: DEFAULT_REPORT_SLUG, revisionId: reading.moment?.revisionId });
  return (
    <>
      <SiteHeader />
      <main id="noi-dung" className="wrap" tabIndex={-1}>
        <AsOfBanner reading={reading} />
        {children}
      </main>
      <SiteFooter report={report} />
    </>
  );
}
