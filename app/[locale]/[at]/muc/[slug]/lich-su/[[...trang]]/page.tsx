import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangelogPages, changelogBefore } from '@/components/history/changelog-pages';
import { MissingPage } from '@/components/site/not-found-message';
import { ItemChangelog } from '@/components/history/public-changelog';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Link } from '@/components/site/link';
import { TranslationNotice } from '@/components/site/translation-notice';
import { getItemChangelog } from '@/db/queries/cached-reads';
import { quotedLang } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { getReading, readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;
/** Rendered on first request and cached (none at build: the build needs no database). */
export async function generateStaticParams(): Promise<never[]> {
  return [];
}

type Props = { params: Promise<{ slug: string; trang?: string[] }> };

async function load(slug: string, trang: string[] | undefined) {
  const before = changelogBefore(trang);
  if (before === null) return null;
  const log = await getItemChangelog({ reportSlug, itemType: 'section', key: slug, revisionId: await readingRevision(), before });
  return log && log.entries.length > 0 ? log : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, trang } = await params;
  const [log, t] = await Promise.all([load(slug, trang), getTranslations('history')]);
  if (!log) return { title: t('sectionNotFound') };
  return {
    title: t('title', { name: log.label }),
    description: t('sectionMetaDescription', { name: log.label }),
    alternates: await languageAlternates(`/muc/${slug}/lich-su`),
  };
}

export default async function SectionHistoryPage({ params }: Props) {
  const { slug, trang } = await params;
  const [log, t, site, { locale }] = await Promise.all([load(slug, trang), getTranslations('history'), getTranslations('site'), getReading()]);
  if (!log) return <MissingPage />;
  const changes = log.changes;
  // The section's title in the history is the title it had, in Vietnamese.
  const quoted = quotedLang(locale);

  return (
    <>
      <Breadcrumb items={[{ href: '/muc', label: site('nav.sections') }, { href: `/muc/${slug}`, label: log.label, lang: quoted }, { label: t('crumb') }]} />
      <h1>{t.rich('heading', { name: () => <span lang={quoted}>{log.label}</span> })}</h1>
      <p className="lede">
        {changes === 0 ? t('sectionNone') : t('count', { count: String(changes) })} {t('sectionLede')}
      </p>
      <TranslationNotice show />
      <ItemChangelog entries={log.entries} locale={locale} />
      <ChangelogPages base={`/muc/${slug}/lich-su`} paged={trang !== undefined} older={log.older} />
      <p className="no-print">
        <Link href="/thay-doi">{t('allChanges')}</Link> · <a href="/thay-doi.atom">{t('feed')}</a>
      </p>
    </>
  );
}
