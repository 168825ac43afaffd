import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale, localizedPath } from '@/lib/i18n/config';
import { MAX_QUERY_LENGTH, SEARCH_PATH } from '@/lib/search-query';

type Props = {
  /** `header`: the compact box in the site header; `page`: the form on /tim-kiem. */
  variant: 'header' | 'page';
  defaultValue?: string;
};

/**
 * A plain GET form: it works without JavaScript, and the results page is an ordinary address
 * that can be bookmarked and shared. Two can be on one page, so each has its own name and ids.
 * The action is the results page in the reader's language, so an English search stays in English.
 */
export async function SearchForm({ variant, defaultValue = '' }: Props) {
  const [t, current] = await Promise.all([getTranslations('search'), getLocale()]);
  const locale = isLocale(current) ? current : 'vi';
  const id = variant === 'header' ? 'tim-kiem-dau-trang' : 'tim-kiem-trang';
  const header = variant === 'header';
  return (
    <form
      role="search"
      action={localizedPath(locale, SEARCH_PATH)}
      method="get"
      className={`search-form search-form--${variant}`}
      aria-label={header ? t('headerLabel') : t('pageLabel')}
    >
      <label htmlFor={id} className={header ? 'search-label-hidden' : 'search-label'}>
        {header ? t('headerField') : t('pageField')}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={header ? t('headerPlaceholder') : t('pagePlaceholder')}
        enterKeyHint="search"
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className={header ? 'button-on-brand' : undefined}>
        {t('submit')}
      </button>
    </form>
  );
}
