import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/dates';
import { localizedPath } from '@/lib/i18n/config';
import type { Reading } from '@/lib/reading';

/** Says which moment of the report is shown, with a citable permalink and the way back to now. */
export async function AsOfBanner({ reading }: { reading: Reading }) {
  const t = await getTranslations('asOf');
  const current = localizedPath(reading.locale, reading.path);
  if (reading.asOfError) {
    // The parser's own explanation (lib: parseAsOf) is Vietnamese.
    return (
      <div className="as-of-banner as-of-banner--error" role="alert">
        <p>
          <strong>{t('errorTitle')}</strong> <span lang={reading.locale === 'vi' ? undefined : 'vi'}>{reading.asOfError}</span>{' '}
          {t.rich('errorCurrent', { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </div>
    );
  }
  if (reading.beforeFirstRevision) {
    return (
      <div className="as-of-banner as-of-banner--error" role="alert">
        <p>
          {t('beforeFirst')} <NextLink href={current}>{t('seeCurrent')}</NextLink>.
        </p>
      </div>
    );
  }
  if (!reading.moment) return null;
  const { revisionId, requested, createdAt } = reading.moment;
  const permalink = `${current}?asOf=r${revisionId}`;
  return (
    <aside className="as-of-banner" aria-label={t('label')}>
      <p>
        {t.rich('viewing', {
          strong: (chunks) => <strong>{chunks}</strong>,
          when: formatDateTime(createdAt, reading.locale),
          revision: String(revisionId),
          requested: requested && requested !== `r${revisionId}` ? requested : 'none',
        })}
      </p>
      <p>
        {t('permalink')} <NextLink href={permalink}>{permalink}</NextLink> · <NextLink href={current}>{t('current')}</NextLink>
      </p>
    </aside>
  );
}
