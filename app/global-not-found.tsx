import type { Metadata } from 'next';
import './globals.css';
import { messages } from '@/lib/i18n/messages';
import { SITE_NAME } from '@/lib/site';

/**
 * Addresses no route matches at all (public addresses always match: proxy.ts maps them into
 * app/[locale]/[at], whose catch-all answers their 404 inside the site's layout). A whole
 * document, rendered without the database.
 */
const t = messages.vi.notFound;

export const metadata: Metadata = { title: `${t.title} · ${SITE_NAME}`, description: t.metaDescription };

export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body>
        <header className="site-header">
          <div className="wrap">
            <a href="/" className="brand">
              {SITE_NAME}
            </a>
          </div>
        </header>
        <main id="noi-dung" className="wrap" tabIndex={-1}>
          <h1>{t.title}</h1>
          <p>{t.siteText}</p>
          <p>
            <a href="/">{t.home}</a> · <a href="/chi-tieu">{t.indicators}</a> · <a href="/muc">{t.sections}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
