import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { searchReport } from '@/db/queries/search';
import { normalizeSearchQuery } from '@/lib/search-query';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = normalizeSearchQuery((await searchParams).q);
  return {
    title: query ? `Tìm kiếm: “${query}”` : 'Tìm kiếm',
    description: 'Tìm chỉ tiêu, nội dung báo cáo, dự án, nghị quyết và cơ sở, đơn vị trong báo cáo kết quả nhiệm kỳ.',
    // Result pages are endless and change with every edit: not for search engines.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = normalizeSearchQuery((await searchParams).q);
  const results = query ? await searchReport({ reportSlug: DEFAULT_REPORT_SLUG, query }) : null;
  return (
    <>
      <Breadcrumb items={[{ label: 'Tìm kiếm' }]} />
      <h1>Tìm kiếm</h1>
      <SearchForm variant="page" defaultValue={query} />
      <SearchResults results={results} />
    </>
  );
}
