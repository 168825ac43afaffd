import type { Metadata, Viewport } from 'next';
import './globals.css';
import { SITE_NAME } from '@/lib/site';

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: 'Cổng công bố kết quả nhiệm kỳ của Đảng bộ các tỉnh: chỉ tiêu, số liệu và nội dung báo cáo, trích đúng văn bản gốc.',
  applicationName: SITE_NAME,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9b1c1c' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
