import Link from 'next/link';
import { SITE_NAME } from '@/lib/site';

/** Sign-in pages: the site's name (back to the public portal) and the form, nothing else. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
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
    </>
  );
}
