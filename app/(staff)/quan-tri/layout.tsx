import type { Metadata } from 'next';
import { StaffHeader } from '@/components/staff/staff-header';
import { requireStaffLayout } from '@/lib/auth';

export const metadata: Metadata = {
  title: { default: 'Khu vực biên tập', template: '%s · Khu vực biên tập' },
  robots: { index: false, follow: false },
};

// Per-user, per-request: never prerendered, never cached.
export const dynamic = 'force-dynamic';

/**
 * Signed-out visitors go to sign-in and come back here afterwards. The layout is not
 * re-rendered on navigation between the pages below it, so each page checks again
 * (`requireStaffPage`), and each action checks in its wrapper and its data function. An account
 * that must enrol a second factor sees only the enrolment page until it has.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaffLayout();
  return (
    <>
      <StaffHeader user={user} />
      <main id="noi-dung" className="wrap staff-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
