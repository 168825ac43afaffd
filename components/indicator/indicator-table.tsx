import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import type { IndicatorView } from '@/db/views';
import { langOf, quotedLang, sourceText } from '@/lib/i18n/content';
import { groupByArea, headlineValue } from '@/lib/indicator';
import { AdjustedBadge } from './adjusted-badge';
import { StatusBadge } from './status-badge';
import { ValueText } from './value-text';

/** Rows of indicators by area. Names and areas come localized (`untranslated` marks the Vietnamese ones). */
type Row = IndicatorView & { untranslated?: string[]; vi?: Record<string, string> };

export async function IndicatorTable({ indicators, caption }: { indicators: Row[]; caption: string }) {
  const [t, tv, locale] = await Promise.all([getTranslations('indicatorTable'), getTranslations('value'), getLocale()]);
  // Comparisons are quoted as the report writes them.
  const quoted = quotedLang(locale);
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('baseline')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        {groupByArea(indicators).map((group) => {
          // The area's English name, if any item of the group has one.
          const named = group.items.find((i) => langOf(i, 'area') === undefined) ?? group.items[0];
          return (
          <tbody key={group.area}>
            <tr>
              <th scope="rowgroup" colSpan={5} lang={langOf(named, 'area')}>
                {named?.area ?? group.area}
              </th>
            </tr>
            {group.items.map((indicator) => {
              const value = headlineValue(indicator);
              return (
                <tr key={indicator.code}>
                  <th scope="row">
                    <Link href={`/chi-tieu/${indicator.code}`} lang={langOf(indicator, 'name')}>
                      {indicator.name}
                    </Link>
                  </th>
                  <td>
                    <ValueText value={value} unit={sourceText(indicator, 'unit')} />
                    {value?.periodLabel ? (
                      <div className="note" lang={quoted}>
                        {value.periodLabel}
                      </div>
                    ) : value ? (
                      <div className="note">{tv('year', { year: String(value.year) })}</div>
                    ) : null}
                  </td>
                  <td lang={indicator.baselineComparison ? quoted : undefined}>
                    {indicator.baselineComparison ?? <span className="note">{tv('notGiven')}</span>}
                  </td>
                  <td lang={indicator.targetComparison ? quoted : undefined}>
                    {indicator.targetComparison ?? <span className="note">{tv('notGiven')}</span>}
                  </td>
                  <td>
                    <StatusBadge status={indicator.status} />
                    {indicator.adjusted ? (
                      <>
                        {' '}
                        <AdjustedBadge code={indicator.code} />
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
          );
        })}
      </table>
    </div>
  );
}
