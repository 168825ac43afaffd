'use client';
import { useEffect, useState } from 'react';

/**
 * What a page that failed to render says, public or staff. Server errors reach the browser
 * without their message (production), so the notice asks /api/health whether the database is
 * down, and only then says so; otherwise it says something went wrong. The texts are here,
 * not in messages/*.json, so that an error boundary does not ship the whole dictionary.
 */
const texts = {
  vi: {
    downTitle: 'Cơ sở dữ liệu tạm thời không truy cập được',
    downPublic:
      'Trang này chưa có sẵn trong bộ nhớ đệm nên chưa hiển thị được. Các trang đã được xem gần đây vẫn đọc được bình thường. Vui lòng thử lại sau ít phút.',
    downStaff:
      'Khu vực biên tập cần cơ sở dữ liệu để mở trang này; chưa có gì được lưu hay thay đổi. Vui lòng thử lại sau ít phút.',
    errorTitle: 'Đã có lỗi khi hiển thị trang này',
    errorText: 'Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên.',
    retry: 'Thử lại',
    home: 'Trang chủ',
  },
  en: {
    downTitle: 'The database is temporarily unavailable',
    downPublic:
      'This page is not in the cache yet, so it cannot be shown right now. Pages read recently are still available. Please try again in a few minutes.',
    downStaff: 'The editing area needs the database to open this page; nothing was saved or changed. Please try again in a few minutes.',
    errorTitle: 'Something went wrong showing this page',
    errorText: 'Please try again; if it keeps failing, tell the site administrator.',
    retry: 'Try again',
    home: 'Home',
  },
} as const;

export type ErrorNoticeProps = {
  locale: 'vi' | 'en';
  area: 'public' | 'staff';
  retry: () => void;
};

/** undefined while asking, then whether /api/health answered 503. */
function useDatabaseDown(): boolean | undefined {
  const [down, setDown] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch('/api/health', { cache: 'no-store' })
      .then((res) => live && setDown(res.status === 503))
      .catch(() => live && setDown(false));
    return () => {
      live = false;
    };
  }, []);
  return down;
}

export function ErrorNotice({ locale, area, retry }: ErrorNoticeProps) {
  const t = texts[locale];
  const down = useDatabaseDown();
  return (
    <section aria-labelledby="loi-trang" aria-live="polite">
      <h1 id="loi-trang">{down ? t.downTitle : t.errorTitle}</h1>
      <p>{down ? (area === 'public' ? t.downPublic : t.downStaff) : t.errorText}</p>
      <p>
        <button type="button" onClick={retry}>
          {t.retry}
        </button>{' '}
        · <a href={area === 'public' ? (locale === 'en' ? '/en' : '/') : '/quan-tri'}>{area === 'public' ? t.home : 'Trang đầu khu vực biên tập'}</a>
      </p>
    </section>
  );
}
