'use client';
import { ErrorNotice } from '@/components/site/error-notice';

/** A staff page (or the staff layout's session check) that failed, e.g. while the database is down. */
export default function StaffError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="noi-dung" className="wrap staff-main" tabIndex={-1}>
      <ErrorNotice locale="vi" area="staff" retry={retry} />
    </main>
  );
}
