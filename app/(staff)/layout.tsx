import '../globals.css';

import { siteViewport, vietnameseMetadata } from '@/lib/i18n/metadata';

export const generateMetadata = vietnameseMetadata;
export const viewport = siteViewport;

/** The staff area's root layout: Vietnamese only, rendered per request (quan-tri/layout.tsx). */
export default function StaffRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
