import type { DiffPart } from '@/lib/diff';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { kindLabel } from '@/lib/indicator';
import { formatDecimal } from '@/lib/number';
import type { SnapshotDiff } from '@/lib/revision-diff';

/** A word diff as text: React escapes everything, so no stored HTML ever renders here. */
export function WordDiff({ parts, locale = 'vi' }: { parts: DiffPart[]; locale?: Locale }) {
  return (
    <span className="word-diff">
      {parts.map((p, i) =>
        p.type === 'whole' ? (
          <em key={i} className="diff-whole">
            {translator(locale, 'revisionCompare')('tooLarge')}{' '}
          </em>
        ) : p.type === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.type === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

const signed = (d: string) => (d.startsWith('-') ? `−${formatDecimal(d.slice(1))}` : `+${formatDecimal(d)}`);

/**
 * Old → new for one change. `locale`: the interface language of a public page (staff pages stay
 * Vietnamese). Field labels and values come from the snapshots and are Vietnamese (marked so on English pages).
 */
export function RevisionCompare({ diff, fromLabel, toLabel, locale = 'vi' }: { diff: SnapshotDiff; fromLabel: string; toLabel: string; locale?: Locale }) {
  const t = translator(locale, 'revisionCompare');
  const vi = locale === 'vi' ? undefined : 'vi';
  const kinds = (k: Parameters<typeof kindLabel>[0] | null) => (k ? kindLabel(k, locale) : '—');
  if (diff.identical) return <p className="notice">{t('identical')}</p>;
  return (
    <div className="revision-compare">
      <p className="note">
        {t.rich('legend', {
          from: () => <strong>{fromLabel}</strong>,
          to: () => <strong>{toLabel}</strong>,
          del: (chunks) => <del>{chunks}</del>,
          ins: (chunks) => <ins>{chunks}</ins>,
        })}
      </p>
      {diff.status ? (
        <p className="status-flip">
          {t('status')} <strong lang={vi}>{diff.status.before}</strong> → <strong lang={vi}>{diff.status.after}</strong>
        </p>
      ) : null}
      {diff.values.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('value')}</th>
                <th scope="col" className="num">{t('before')}</th>
                <th scope="col" className="num">{t('after')}</th>
                <th scope="col" className="num">{t('delta')}</th>
                <th scope="col" className="num">{t('percent')}</th>
                <th scope="col">{t('kind')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.values.map((v) => (
                <tr key={v.key}>
                  <th scope="row" lang={vi}>
                    {v.label}
                    {v.other.map((o) => (
                      <div key={o.field} className="note">
                        {o.label}: <WordDiff parts={o.parts} locale={locale} />
                      </div>
                    ))}
                  </th>
                  <td className="num">{v.change.before === null ? '—' : formatDecimal(v.change.before)}</td>
                  <td className="num">{v.change.after === null ? '—' : formatDecimal(v.change.after)}</td>
                  <td className="num">{v.change.delta === null ? '—' : signed(v.change.delta)}</td>
                  <td className="num">{v.change.percent === null ? '—' : `${signed(v.change.percent)}%`}</td>
                  <td>
                    {v.kind.before === v.kind.after ? kinds(v.kind.after) : `${kinds(v.kind.before)} → ${kinds(v.kind.after)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {diff.fields.length > 0 ? (
        <dl className="field-diffs">
          {diff.fields.map((f) => (
            <div key={f.field} lang={vi}>
              <dt>{f.label}</dt>
              <dd className="pre">
                <WordDiff parts={f.parts} locale={locale} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
