import { MAX_QUERY_LENGTH, SEARCH_PATH } from '@/lib/search-query';

type Props = {
  /** `header`: the compact box in the site header; `page`: the form on /tim-kiem. */
  variant: 'header' | 'page';
  defaultValue?: string;
};

/**
 * A plain GET form: it works without JavaScript, and the results page is an ordinary address
 * that can be bookmarked and shared. Two can be on one page, so each has its own name and ids.
 */
export function SearchForm({ variant, defaultValue = '' }: Props) {
  const id = variant === 'header' ? 'tim-kiem-dau-trang' : 'tim-kiem-trang';
  return (
    <form
      role="search"
      action={SEARCH_PATH}
      method="get"
      className={`search-form search-form--${variant}`}
      aria-label={variant === 'header' ? 'Tìm kiếm trong báo cáo' : 'Tìm kiếm'}
    >
      <label htmlFor={id} className={variant === 'header' ? 'search-label-hidden' : 'search-label'}>
        {variant === 'header' ? 'Tìm kiếm' : 'Từ cần tìm'}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={variant === 'header' ? 'Tìm chỉ tiêu, nội dung…' : 'Ví dụ: sản lượng thuỷ sản, Đảng bộ, 06-NQ/TU'}
        enterKeyHint="search"
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className={variant === 'header' ? 'button-on-brand' : undefined}>
        Tìm
      </button>
    </form>
  );
}
