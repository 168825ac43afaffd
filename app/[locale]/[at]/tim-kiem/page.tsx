import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { searchReport } from '@/db/queries/search';
import { languageAlternates } from '@/lib/i18n/metadata';
import { normalizeSearchQuery } from '@/lib/search-query';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

// Results depend on the query (?q=): rendered per request, never cached.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = normalizeSearchQuery((await searchParams).q);
  const t = await getTranslations('searchPage');
  return {
    title: query ? t('metaTitleQuery', { query }) : t('title'),
    description: t('metaDescription'),
    // Result pages are endless and change with every edit: not for search engines.
    robots: { index: false, follow: true },
    alternates: await languageAlternates('/tim-kiem'),
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = normalizeSearchQuery((await searchParams).q);
  const [results, t] = await Promise.all([
    query ? searchReport({ reportSlug: DEFAULT_REPORT_SLUG, query }) : Promise.resolve(null),
    getTranslations('searchPage'),
  ]);
  return (
    <>
      <Breadcrumb items={[{ label: t('title') }]} />
      <h1>{t('title')}</h1>
      <SearchForm variant="page" defaultValue={query} />
      <SearchResults results={results} />
    </>
  );
}
