import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/auth';
import { USER_ROLE_LABELS } from '@/lib/vocabulary';

export const metadata: Metadata = { title: 'Không đủ quyền' };

/** Where a signed-in editor lands when opening an admin-only page. */
export default async function ForbiddenPage() {
  const user = await requireStaffPage('editor');
  return (
    <>
      <h1>Không đủ quyền</h1>
      <p>
        Trang bạn vừa mở chỉ dành cho quản trị viên. Tài khoản của bạn có vai trò {USER_ROLE_LABELS[user.role].toLowerCase()}.
      </p>
      <p>
        Nếu bạn cần quyền này, hãy liên hệ quản trị viên. <Link href="/quan-tri">Về bảng điều khiển</Link>
      </p>
    </>
  );
}
