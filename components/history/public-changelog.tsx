import { RevisionCompare } from '@/components/history/revision-compare';
import { Link } from '@/components/site/link';
import type { PublicChange } from '@/db/queries/public-history';
import { formatDateTime } from '@/lib/dates';
import { actionLabels, itemTypeLabels } from '@/lib/history-routes';
import { changeLines, changelogPath, itemPagePath } from '@/lib/open-data';
import { diffSnapshots } from '@/lib/revision-diff';
import { reasonKindLabels } from '@/lib/validations/reason';

/** Links to the item's page as it stood right before and right after a change. */
function BeforeAfter({ change }: { change: PublicChange }) {
  const before = change.previousSnapshot ? itemPagePath(change, 'before') : null;
  const after = change.action !== 'delete' ? itemPagePath(change, 'after') : null;
  if (!before && !after) return null;
  return (
    <p className="changelog-links">
      {before ? <Link href={before}>Xem trang trước thay đổi</Link> : null}
      {before && after ? ' · ' : null}
      {after ? <Link href={after}>Xem trang sau thay đổi (r{change.id})</Link> : null}
    </p>
  );
}

function Reason({ change }: { change: PublicChange }) {
  return (
    <p className="changelog-reason">
      <span className="badge badge-chua_xac_dinh">{reasonKindLabels[change.reasonKind]}</span> {change.reasonText}
    </p>
  );
}

const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso)}</time>;

/** One item's history, newest first, each change with its full old → new comparison. No staff identity. */
export function ItemChangelog({ entries }: { entries: PublicChange[] }) {
  return (
    <ol className="changelog" reversed>
      {entries.map((c) => {
        const headingId = `r${c.id}-tieu-de`;
        return (
          <li key={c.id} id={`r${c.id}`} className="changelog-entry">
            <article aria-labelledby={headingId}>
              <h2 id={headingId}>
                {when(c.createdAt)} — {c.action === 'import' ? 'Nhập từ văn bản gốc' : reasonKindLabels[c.reasonKind]}
              </h2>
              <p className="note">
                {actionLabels[c.action]} · phiên bản {c.revisionNo} của mục này · mã thay đổi r{c.id}
              </p>
              {c.action === 'import' ? (
                <p>Số liệu và câu chữ như văn bản gốc khi đưa lên cổng thông tin.</p>
              ) : (
                <>
                  <Reason change={c} />
                  <RevisionCompare
                    diff={diffSnapshots(c.itemType, c.previousSnapshot, c.snapshot)}
                    fromLabel={c.previousRevisionId ? `trước thay đổi (r${c.previousRevisionId})` : 'khi chưa có mục này'}
                    toLabel={c.action === 'delete' ? 'sau khi xoá' : `sau thay đổi (r${c.id})`}
                  />
                </>
              )}
              <BeforeAfter change={c} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** Changes across the whole report, newest first, each summed up as short old → new lines. */
export function ChangeList({ changes }: { changes: PublicChange[] }) {
  return (
    <ol className="changelog">
      {changes.map((c) => {
        const headingId = `r${c.id}-tieu-de`;
        const lines = changeLines(c);
        const path = changelogPath(c);
        return (
          <li key={c.id} id={`r${c.id}`} className="changelog-entry">
            <article aria-labelledby={headingId}>
              <h2 id={headingId}>
                {path.startsWith('/thay-doi') ? c.itemLabel : <Link href={path}>{c.itemLabel}</Link>}
              </h2>
              <p className="note">
                {when(c.createdAt)} · {itemTypeLabels[c.itemType]} · {actionLabels[c.action]} · r{c.id}
              </p>
              <Reason change={c} />
              {lines.length > 0 ? (
                <ul className="change-lines">
                  {lines.map((l, i) => (
                    <li key={i}>
                      {l.label}: <del>{l.before}</del> <span aria-hidden="true">→</span>
                      <span className="visually-hidden"> thành </span> <ins>{l.after}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
              <BeforeAfter change={c} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
