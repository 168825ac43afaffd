import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { searchReport } from '@/db/queries/search';
import { clientAddress } from '@/lib/auth/client-address';
import { env } from '@/lib/env';
import { languageAlternates } from '@/lib/i18n/metadata';
import { takeTokenOnce } from '@/lib/rate-limit';
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

/**
 * The search is limited per client address (lib/rate-limit.ts): proxy.ts answers 429 first; a
 * search that did not come through it is counted here, before the query runs.
 */
async function allowed(query: string) {
  if (!query) return { ok: true } as const;
  const request = await headers();
  return takeTokenOnce('search', request, clientAddress(request, env().TRUSTED_PROXY_HOPS));
}

export default async function SearchPage({ searchParams }: Props) {
  const query = normalizeSearchQuery((await searchParams).q);
  const verdict = await allowed(query);
  const [results, t] = await Promise.all([
    query && verdict.ok ? searchReport({ reportSlug: DEFAULT_REPORT_SLUG, query }) : Promise.resolve(null),
    getTranslations('searchPage'),
  ]);
  if (!verdict.ok) {
    return (
      <>
        <Breadcrumb items={[{ label: t('title') }]} />
        <h1>{t('title')}</h1>
        <p className="notice" role="status">
          {t('tooMany', { seconds: verdict.retryAfterSeconds })}
        </p>
        <SearchForm variant="page" defaultValue={query} />
      </>
    );
  }
  return (
    <>
      <Breadcrumb items={[{ label: t('title') }]} />
      <h1>{t('title')}</h1>
      <SearchForm variant="page" defaultValue={query} />
      <SearchResults results={results} />
    </>
  );
}
