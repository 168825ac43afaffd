import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getReport } from '@/db/queries/reports';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

// Pages render per request from cached reads (tagged, invalidated on edit);
// nothing is prerendered, so `next build` needs no database.
export const dynamic = 'force-dynamic';

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const report = await getReport({ slug: DEFAULT_REPORT_SLUG });
  return (
    <>
      <SiteHeader />
      <main id="noi-dung" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter report={report} />
    </>
  );
}
