import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RevisionCompare } from '@/components/history/revision-compare';
import { findRevision, listItemRevisions } from '@/db/queries/revisions';
import { requireStaffPage } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { historyTypes, isRestorable } from '@/lib/history-routes';
import { lookup, param, recordId } from '@/lib/validations/params';
import { diffSnapshots } from '@/lib/revision-diff';
import { ITEM_TYPE_LABELS, REASON_KIND_LABELS, REVISION_ACTION_LABELS } from '@/lib/vocabulary';

type Props = { params: Promise<{ type: string; id: string }>; searchParams: Promise<{ tu?: string; den?: string; truoc?: string }> };

const PAGE_SIZE = 100;

export const metadata: Metadata = { title: 'Lịch sử thay đổi' };

export default async function ItemHistoryPage({ params, searchParams }: Props) {
  await requireStaffPage('editor');
  const [{ type, id }, query] = await Promise.all([params, searchParams]);
  const itemType = lookup(historyTypes, type);
  const itemId = param(recordId, id);
  if (!itemType || itemId === undefined) notFound();
  const beforeNo = param(recordId, query.truoc);
  const [latest] = await listItemRevisions({ itemType, itemId, limit: 1 });
  if (!latest) notFound();
  // One more than a page, to know whether there is an older page.
  const fetched = await listItemRevisions({ itemType, itemId, limit: PAGE_SIZE + 1, beforeNo });
  const list = fetched.slice(0, PAGE_SIZE);
  const older = fetched.length > PAGE_SIZE ? list[list.length - 1]!.revisionNo : null;
  if (list.length === 0) notFound();

  const newest = latest;
  const toId = param(recordId, query.den) ?? newest.id;
  const fromId = param(recordId, query.tu) ?? list[1]?.id ?? newest.id;
  const [from, to] = await Promise.all([findRevision({ id: fromId }), findRevision({ id: toId })]);
  const valid = from && to && from.itemType === itemType && to.itemType === itemType && from.itemId === itemId && to.itemId === itemId;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/quan-tri/thay-doi">Thay đổi gần đây</Link> › {ITEM_TYPE_LABELS[itemType]}
      </p>
      <h1>Lịch sử: {newest.itemLabel}</h1>
      <p>
        {newest.revisionNo} phiên bản. Mỗi thay đổi đều ghi người sửa, thời điểm và lý do; không phiên bản nào bị xoá hay sửa lại.
        {newest.action === 'delete' ? <strong> Mục này đang bị xoá — khôi phục từ một phiên bản bên dưới.</strong> : null}
      </p>

      <form method="get" aria-label="Chọn hai phiên bản để so sánh">
        <div className="table-wrap">
          <table>
            <caption>Các phiên bản, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Từ</th>
                <th scope="col">Đến</th>
                <th scope="col" className="num">Phiên bản</th>
                <th scope="col">Thời điểm</th>
                <th scope="col">Người sửa</th>
                <th scope="col">Thao tác</th>
                <th scope="col">Lý do</th>
                <th scope="col">Khôi phục</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id}>
                  <td>
                    <input type="radio" name="tu" value={r.id} defaultChecked={r.id === fromId} aria-label={`So sánh từ phiên bản ${r.revisionNo}`} />
                  </td>
                  <td>
                    <input type="radio" name="den" value={r.id} defaultChecked={r.id === toId} aria-label={`So sánh đến phiên bản ${r.revisionNo}`} />
                  </td>
                  <th scope="row" className="num">
                    {r.revisionNo}
                  </th>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{r.authorName}</td>
                  <td>{REVISION_ACTION_LABELS[r.action]}</td>
                  <td>
                    <span className="badge badge-chua_xac_dinh">{REASON_KIND_LABELS[r.reasonKind]}</span> {r.reasonText}
                  </td>
                  <td>
                    {isRestorable(itemType) && r.action !== 'delete' && r.id !== newest.id ? (
                      <Link href={`/quan-tri/khoi-phuc/${r.id}`} aria-label={`Khôi phục phiên bản ${r.revisionNo}`}>
                        Khôi phục…
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {beforeNo !== undefined ? <input type="hidden" name="truoc" value={beforeNo} /> : null}
        <p>
          <button type="submit">So sánh hai phiên bản đã chọn</button>
        </p>
      </form>
      <nav aria-label="Phân trang lịch sử">
        <p>
          {beforeNo !== undefined ? <Link href="?">« Mới nhất</Link> : null}
          {beforeNo !== undefined && older ? ' · ' : null}
          {older ? <Link href={`?truoc=${older}`}>Các phiên bản cũ hơn »</Link> : null}
        </p>
      </nav>

      <section aria-labelledby="so-sanh">
        <h2 id="so-sanh">So sánh</h2>
        {valid ? (
          <RevisionCompare
            diff={diffSnapshots(itemType, from.snapshot, to.snapshot)}
            fromLabel={`phiên bản ${from.revisionNo} (${formatDateTime(from.createdAt)})`}
            toLabel={`phiên bản ${to.revisionNo} (${formatDateTime(to.createdAt)})`}
          />
        ) : (
          <p className="notice">Chọn hai phiên bản của mục này để so sánh.</p>
        )}
      </section>
    </>
  );
}
