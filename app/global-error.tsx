'use client';
import './globals.css';
import { usePathname } from 'next/navigation';
import { ErrorNotice } from '@/components/site/error-notice';
import { SITE_NAME } from '@/lib/site';

/** The public layout itself failed (its report read, while the database is down and nothing is cached yet): a whole document. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  const pathname = usePathname() ?? '/';
  const locale = pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'vi';
  return (
    <html lang={locale}>
      <body>
        <header className="site-header">
          <div className="wrap">
            <a href={locale === 'en' ? '/en' : '/'} className="brand">
              {SITE_NAME}
            </a>
          </div>
        </header>
        <main id="noi-dung" className="wrap" tabIndex={-1}>
          <ErrorNotice locale={locale} area={pathname.startsWith('/quan-tri') ? 'staff' : 'public'} retry={retry} />
        </main>
      </body>
    </html>
  );
}
