import { getLocale, getTranslations } from 'next-intl/server';
import type { ValueView } from '@/db/views';
import { quotedLang } from '@/lib/i18n/content';
import { formatDecimal } from '@/lib/number';

/**
 * A value as the report writes it: qualifier, Vietnamese-formatted figure and unit — quoted the
 * same way on English pages (marked `lang="vi"` there) — and what kind of figure it is.
 */
export async function ValueText({ value, unit, showKind = true }: { value: ValueView | null; unit: string | null; showKind?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('value'), getLocale()]);
  if (!value) return <span className="note">{t('noFigure')}</span>;
  const approx = value.kind === 'derived' ? '≈ ' : '';
  return (
    <span>
      <span className="figure-text" lang={quotedLang(locale)}>
        {approx}
        {value.qualifier ? `${value.qualifier} ` : ''}
        {formatDecimal(value.value)}
        {unit ? (unit.startsWith('%') ? unit : ` ${unit}`) : ''}
      </span>
      {showKind ? <span className="kind"> ({t(`kind.${value.kind}`)})</span> : null}
    </span>
  );
}
