/**
 * Report views in the reader's language. Cached reads (db/queries/cached-reads.ts) hold both
 * languages; these pick one per request. An English field replaces the Vietnamese one when staff
 * have entered it; `untranslated` lists the fields shown in Vietnamese.
 */
import type { EntityDetail, EntityView, IndicatorView, ReportHeader, SectionSummary, SectionView } from '@/db/views';
import { localizedPath, type Locale } from './config';
import { localize, TRANSLATABLE_FIELDS, type Localized } from './content';

export function localizeReport<T extends ReportHeader>(view: T, locale: Locale): Localized<T> {
  return localize(view, view.translations, TRANSLATABLE_FIELDS.report, locale);
}

export function localizeSection<T extends SectionSummary & Partial<Pick<SectionView, 'body' | 'bodyHtml' | 'bodyHtmlEn'>>>(
  view: T,
  locale: Locale,
): Localized<T> {
  const out = localize(view, view.translations, TRANSLATABLE_FIELDS.section, locale);
  if (locale === 'vi' || out.bodyHtml === undefined) return out;
  // The rendered body follows the text chosen for `body`; its links to the portal's own pages
  // (entity links, relative links) stay in English.
  return { ...out, bodyHtml: localizeLinks(view.bodyHtmlEn ?? out.bodyHtml, locale) };
}

/** Prefix the portal's own links (`href="/…"`, never `//host`) in sanitised HTML with the locale. */
function localizeLinks(html: string, locale: Locale): string {
  return html.replace(/ href="\/(?!\/)([^"]*)"/g, (_, rest: string) => ` href="${localizedPath(locale, `/${rest}`)}"`);
}

export function localizeIndicator(view: IndicatorView, locale: Locale): Localized<IndicatorView> & { section: Localized<NonNullable<IndicatorView['section']>> | null } {
  const out = localize(view, view.translations, TRANSLATABLE_FIELDS.indicator, locale);
  return { ...out, section: view.section ? localize(view.section, view.section.translations, ['title'], locale) : null };
}

export function localizeEntity<T extends EntityView>(view: T, locale: Locale): Localized<T> {
  return localize(view, view.translations, TRANSLATABLE_FIELDS.entity, locale);
}

export type LocalizedIndicator = ReturnType<typeof localizeIndicator>;
export type LocalizedEntityDetail = Omit<Localized<EntityDetail>, 'mentions'> & { mentions: Array<{ section: Localized<SectionSummary>; sentences: string[] }> };
