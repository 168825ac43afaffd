import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import type { ReportHeader } from '@/db/views';
import { quotedLang } from '@/lib/i18n/content';

export async function SiteFooter({ report }: { report: ReportHeader | null }) {
  const [t, locale] = await Promise.all([getTranslations('footer'), getLocale()]);
  return (
    <footer className="site-footer">
      <div className="wrap">
        {report ? (
          <p>
            {/* The source document is cited by its own (Vietnamese) label and heading in every language. */}
            {t.rich('source', {
              doc: () => (
                <span lang={quotedLang(locale)}>
                  {report.documentLabel} – {report.documentHeading}
                </span>
              ),
            })}{' '}
            <Link href="/van-ban-goc">{t('sourceLink')}</Link>.
          </p>
        ) : null}
        <p>
          {t('figures')} <Link href="/chi-tieu">{t('indicators')}</Link> · <Link href="/muc">{t('sections')}</Link> ·{' '}
          <Link href="/don-vi">{t('institutions')}</Link>
        </p>
        <p>
          <Link href="/du-lieu">{t('openData')}</Link> · <Link href="/thay-doi">{t('changes')}</Link> · <Link href="/in">{t('print')}</Link>
        </p>
      </div>
    </footer>
  );
}
