import type { Metadata } from 'next';
import { NewUserForm } from '@/components/staff/new-user-form';
import { UserRowActions } from '@/components/staff/user-row-actions';
import { listUsers } from '@/db/queries/accounts';
import { requireStaffPage } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { env } from '@/lib/env';
import { secondFactorRequired } from '@/lib/second-factor';
import { USER_ROLE_LABELS } from '@/lib/vocabulary';
import {
  changeRoleAction,
  createUserAction,
  resetPasswordAction,
  resetSecondFactorAction,
  setActiveAction,
  setSecondFactorRequiredAction,
} from './actions';

export const metadata: Metadata = { title: 'Người dùng' };

export default async function UsersPage() {
  const actor = await requireStaffPage('admin');
  const users = await listUsers();
  const policy = env().SECOND_FACTOR_POLICY;
  return (
    <>
      <h1>Người dùng</h1>
      <p className="lede">
        Quản trị viên quản lý tài khoản và mọi nội dung; biên tập viên sửa chỉ tiêu và nội dung báo cáo. Đổi vai trò, khoá tài
        khoản, đặt lại mật khẩu hay đặt lại xác thực hai bước sẽ đăng xuất tài khoản đó ngay.
        {policy === 'admins' ? ' Mọi quản trị viên phải bật xác thực hai bước; với biên tập viên, bạn chọn bắt buộc cho từng tài khoản.' : null}
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
                <th scope="col">Xác thực hai bước</th>
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
                  <td>
                    {u.secondFactorSince ? 'Đang bật' : 'Chưa bật'}
                    {secondFactorRequired(u, policy) ? <span className="note"> (bắt buộc)</span> : null}
                  </td>
                  <td>{formatDateTime(u.createdAt)}</td>
                  <td>
                    <UserRowActions
                      user={{
                        id: u.id,
                        email: u.email,
                        role: u.role,
                        active: u.active,
                        secondFactorOn: u.secondFactorSince !== null,
                        secondFactorMarked: u.secondFactorRequired,
                        secondFactorByRole: policy === 'admins' && u.role === 'admin',
                      }}
                      isSelf={u.id === actor.userId}
                      changeRole={changeRoleAction}
                      setActive={setActiveAction}
                      resetPassword={resetPasswordAction}
                      setSecondFactorRequired={setSecondFactorRequiredAction}
                      resetSecondFactor={resetSecondFactorAction}
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
