import Link from 'next/link';
import '../globals.css';
import { siteViewport, vietnameseMetadata } from '@/lib/i18n/metadata';
import { SITE_NAME } from '@/lib/site';

export const generateMetadata = vietnameseMetadata;
export const viewport = siteViewport;

/** Sign-in pages (Vietnamese, their own root layout): the site's name (back to the public portal) and the form, nothing else. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>
      <header className="site-header">
        <a className="skip-link" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <div className="wrap">
          <Link href="/" className="brand">
            {SITE_NAME}
          </Link>
        </div>
      </header>
      <main id="noi-dung" className="wrap auth-main" tabIndex={-1}>
        {children}
      </main>
      </body>
    </html>
  );
}
