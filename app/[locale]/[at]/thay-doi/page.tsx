import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangeList } from '@/components/history/public-changelog';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Link } from '@/components/site/link';
import { TranslationNotice } from '@/components/site/translation-notice';
import { countPublicChanges, findImport, listPublicChanges } from '@/db/queries/public-history';
import { formatDateTime } from '@/lib/dates';
import { languageAlternates } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

// The list is paged by the query (?trang=): rendered per request, never cached.
export const dynamic = 'force-dynamic';

const reportSlug = DEFAULT_REPORT_SLUG;
const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('changes');
  return { title: t('metaTitle'), description: t('metaDescription'), alternates: await languageAlternates('/thay-doi') };
}

type Props = { searchParams: Promise<{ truoc?: string }> };

export default async function ChangesPage({ searchParams }: Props) {
  const { truoc } = await searchParams;
  const before = truoc && /^\d{1,15}$/.test(truoc) ? Number(truoc) : undefined;
  const { locale, moment } = await getReading();
  const upTo = moment?.revisionId;
  const [{ rows, next }, total, imported, t] = await Promise.all([
    listPublicChanges({ reportSlug, before, upTo, limit: PAGE_SIZE }),
    countPublicChanges({ reportSlug, upTo }),
    findImport({ reportSlug }),
    getTranslations('changes'),
  ]);

  return (
    <>
      <Breadcrumb items={[{ label: t('metaTitle') }]} />
      <h1>{t('title')}</h1>
      <p className="lede">
        {total === 0 ? t('none') : t('count', { count: String(total) })} {t('lede')}
      </p>
      {/* Item names, reasons and old → new text are the report's record, in Vietnamese. */}
      <TranslationNotice show={rows.length > 0} />
      <p className="no-print">
        <a href="/thay-doi.atom">{t('feed')}</a> · <Link href="/du-lieu">{t('openData')}</Link>
      </p>
      {rows.length > 0 ? <ChangeList changes={rows} locale={locale} /> : before !== undefined ? <p className="notice">{t('noOlder')}</p> : null}
      <nav aria-label={t('pagination')} className="no-print">
        <p>
          {before !== undefined ? <Link href="/thay-doi">{t('newest')}</Link> : null}
          {before !== undefined && next ? ' · ' : null}
          {next ? <Link href={`/thay-doi?truoc=${next}`}>{t('older')}</Link> : null}
        </p>
      </nav>
      {imported && !next ? (
        <p className="note">
          {t.rich('imported', {
            when: () => <time dateTime={imported.at}>{formatDateTime(imported.at, locale)}</time>,
            first: String(imported.firstId),
            last: String(imported.lastId),
          })}{' '}
          <Link href={`/?asOf=r${imported.lastId}`}>{t('importedLink')}</Link>.
        </p>
      ) : null}
    </>
  );
}
