import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/dates';
import type { Reading } from '@/lib/reading';

/**
 * Says which moment of the report is shown, with a citable permalink and the way back to now.
 * It belongs to the layout, which does not know the page's path: its links are relative to the
 * address being read (`?asOf=r12` keeps the path; `?` drops the moment).
 */
export async function AsOfBanner({ reading }: { reading: Reading }) {
  const t = await getTranslations('asOf');
  const current = '?';
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
          {t('beforeFirst')} <a href={current}>{t('seeCurrent')}</a>.
        </p>
      </div>
    );
  }
  if (!reading.moment) return null;
  const { revisionId, requested, createdAt } = reading.moment;
  const permalink = `?asOf=r${revisionId}`;
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
        {t('permalink')} <a href={permalink}>{permalink}</a> · <a href={current}>{t('current')}</a>
      </p>
    </aside>
  );
}
