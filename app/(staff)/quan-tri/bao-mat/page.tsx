import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { SecondFactorEnrolment } from '@/components/staff/second-factor-enrolment';
import { getUserById } from '@/db/queries/accounts';
import { beginEnrolment, countUnusedRecoveryCodes } from '@/db/queries/second-factor';
import { requireStaffPage } from '@/lib/auth';
import { secondFactorKey } from '@/lib/auth/secret';
import { formatDateTime } from '@/lib/dates';
import { groupKey, totpUri } from '@/lib/second-factor';
import { confirmSecondFactorAction } from './actions';

export const metadata: Metadata = { title: 'Bảo mật tài khoản' };

export default async function SecurityPage() {
  const actor = await requireStaffPage('editor', { allowSecondFactorDue: true });
  const user = await getUserById({ id: actor.userId });
  if (!user) return null; // the layout already sent a signed-out visitor away

  if (user.secondFactorSince) {
    const left = await countUnusedRecoveryCodes({ userId: user.id });
    return (
      <>
        <h1>Bảo mật tài khoản</h1>
        <section aria-labelledby="xac-thuc-hai-buoc">
          <h2 id="xac-thuc-hai-buoc">Xác thực hai bước</h2>
          <p>
            <span className="badge badge-dat">Đang bật</span> từ {formatDateTime(user.secondFactorSince)}. Mỗi lần đăng nhập, sau
            mật khẩu, hãy nhập mã 6 chữ số trong ứng dụng xác thực.
          </p>
          <p>Còn {left} mã khôi phục chưa dùng.</p>
          <p className="hint">
            Mất điện thoại hoặc hết mã khôi phục? Hãy nhờ quản trị viên đặt lại xác thực hai bước cho tài khoản của bạn, rồi bật lại ở
            trang này.
          </p>
        </section>
      </>
    );
  }

  // The pending secret: made on the first visit, the same one on a reload, never shown again once confirmed.
  const { secret, email } = await beginEnrolment({ by: actor, key: secondFactorKey() });
  const qrSvg = await QRCode.toString(totpUri(secret, email), { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 220 });

  return (
    <>
      <h1>Bảo mật tài khoản</h1>
      {actor.secondFactorDue ? (
        <p className="form-message form-message--info" role="note">
          Tài khoản của bạn phải bật xác thực hai bước trước khi làm việc khác trong khu vực biên tập.
        </p>
      ) : null}
      <section aria-labelledby="bat-xac-thuc-hai-buoc">
        <h2 id="bat-xac-thuc-hai-buoc">Bật xác thực hai bước</h2>
        <ol className="steps">
          <li>Cài một ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator, 2FAS…).</li>
          <li>Trong ứng dụng, chọn thêm tài khoản rồi quét mã QR dưới đây, hoặc nhập khoá thủ công.</li>
          <li>Nhập mã 6 chữ số ứng dụng hiện ra để xác nhận.</li>
        </ol>
        <figure className="qr-code">
          {/* SVG made on the server by `qrcode` from our own otpauth:// address: no user-supplied markup. */}
          <div role="img" aria-label="Mã QR để thêm tài khoản vào ứng dụng xác thực" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <figcaption>
            Khoá thủ công: <code id="khoa-thu-cong">{groupKey(secret)}</code>
            <br />
            <span className="hint">Loại: theo thời gian (TOTP), 6 chữ số, 30 giây.</span>
          </figcaption>
        </figure>
        <SecondFactorEnrolment action={confirmSecondFactorAction} />
      </section>
    </>
  );
}
