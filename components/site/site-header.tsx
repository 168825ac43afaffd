import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { SearchForm } from '@/components/search/search-form';
import { localizedPath, otherLocale } from '@/lib/i18n/config';
import { getReading } from '@/lib/reading';
import { LanguageSwitch } from './language-switch';
import { NavLink } from './nav-link';

const nav = [
  { href: '/', key: 'overview' },
  { href: '/chi-tieu', key: 'indicators' },
  { href: '/muc', key: 'sections' },
  { href: '/du-an', key: 'projects' },
  { href: '/nghi-quyet', key: 'resolutions' },
  { href: '/van-ban-goc', key: 'source' },
] as const;

export async function SiteHeader() {
  const [t, reading] = await Promise.all([getTranslations('site'), getReading()]);
  const { locale } = reading;
  const other = otherLocale(locale);
  // The header belongs to the layout, which knows neither the page's path nor a client navigation:
  // the switch reads the address in the browser; without JavaScript it leads to the other language's home.
  const switchProps = { to: other, label: t('otherLanguage'), title: t('otherLanguageTitle'), fallbackHref: localizedPath(other, '/') };
  return (
    <header className="site-header">
      <a className="skip-link" href="#noi-dung">
        {t('skipLink')}
      </a>
      <div className="wrap">
        <a href={localizedPath(locale, '/')} className="brand">
          {t('name')}
          <small>{t('tagline')}</small>
        </a>
        <nav className="site-nav" aria-label={t('navLabel')}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <NavLink href={localizedPath(locale, item.href)}>{t(`nav.${item.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SearchForm variant="header" />
        <p className="language">
          <Suspense fallback={<LanguageSwitchFallback {...switchProps} />}>
            <LanguageSwitch {...switchProps} />
          </Suspense>
        </p>
      </div>
    </header>
  );
}

function LanguageSwitchFallback({ to, label, title, fallbackHref }: { to: string; label: string; title: string; fallbackHref: string }) {
  return (
    <a className="language-switch" href={fallbackHref} lang={to} hrefLang={to} title={title}>
      {label}
    </a>
  );
}
