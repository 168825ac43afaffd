import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';

/**
 * An item's public changelog is paged by its address: `…/lich-su` (the newest entries) and
 * `…/lich-su/truoc-<n>` (the entries before revision number n). Path segments, not a query, so
 * each page is cached like any other public page.
 */
export function changelogBefore(segments: string[] | undefined): number | undefined | null {
  if (!segments || segments.length === 0) return undefined;
  const m = segments.length === 1 ? /^truoc-([1-9]\d{0,8})$/.exec(segments[0]!) : null;
  return m ? Number(m[1]) : null; // null: no such page
}

/** Links to the newest page and to older entries, when there are any. */
export async function ChangelogPages({ base, paged, older }: { base: string; paged: boolean; older: number | null }) {
  if (!paged && older === null) return null;
  const t = await getTranslations('history');
  return (
    <nav className="pager no-print" aria-label={t('pages')}>
      {paged ? <Link href={base}>{t('newest')}</Link> : null}
      {paged && older !== null ? ' · ' : null}
      {older !== null ? <Link href={`${base}/truoc-${older}`}>{t('older')} →</Link> : null}
    </nav>
  );
}
