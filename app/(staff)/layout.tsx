import type { Metadata, Viewport } from 'next';
import '../globals.css';
import { siteMetadata } from '@/lib/i18n/metadata';

export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata('vi');
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9b1c1c' };

/** The staff area's root layout: Vietnamese only, rendered per request (quan-tri/layout.tsx). */
export default function StaffRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
