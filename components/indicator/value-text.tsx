import type { ValueView } from '@/db/queries/reports';
import { kindLabels, NOT_GIVEN } from '@/lib/indicator';
import { formatDecimal } from '@/lib/number';

/** A value as the report writes it: qualifier, Vietnamese-formatted figure, unit, and what kind of figure it is. */
export function ValueText({ value, unit, showKind = true }: { value: ValueView | null; unit: string | null; showKind?: boolean }) {
  if (!value) return <span className="note">{NOT_GIVEN} số liệu</span>;
  const approx = value.kind === 'derived' ? '≈ ' : '';
  return (
    <span>
      <span className="figure-text">
        {approx}
        {value.qualifier ? `${value.qualifier} ` : ''}
        {formatDecimal(value.value)}
        {unit ? (unit.startsWith('%') ? unit : ` ${unit}`) : ''}
      </span>
      {showKind ? <span className="kind"> ({kindLabels[value.kind]})</span> : null}
    </span>
  );
}
