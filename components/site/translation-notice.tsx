import { getLocale, getTranslations } from 'next-intl/server';

/**
 * On an English page, says once that some of the content is shown in Vietnamese because no
 * English translation has been entered yet. `show`: the page found such content
 * (`anyUntranslated` in lib/i18n/content.ts). Never shown on Vietnamese pages.
 */
export async function TranslationNotice({ show }: { show: boolean }) {
  if (!show || (await getLocale()) === 'vi') return null;
  const t = await getTranslations('translation');
  return (
    <p className="notice translation-notice" role="note">
      {t('fallback')}
    </p>
  );
}

/** On an English data page: the figures are the report's own, written the Vietnamese way. */
export async function FiguresNote() {
  if ((await getLocale()) === 'vi') return null;
  const t = await getTranslations('translation');
  return <p className="note figures-note">{t('figures')}</p>;
}
