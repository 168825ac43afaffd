import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';

/** Marks an indicator whose figures were revised after the source document was published; links to its changelog. */
export async function AdjustedBadge({ code }: { code: string }) {
  const t = await getTranslations('value');
  return (
    <Link href={`/chi-tieu/${code}/lich-su`} className="badge badge-adjusted" title={t('adjustedTitle')}>
      {t('adjusted')}
    </Link>
  );
}
