import type { DiffPart } from '@/lib/diff';
import { kindLabels } from '@/lib/indicator';
import { formatDecimal } from '@/lib/number';
import type { SnapshotDiff } from '@/lib/revision-diff';

/** A word diff as text: React escapes everything, so no stored HTML ever renders here. */
export function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="word-diff">
      {parts.map((p, i) =>
        p.type === 'added' ? (
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

export function RevisionCompare({ diff, fromLabel, toLabel }: { diff: SnapshotDiff; fromLabel: string; toLabel: string }) {
  if (diff.identical) return <p className="notice">Hai phiên bản giống hệt nhau.</p>;
  return (
    <div className="revision-compare">
      <p className="note">
        Từ <strong>{fromLabel}</strong> đến <strong>{toLabel}</strong>. <del>Chữ gạch</del> là phần bị bỏ, <ins>chữ tô</ins> là phần thêm.
      </p>
      {diff.status ? (
        <p className="status-flip">
          Đánh giá đổi: <strong>{diff.status.before}</strong> → <strong>{diff.status.after}</strong>
        </p>
      ) : null}
      {diff.values.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Số liệu thay đổi</caption>
            <thead>
              <tr>
                <th scope="col">Giá trị</th>
                <th scope="col" className="num">Cũ</th>
                <th scope="col" className="num">Mới</th>
                <th scope="col" className="num">Chênh lệch</th>
                <th scope="col" className="num">Thay đổi (%)</th>
                <th scope="col">Loại số liệu</th>
              </tr>
            </thead>
            <tbody>
              {diff.values.map((v) => (
                <tr key={v.key}>
                  <th scope="row">
                    {v.label}
                    {v.other.map((o) => (
                      <div key={o.field} className="note">
                        {o.label}: <WordDiff parts={o.parts} />
                      </div>
                    ))}
                  </th>
                  <td className="num">{v.change.before === null ? '—' : formatDecimal(v.change.before)}</td>
                  <td className="num">{v.change.after === null ? '—' : formatDecimal(v.change.after)}</td>
                  <td className="num">{v.change.delta === null ? '—' : signed(v.change.delta)}</td>
                  <td className="num">{v.change.percent === null ? '—' : `${signed(v.change.percent)}%`}</td>
                  <td>
                    {v.kind.before === v.kind.after
                      ? kindLabels[v.kind.after!]
                      : `${v.kind.before ? kindLabels[v.kind.before] : '—'} → ${v.kind.after ? kindLabels[v.kind.after] : '—'}`}
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
            <div key={f.field}>
              <dt>{f.label}</dt>
              <dd className="pre">
                <WordDiff parts={f.parts} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
