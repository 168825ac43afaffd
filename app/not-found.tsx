import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="noi-dung" className="wrap">
      <h1>Không tìm thấy trang</h1>
      <p>Đường dẫn này không có trên cổng thông tin.</p>
      <p>
        <Link href="/">Về trang tổng quan</Link>
      </p>
    </main>
  );
}
