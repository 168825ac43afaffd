import { Link } from '@/components/site/link';

export default function NotFound() {
  return (
    <>
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không có trong báo cáo. Có thể đường dẫn đã sai hoặc mục này không tồn tại.</p>
      <p>
        <Link href="/">Về trang tổng quan</Link> · <Link href="/chi-tieu">Bảng chỉ tiêu</Link> ·{' '}
        <Link href="/muc">Nội dung báo cáo</Link>
      </p>
    </>
  );
}
