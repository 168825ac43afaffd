import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import { TranslationNotice } from '@/components/site/translation-notice';
import type { SearchResults as Results } from '@/db/queries/search';
import { quotedLang } from '@/lib/i18n/content';
import { getReading, readingHref } from '@/lib/reading';
import { SEARCH_PATH } from '@/lib/search-query';
import { HighlightedText } from './highlighted-text';

const count = (n: number) => n.toLocaleString('vi-VN');

// Example queries are Vietnamese words of the report, in every language.
const EXAMPLES = ['sản lượng thuỷ sản', 'Đảng bộ', 'cải cách hành chính', '06-NQ/TU'];

/** Ways to go on when a search finds nothing, or before anything is searched. */
async function Suggestions({ empty }: { empty: boolean }) {
  const [t, { locale }] = await Promise.all([getTranslations('searchPage'), getReading()]);
  const quoted = quotedLang(locale);
  return (
    <>
      {empty ? (
        <>
          <h2 id="goi-y">{t('suggestions')}</h2>
          <ul aria-labelledby="goi-y">
            <li>
              {t.rich('tipDiacritics', {
                example: () => (
                  <Link href={`${SEARCH_PATH}?q=${encodeURIComponent('dang bo')}`} lang={quoted}>
                    dang bo
                  </Link>
                ),
                word: () => <span lang={quoted}>“Đảng bộ”</span>,
              })}
            </li>
            <li>{t('tipFewerWords')}</li>
            <li>
              {t.rich('tipBrowse', {
                indicators: (chunks) => <Link href="/chi-tieu">{chunks}</Link>,
                sections: (chunks) => <Link href="/muc">{chunks}</Link>,
              })}
            </li>
          </ul>
        </>
      ) : null}
      <p>
        {t('tryLabel')}{' '}
        {EXAMPLES.map((q, i) => (
          <span key={q}>
            {i > 0 ? ' · ' : null}
            <Link href={`${SEARCH_PATH}?q=${encodeURIComponent(q)}`} lang={quoted}>
              {q}
            </Link>
          </span>
        ))}
      </p>
    </>
  );
}

export async function SearchResults({ results }: { results: Results | null }) {
  const [t, reading] = await Promise.all([getTranslations('searchPage'), getReading()]);
  const quoted = quotedLang(reading.locale);
  if (!results) {
    return (
      <>
        <p>{t('intro')}</p>
        <Suggestions empty={false} />
      </>
    );
  }
  const { query, total, hits } = results;
  if (total === 0) {
    return (
      <>
        <p className="search-count" id="so-ket-qua">
          {t('none', { query })}
        </p>
        <Suggestions empty />
      </>
    );
  }
  return (
    <>
      <p className="search-count" id="so-ket-qua">
        {hits.length < total
          ? t('countShown', { count: count(total), shown: count(hits.length), query })
          : t('count', { count: count(total), query })}
      </p>
      {/* Titles and snippets are the report's (Vietnamese) text. */}
      <TranslationNotice show />
      <ol className="search-results" aria-labelledby="so-ket-qua">
        {hits.map((hit) => (
          <li key={hit.href} className="search-hit">
            <p className="search-hit-type">{t(`types.${hit.type}`)}</p>
            <h2 className="search-hit-title" lang={quoted}>
              {/* Search reads the report as it is now, so hits link to the current pages, in the reader's language. */}
              <a href={readingHref({ locale: reading.locale, moment: null }, hit.href)}>
                <HighlightedText segments={hit.titleSegments} />
              </a>
            </h2>
            {hit.snippet.length > 0 ? (
              <p className="search-snippet" lang={quoted}>
                <HighlightedText segments={hit.snippet} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
