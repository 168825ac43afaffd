import { chartGeometry, chartKindLabel, describeChart, type ChartInput, type ChartPoint } from '@/lib/chart';
import type { Locale } from '@/lib/i18n/config';
import { quotedLang } from '@/lib/i18n/content';
import { translator } from '@/lib/i18n/messages';
import { formatDecimal } from '@/lib/number';
import { VALUE_KINDS, type ValueKind } from '@/lib/vocabulary';

/*
 * Server component: static, accessible SVG bar chart. No hooks, no client JavaScript.
 * Synchronous (so it renders anywhere, tests included): its text comes from the `chart` messages
 * for `locale`; the page passes the reader's. Figures are written the Vietnamese way in every language.
 * All marks use currentColor, so text and bars take the page's text colour (AA contrast by
 * construction); override with the `chart-*` classes. Kinds are distinguished by pattern, not colour:
 * reported = solid, estimate = dotted with solid outline, derived = hatched with dashed outline.
 */

const WIDTH = 480;
const HEIGHT = 240;

function idFrom(text: string): string {
  let hash = 5381;
  for (const ch of text) hash = ((hash * 33) ^ (ch.codePointAt(0) ?? 0)) >>> 0;
  return `chart-${hash.toString(36)}`;
}

function valueText(point: ChartPoint): string {
  const number = formatDecimal(point.value);
  const qualified = point.qualifier ? `${point.qualifier} ${number}` : number;
  return point.kind === 'derived' ? `≈ ${qualified}` : qualified;
}

function PatternDefs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-derived`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" strokeWidth="2" />
      </pattern>
      <pattern id={`${id}-estimate`} width="5" height="5" patternUnits="userSpaceOnUse">
        <circle cx="2.5" cy="2.5" r="1.4" fill="currentColor" />
      </pattern>
    </defs>
  );
}

function barFill(id: string, kind: ValueKind): string {
  return kind === 'reported' ? 'currentColor' : `url(#${id}-${kind})`;
}

function Swatch({ id, kind }: { id: string; kind: ValueKind }) {
  const swatchId = `${id}-swatch-${kind}`;
  return (
    <svg className="chart-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <PatternDefs id={swatchId} />
      <rect
        x="1"
        y="1"
        width="14"
        height="14"
        fill={barFill(swatchId, kind)}
        stroke="currentColor"
        strokeWidth="1.5"
        strokeDasharray={kind === 'derived' ? '3 2' : undefined}
      />
    </svg>
  );
}

export interface ValueChartProps {
  input: ChartInput;
  /** Unique prefix for SVG ids; defaults to a hash of the indicator name. */
  id?: string;
  /** The reader's language (default Vietnamese). */
  locale?: Locale;
  /** `lang` of the indicator's name, when it is Vietnamese shown on an English page. */
  nameLang?: string;
}

export function ValueChart({ input, id, locale = 'vi', nameLang }: ValueChartProps) {
  const t = translator(locale, 'chart');
  const description = describeChart(input, locale);
  if (input.points.length === 0) {
    return <p className="chart-empty">{t('empty')}</p>;
  }

  const baseId = id ?? idFrom(`${input.name}|${input.unit ?? ''}`);
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;
  const geometry = chartGeometry(input, { width: WIDTH, height: HEIGHT });
  const kinds = VALUE_KINDS.filter((kind) => input.points.some((point) => point.kind === kind));

  return (
    <figure className="chart-figure">
      <svg
        className="chart-svg"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        focusable="false"
      >
        <title id={titleId} lang={nameLang}>
          {input.name}
        </title>
        <desc id={descId}>{description}</desc>
        <PatternDefs id={baseId} />
        {input.unit ? (
          <text className="chart-unit" x={geometry.padding.left} y="14" fontSize="12" fill="currentColor">
            {t('unit', { unit: input.unit })}
          </text>
        ) : null}
        {geometry.bars.map((bar, index) => (
          <g
            key={`${bar.point.role}-${bar.point.year}-${index}`}
            className={`chart-bar chart-bar--${bar.point.kind} chart-bar--${bar.point.role}`}
          >
            <rect
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              fill={barFill(baseId, bar.point.kind)}
              stroke="currentColor"
              strokeWidth="1.5"
              strokeDasharray={bar.point.kind === 'derived' ? '4 3' : undefined}
            />
            <text
              className="chart-value"
              x={bar.centerX}
              y={bar.valueLabelY}
              textAnchor="middle"
              fontSize="13"
              fontWeight="600"
              fill="currentColor"
            >
              {valueText(bar.point)}
            </text>
            <text
              className="chart-axis-label"
              x={bar.centerX}
              y={geometry.axisLabelY}
              textAnchor="middle"
              fontSize="12"
              fill="currentColor"
            >
              {bar.point.label}
            </text>
          </g>
        ))}
        <line
          className="chart-baseline"
          x1={geometry.padding.left}
          x2={WIDTH - geometry.padding.right}
          y1={geometry.baselineY}
          y2={geometry.baselineY}
          stroke="currentColor"
          strokeWidth="1"
        />
      </svg>
      <ul className="chart-legend" aria-label={t('legend')}>
        {kinds.map((kind) => (
          <li key={kind} className={`chart-legend-item chart-legend-item--${kind}`}>
            <Swatch id={baseId} kind={kind} />
            <span>{chartKindLabel(kind, locale)}</span>
          </li>
        ))}
      </ul>
      <figcaption className="chart-caption">{description}</figcaption>
    </figure>
  );
}

export interface ValueTableProps {
  input: ChartInput;
  caption?: string;
  /** The reader's language (default Vietnamese). */
  locale?: Locale;
  /** `lang` of the indicator's name, when it is Vietnamese shown on an English page. */
  nameLang?: string;
}

/** Table fallback for the chart: the same points, as data. Periods, units and value notes are quoted as written. */
export function ValueTable({ input, caption, locale = 'vi', nameLang }: ValueTableProps) {
  const t = translator(locale, 'chart.table');
  const quoted = quotedLang(locale);
  return (
    <table className="chart-table">
      <caption>{caption ?? t.rich('caption', { name: input.name, n: (chunks) => (nameLang ? <span lang={nameLang}>{chunks}</span> : chunks) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('period')}</th>
          <th scope="col">{t('value')}</th>
          <th scope="col">{t('unit')}</th>
          <th scope="col">{t('kind')}</th>
          <th scope="col">{t('note')}</th>
        </tr>
      </thead>
      <tbody>
        {input.points.map((point, index) => {
          const target = point.role === 'target' ? t('targetFor', { year: String(point.year) }) : null;
          return (
            <tr key={`${point.role}-${point.year}-${index}`} className={`chart-row chart-row--${point.kind}`}>
              <th scope="row">
                {point.label}
                {point.periodLabel ? (
                  <span className="chart-table-period" lang={quoted}>
                    {` (${point.periodLabel})`}
                  </span>
                ) : null}
              </th>
              <td className="chart-table-value">
                {point.qualifier ? `${point.qualifier} ` : ''}
                {formatDecimal(point.value)}
              </td>
              <td lang={input.unit ? quoted : undefined}>{input.unit ?? '—'}</td>
              <td>{chartKindLabel(point.kind, locale)}</td>
              <td>
                {target ?? null}
                {target && point.note ? '. ' : null}
                {point.note ? quoted ? <span lang={quoted}>{point.note}</span> : point.note : null}
                {!target && !point.note ? '—' : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
