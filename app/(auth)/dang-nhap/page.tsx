import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentUser } from '@/lib/auth';
import { safeNextPath } from '@/lib/auth/next-path';

export const metadata: Metadata = { title: 'Đăng nhập', robots: { index: false, follow: false } };

// Reads the session cookie; never prerendered.
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(Array.isArray(next) ? next[0] : next);
  if (await getCurrentUser()) redirect(target);
  return (
    <div className="auth-card">
      <h1>Đăng nhập</h1>
      <p className="lede">Khu vực dành cho cán bộ biên tập và quản trị của cổng thông tin.</p>
      <SignInForm next={target} />
    </div>
  );
}
