import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';

/** `lang`: 'vi' when the label is Vietnamese content shown on an English page. */
export type Crumb = { href?: string; label: string; lang?: string };

export async function Breadcrumb({ items }: { items: Crumb[] }) {
  const t = await getTranslations('site');
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
      <ol>
        <li>
          <Link href="/">{t('nav.overview')}</Link>
        </li>
        {items.map((item) => (
          <li key={item.label}>
            {item.href ? (
              <Link href={item.href} lang={item.lang}>
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" lang={item.lang}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
