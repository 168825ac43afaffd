import type { Metadata } from 'next';
import { NewUserForm } from '@/components/staff/new-user-form';
import { UserRowActions } from '@/components/staff/user-row-actions';
import { listUsers } from '@/db/queries/accounts';
import { requireStaffPage } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { USER_ROLE_LABELS } from '@/lib/vocabulary';
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from './actions';

export const metadata: Metadata = { title: 'Người dùng' };

export default async function UsersPage() {
  const actor = await requireStaffPage('admin');
  const users = await listUsers();
  return (
    <>
      <h1>Người dùng</h1>
      <p className="lede">
        Quản trị viên quản lý tài khoản và mọi nội dung; biên tập viên sửa chỉ tiêu và nội dung báo cáo. Đổi vai trò, khoá tài
        khoản hay đặt lại mật khẩu sẽ đăng xuất tài khoản đó ngay.
      </p>

      <section aria-labelledby="danh-sach-tai-khoan">
        <h2 id="danh-sach-tai-khoan">Danh sách tài khoản ({users.length})</h2>
        <div className="table-wrap">
          <table className="users-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Tên hiển thị</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Ngày tạo</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'is-inactive'}>
                  <th scope="row">{u.email}</th>
                  <td>
                    {u.displayName}
                    {u.id === actor.userId ? <span className="note"> (bạn)</span> : null}
                  </td>
                  <td>{USER_ROLE_LABELS[u.role]}</td>
                  <td>
                    <span className={`badge ${u.active ? 'badge-dat' : 'badge-chua_xac_dinh'}`}>{u.active ? 'Đang hoạt động' : 'Đã khoá'}</span>
                  </td>
                  <td>{formatDateTime(u.createdAt)}</td>
                  <td>
                    <UserRowActions
                      user={{ id: u.id, email: u.email, role: u.role, active: u.active }}
                      isSelf={u.id === actor.userId}
                      changeRole={changeRoleAction}
                      setActive={setActiveAction}
                      resetPassword={resetPasswordAction}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="them-tai-khoan">
        <h2 id="them-tai-khoan">Thêm tài khoản</h2>
        <NewUserForm action={createUserAction} />
      </section>
    </>
  );
}
