import type { Locale } from './i18n/config';
import { translator } from './i18n/messages';
import { decimalToNumber, formatDecimal } from './number';
import type { ValueKind, ValueRole } from './vocabulary';

export interface ChartPoint {
  /** Short axis / row label, e.g. "2020" or "Chỉ tiêu" / "Target" (see `pointLabel`). */
  label: string;
  year: number;
  periodLabel: string | null;
  /** Canonical decimal string, e.g. "45.8". */
  value: string;
  kind: ValueKind;
  role: ValueRole;
  /** e.g. "trên" in "trên 97%". */
  qualifier: string | null;
  note?: string | null;
}

export interface ChartInput {
  name: string;
  unit: string | null;
  points: ChartPoint[];
}

/** "Số liệu báo cáo" / "Reported figure", …: the legend's and the table's name for a kind of value. */
export function chartKindLabel(kind: ValueKind, locale: Locale = 'vi'): string {
  return translator(locale, 'chart')(`kind.${kind}`);
}

/** Default axis label: the year, or "Chỉ tiêu" ("Target") for a target. */
export function pointLabel(point: Pick<ChartPoint, 'year' | 'role'>, locale: Locale = 'vi'): string {
  return point.role === 'target' ? translator(locale, 'chart')('target') : String(point.year);
}

/** Build chart points from seeded/stored indicator values, labelling them with `pointLabel`. */
export function toChartPoints(values: ReadonlyArray<Omit<ChartPoint, 'label'>>, locale: Locale = 'vi'): ChartPoint[] {
  return values.map((value) => ({ ...value, label: pointLabel(value, locale) }));
}

/** "6,20%/năm", "75,5 triệu đồng/người/năm", "trên 97%": a value with its qualifier and unit. */
export function formatQuantity(point: Pick<ChartPoint, 'value' | 'qualifier'>, unit: string | null): string {
  const number = formatDecimal(point.value);
  const withUnit = unit === null || unit === '' ? number : unit.startsWith('%') ? `${number}${unit}` : `${number} ${unit}`;
  return point.qualifier ? `${point.qualifier} ${withUnit}` : withUnit;
}

type DescribeT = ReturnType<typeof describeTranslator>;
const describeTranslator = (locale: Locale) => translator(locale, 'chart.describe');

function describePoint(t: DescribeT, point: ChartPoint, unit: string | null): string {
  // Figures, units, qualifiers and period labels are quoted as the report writes them, in every language.
  const figure = formatQuantity(point, unit);
  const quantity = point.kind === 'derived' ? t('about', { quantity: figure }) : point.kind === 'estimate' ? t('estimated', { quantity: figure }) : figure;
  if (point.role === 'target') return point.kind === 'derived' ? t('targetDerived', { quantity }) : t('target', { quantity });
  const when = point.periodLabel ?? t('year', { year: String(point.year) });
  return point.kind === 'derived' ? t('pointDerived', { when, quantity }) : t('point', { when, quantity });
}

/** One sentence describing what the chart shows, generated from the data, in the reader's language. */
export function describeChart(input: ChartInput, locale: Locale = 'vi'): string {
  const t = describeTranslator(locale);
  if (input.points.length === 0) return t('empty', { name: input.name });
  const parts = input.points.map((point) => describePoint(t, point, input.unit));
  return t('sentence', { name: input.name, parts: parts.join(', ') });
}

export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface BarGeometry {
  point: ChartPoint;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the bar, for labels. */
  centerX: number;
  /** Where the value label sits (above a positive bar, below a negative one). */
  valueLabelY: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  padding: ChartPadding;
  /** y coordinate of the zero line. */
  baselineY: number;
  /** y coordinate of the axis (year) labels. */
  axisLabelY: number;
  bars: BarGeometry[];
}

export const DEFAULT_PADDING: ChartPadding = { top: 32, right: 16, bottom: 32, left: 16 };

/**
 * Bar positions in SVG user units. Bars grow from a zero baseline, so heights are proportional
 * to the values; the value domain always includes 0.
 */
export function chartGeometry(
  input: ChartInput,
  size: ChartSize,
  padding: ChartPadding = DEFAULT_PADDING,
): ChartGeometry {
  const plotLeft = padding.left;
  const plotTop = padding.top;
  const plotWidth = Math.max(0, size.width - padding.left - padding.right);
  const plotHeight = Math.max(0, size.height - padding.top - padding.bottom);

  const numbers = input.points.map((point) => decimalToNumber(point.value));
  const max = Math.max(0, ...numbers);
  const min = Math.min(0, ...numbers);
  const span = max - min || 1;
  const scale = plotHeight / span;
  const baselineY = plotTop + max * scale;

  const count = input.points.length;
  const slot = count > 0 ? plotWidth / count : plotWidth;
  const barWidth = Math.min(slot * 0.6, 96);

  const bars = input.points.map((point, index): BarGeometry => {
    const value = numbers[index] ?? 0;
    const height = Math.abs(value) * scale;
    const x = plotLeft + index * slot + (slot - barWidth) / 2;
    const y = value >= 0 ? baselineY - height : baselineY;
    return {
      point,
      x,
      y,
      width: barWidth,
      height,
      centerX: x + barWidth / 2,
      valueLabelY: value >= 0 ? y - 6 : y + height + 14,
    };
  });

  return {
    width: size.width,
    height: size.height,
    padding,
    baselineY,
    axisLabelY: size.height - 10,
    bars,
  };
}
