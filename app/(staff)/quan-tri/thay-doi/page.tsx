import type { Metadata } from 'next';
import Link from 'next/link';
import { listRecentChanges, listRevisionAuthors, type RecentChangesFilter } from '@/db/queries/revisions';
import { requireStaffPage } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { historyHref } from '@/lib/history-routes';
import { isoDay, param, recordId } from '@/lib/validations/params';
import { isOneOf, ITEM_TYPE_LABELS, ITEM_TYPES, REASON_KIND_LABELS, REVISION_ACTION_LABELS } from '@/lib/vocabulary';

export const metadata: Metadata = { title: 'Thay đổi gần đây' };

type Query = { nguoi?: string; loai?: string; tu?: string; den?: string; truoc?: string };
const PAGE_SIZE = 50;
const VN_OFFSET = '+07:00';

/** Parse the filter form (dates are days in Vietnam's time zone); anything malformed is ignored, not fatal. */
function toFilter(q: Query): RecentChangesFilter {
  const filter: RecentChangesFilter = { limit: PAGE_SIZE };
  const authorId = param(recordId, q.nguoi);
  if (authorId !== undefined) filter.authorId = authorId;
  if (isOneOf(ITEM_TYPES, q.loai)) filter.itemType = q.loai;
  const from = param(isoDay, q.tu);
  if (from) filter.from = new Date(`${from}T00:00:00${VN_OFFSET}`);
  const to = param(isoDay, q.den);
  if (to) {
    const end = new Date(`${to}T00:00:00${VN_OFFSET}`);
    end.setUTCDate(end.getUTCDate() + 1);
    filter.to = end;
  }
  const m = typeof q.truoc === 'string' ? /^(.{1,40})_(\d{1,10})$/.exec(q.truoc) : null;
  const beforeId = param(recordId, m?.[2]);
  if (m && beforeId !== undefined && !Number.isNaN(Date.parse(m[1]!))) filter.before = { createdAt: new Date(m[1]!).toISOString(), id: beforeId };
  return filter;
}

export default async function RecentChangesPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireStaffPage('editor');
  const q = await searchParams;
  const [{ rows, next }, authors] = await Promise.all([listRecentChanges(toFilter(q)), listRevisionAuthors()]);
  const nextQuery = next ? new URLSearchParams({ ...stripEmpty(q), truoc: `${next.createdAt}_${next.id}` }).toString() : null;

  return (
    <>
      <h1>Thay đổi gần đây</h1>
      <form method="get" className="filters" aria-label="Lọc thay đổi">
        <div className="field">
          <label htmlFor="f-nguoi">Người sửa</label>
          <select id="f-nguoi" name="nguoi" defaultValue={q.nguoi ?? ''}>
            <option value="">Tất cả</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-loai">Loại mục</label>
          <select id="f-loai" name="loai" defaultValue={q.loai ?? ''}>
            <option value="">Tất cả</option>
            {Object.entries(ITEM_TYPE_LABELS).map(([t, label]) => (
              <option key={t} value={t}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-tu">Từ ngày</label>
          <input id="f-tu" type="date" name="tu" defaultValue={q.tu ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-den">Đến ngày</label>
          <input id="f-den" type="date" name="den" defaultValue={q.den ?? ''} />
        </div>
        <button type="submit">Lọc</button> <Link href="/quan-tri/thay-doi">Bỏ lọc</Link>
      </form>

      {rows.length === 0 ? (
        <p className="notice">Không có thay đổi nào khớp bộ lọc.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Mới nhất trước{q.truoc ? ' (trang tiếp)' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Thời điểm</th>
                <th scope="col">Mục</th>
                <th scope="col">Thao tác</th>
                <th scope="col">Người sửa</th>
                <th scope="col">Lý do</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <th scope="row">
                    <Link href={`${historyHref(r.itemType, r.itemId)}?den=${r.id}${r.previousId ? `&tu=${r.previousId}` : ''}`}>{r.itemLabel}</Link>
                    <div className="note">
                      {ITEM_TYPE_LABELS[r.itemType]} · phiên bản {r.revisionNo}
                    </div>
                  </th>
                  <td>{REVISION_ACTION_LABELS[r.action]}</td>
                  <td>{r.authorName}</td>
                  <td>
                    <span className="badge badge-chua_xac_dinh">{REASON_KIND_LABELS[r.reasonKind]}</span> {r.reasonText}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Phân trang">
        <p>
          {q.truoc ? <Link href={`/quan-tri/thay-doi?${new URLSearchParams(stripEmpty({ ...q, truoc: undefined })).toString()}`}>« Mới nhất</Link> : null}
          {q.truoc && nextQuery ? ' · ' : null}
          {nextQuery ? <Link href={`/quan-tri/thay-doi?${nextQuery}`}>Cũ hơn »</Link> : null}
        </p>
      </nav>
    </>
  );
}

function stripEmpty(q: Query): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}
