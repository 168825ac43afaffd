/**
 * Writing and checking history. No `server-only` here: the seed script and
 * `npm run verify-history` use it outside Next.js.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from './index';
import { reports, revisions, type Revision } from './schema';
import { reportChainHash, revisionHash } from '@/lib/revision-hash';
import type { SavedHead } from '@/lib/report-head';
import { REASON_KIND_LABELS, type ItemType, type ReasonKind, type RevisionAction } from '@/lib/vocabulary';

export const IMPORT_REASON = REASON_KIND_LABELS.import;
export const IMPORT_AUTHOR = 'Hệ thống (nhập văn bản gốc)';

export type AppendRevision = {
  reportId: number;
  itemType: ItemType;
  itemId: number;
  itemKey: string;
  itemLabel: string;
  action: RevisionAction;
  snapshot: Record<string, unknown> | null;
  author: { id: number | null; name: string };
  reason: { kind: ReasonKind; text: string };
  now?: Date;
};

/** Appends to one report's chain take this lock (with the report id), so sequence order is commit order. */
export const REPORT_CHAIN_LOCK = 7_340_102;

/**
 * Append the next revision of an item, chained to the item's previous revision and to the
 * report's. Call it inside the transaction of the change it records, after the item's row is
 * locked: the report's lock is always taken last (item row, then report chain), and held until
 * commit, so the next append to the report reads this one as its previous. Called outside a
 * transaction, it opens one of its own.
 */
export async function appendRevision(input: AppendRevision, conn: DbOrTx): Promise<Revision> {
  return (conn as Database).transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REPORT_CHAIN_LOCK}::int, ${input.reportId}::int)`);
    const [[previous], [reportPrevious]] = await Promise.all([
      tx
        .select({ id: revisions.id, revisionNo: revisions.revisionNo, hash: revisions.hash })
        .from(revisions)
        .where(and(eq(revisions.itemType, input.itemType), eq(revisions.itemId, input.itemId)))
        .orderBy(desc(revisions.revisionNo))
        .limit(1),
      tx
        .select({ reportSeq: revisions.reportSeq, reportHash: revisions.reportHash })
        .from(revisions)
        .where(eq(revisions.reportId, input.reportId))
        .orderBy(desc(revisions.reportSeq))
        .limit(1),
    ]);
    // Read after the lock: the time follows commit order like the sequence does. Millisecond
    // precision, like the column, so the hash recomputes from what is stored.
    const createdAt = new Date((input.now ?? new Date()).getTime());
    const content = {
      reportId: input.reportId,
      itemType: input.itemType,
      itemId: input.itemId,
      itemKey: input.itemKey,
      itemLabel: input.itemLabel,
      revisionNo: (previous?.revisionNo ?? 0) + 1,
      action: input.action,
      snapshot: input.snapshot,
      authorId: input.author.id,
      authorName: input.author.name,
      reasonKind: input.reason.kind,
      reasonText: input.reason.text,
      createdAt,
      previousId: previous?.id ?? null,
      previousHash: previous?.hash ?? null,
    };
    const hash = revisionHash(content);
    const link = { reportId: input.reportId, reportSeq: (reportPrevious?.reportSeq ?? 0) + 1, reportPreviousHash: reportPrevious?.reportHash ?? null, hash };
    const [row] = await tx
      .insert(revisions)
      .values({ ...content, ...link, reportHash: reportChainHash(link) })
      .returning();
    if (!row) throw new Error('revision insert returned nothing');
    return row;
  });
}

/** A report's head: its newest revision in the report chain. Public, so anyone can keep a copy. */
export type ReportHead = { reportId: number; slug: string; seq: number; hash: string; at: string; revisionId: number };

const headColumns = {
  reportId: revisions.reportId,
  slug: reports.slug,
  seq: revisions.reportSeq,
  hash: revisions.reportHash,
  createdAt: revisions.createdAt,
  revisionId: revisions.id,
};
type HeadRow = { reportId: number; slug: string; seq: number; hash: string; createdAt: Date; revisionId: number };
const toHead = ({ createdAt, ...row }: HeadRow): ReportHead => ({ ...row, at: createdAt.toISOString() });

/** Every report's head now (for a backup to record, or a check to compare with later). */
export async function reportHeads(conn: DbOrTx): Promise<ReportHead[]> {
  const rows = await conn
    .select(headColumns)
    .from(reports)
    .innerJoin(
      revisions,
      and(eq(revisions.reportId, reports.id), eq(revisions.reportSeq, sql`(select max(r.report_seq) from revisions r where r.report_id = ${reports.id})`)),
    )
    .orderBy(asc(reports.id));
  return rows.map(toHead);
}

/**
 * The report's head as it was right after revision `revisionId` (that revision's place in the
 * chain), or now when absent. Null when the report or the revision (of that report) is unknown.
 */
export async function findReportHead({ slug, revisionId }: { slug: string; revisionId?: number | null }, conn: DbOrTx): Promise<ReportHead | null> {
  const query = conn.select(headColumns).from(revisions).innerJoin(reports, eq(reports.id, revisions.reportId));
  const [row] = revisionId
    ? await query.where(and(eq(reports.slug, slug), eq(revisions.id, revisionId)))
    : await query.where(eq(reports.slug, slug)).orderBy(desc(revisions.reportSeq)).limit(1);
  return row ? toHead(row) : null;
}

export type BrokenLink = {
  /** Which check failed: an item's chain, the report's chain, or a saved head. */
  chain: 'item' | 'report' | 'head';
  /** The revision at fault; null when a saved head names a place the history no longer has. */
  revisionId: number | null;
  itemType: ItemType | null;
  itemKey: string | null;
  revisionNo: number | null;
  reportId: number | null;
  reportSlug: string | null;
  reportSeq: number | null;
  problem: string;
};

export type HistoryCheck = { ok: true; checked: number; heads: ReportHead[] } | { ok: false; checked: number; broken: BrokenLink };

/**
 * Check the whole history, streaming in batches: every revision's hash and its link to the
 * previous revision of the same item (in item order), then every report's chain (in sequence
 * order: 1, 2, 3… with no gap, ids rising, each link and hash recomputed), then the saved
 * `heads`, if any: each must still be in its report's chain with the same hash, so the history
 * has only grown since. Names the first broken link.
 */
export async function verifyHistory(
  conn: DbOrTx,
  { batchSize = 2000, heads: saved = [] }: { batchSize?: number; heads?: SavedHead[] } = {},
): Promise<HistoryCheck> {
  const slugs = new Map((await conn.select({ id: reports.id, slug: reports.slug }).from(reports)).map((r) => [r.id, r.slug]));
  const items = await verifyItemChains(conn, batchSize, slugs);
  if (!items.ok) return items;
  const chains = await verifyReportChains(conn, batchSize, slugs);
  if (!chains.ok) return chains;
  const heads = await reportHeads(conn);
  for (const head of saved) {
    const problem = await checkSavedHead(conn, head, heads);
    if (problem) return { ok: false, checked: chains.checked, broken: problem };
  }
  return { ok: true, checked: items.checked, heads };
}

type Failure = { ok: false; checked: number; broken: BrokenLink };
type Pass = { ok: true; checked: number } | Failure;

function brokenAt(
  chain: BrokenLink['chain'],
  row: Pick<Revision, 'id' | 'itemType' | 'itemKey' | 'revisionNo' | 'reportId' | 'reportSeq'>,
  slugs: Map<number, string>,
  checked: number,
  problem: string,
): Failure {
  return {
    ok: false,
    checked,
    broken: {
      chain,
      revisionId: row.id,
      itemType: row.itemType,
      itemKey: row.itemKey,
      revisionNo: row.revisionNo,
      reportId: row.reportId,
      reportSlug: slugs.get(row.reportId) ?? null,
      reportSeq: row.reportSeq,
      problem,
    },
  };
}

async function verifyItemChains(conn: DbOrTx, batchSize: number, slugs: Map<number, string>): Promise<Pass> {
  let checked = 0;
  type Cursor = { itemType: ItemType; itemId: number; revisionNo: number };
  let cursor: Cursor | null = null;
  let previous: Revision | null = null;
  for (;;) {
    const c: Cursor | null = cursor;
    const after: SQL | undefined = c
      ? sql`(${revisions.itemType}::text, ${revisions.itemId}, ${revisions.revisionNo}) > (${c.itemType}::text, ${c.itemId}, ${c.revisionNo})`
      : undefined;
    const batch: Revision[] = await conn
      .select()
      .from(revisions)
      .where(after)
      .orderBy(sql`${revisions.itemType}::text`, asc(revisions.itemId), asc(revisions.revisionNo))
      .limit(batchSize);
    for (const row of batch) {
      const sameItem = previous && previous.itemType === row.itemType && previous.itemId === row.itemId;
      const expectedNo = sameItem ? previous!.revisionNo + 1 : 1;
      const broken = (problem: string) => brokenAt('item', row, slugs, checked, problem);
      if (row.revisionNo !== expectedNo) return broken(`số thứ tự phiên bản nhảy từ ${expectedNo - 1} lên ${row.revisionNo}`);
      if ((row.previousId ?? null) !== (sameItem ? previous!.id : null) || (row.previousHash ?? null) !== (sameItem ? previous!.hash : null)) {
        return broken('không khớp với phiên bản trước');
      }
      const { id: _id, hash, reportSeq: _seq, reportPreviousHash: _previous, reportHash: _reportHash, ...content } = row;
      if (revisionHash({ ...content, snapshot: content.snapshot ?? null }) !== hash) {
        return broken('nội dung đã bị thay đổi sau khi ghi (mã băm không khớp)');
      }
      checked += 1;
      previous = row;
    }
    if (batch.length < batchSize) return { ok: true, checked };
    const last: Revision = batch[batch.length - 1]!;
    cursor = { itemType: last.itemType, itemId: last.itemId, revisionNo: last.revisionNo };
  }
}

async function verifyReportChains(conn: DbOrTx, batchSize: number, slugs: Map<number, string>): Promise<Pass> {
  const columns = {
    id: revisions.id,
    itemType: revisions.itemType,
    itemKey: revisions.itemKey,
    revisionNo: revisions.revisionNo,
    reportId: revisions.reportId,
    reportSeq: revisions.reportSeq,
    reportPreviousHash: revisions.reportPreviousHash,
    reportHash: revisions.reportHash,
    hash: revisions.hash,
  };
  type Link = Pick<Revision, keyof typeof columns>;
  let checked = 0;
  let previous: Link | null = null;
  for (;;) {
    const p: Link | null = previous;
    const after: SQL | undefined = p ? sql`(${revisions.reportId}, ${revisions.reportSeq}) > (${p.reportId}, ${p.reportSeq})` : undefined;
    const batch: Link[] = await conn.select(columns).from(revisions).where(after).orderBy(asc(revisions.reportId), asc(revisions.reportSeq)).limit(batchSize);
    for (const row of batch) {
      const sameReport = previous !== null && previous.reportId === row.reportId;
      const broken = (problem: string) => brokenAt('report', row, slugs, checked, problem);
      if (!sameReport && row.reportSeq !== 1) {
        return broken(`chuỗi của báo cáo bắt đầu ở số thứ tự ${row.reportSeq} thay vì 1: thiếu ${row.reportSeq - 1} phiên bản đầu`);
      }
      if (sameReport && row.reportSeq !== previous!.reportSeq + 1) {
        const missing = row.reportSeq - previous!.reportSeq - 1;
        return broken(`số thứ tự trong báo cáo nhảy từ ${previous!.reportSeq} lên ${row.reportSeq}: thiếu ${missing} phiên bản`);
      }
      if (sameReport && row.id <= previous!.id) {
        return broken(`thứ tự trong báo cáo bị đảo: phiên bản #${row.id} đứng sau #${previous!.id}`);
      }
      if ((row.reportPreviousHash ?? null) !== (sameReport ? previous!.reportHash : null)) {
        return broken('không khớp với phiên bản trước của báo cáo');
      }
      if (reportChainHash(row) !== row.reportHash) {
        return broken('mã băm trong chuỗi của báo cáo không khớp (phiên bản bị sửa, thay hoặc đổi chỗ)');
      }
      checked += 1;
      previous = row;
    }
    if (batch.length < batchSize) return { ok: true, checked };
  }
}

async function checkSavedHead(conn: DbOrTx, head: SavedHead, now: ReportHead[]): Promise<BrokenLink | null> {
  const current = now.find((h) => h.slug === head.slug);
  const base = { chain: 'head' as const, itemType: null, itemKey: null, revisionNo: null, reportSlug: head.slug, reportSeq: head.seq };
  if (!current) return { ...base, revisionId: null, reportId: null, problem: `không có báo cáo “${head.slug}” hoặc báo cáo không còn phiên bản nào` };
  const [row] = await conn
    .select()
    .from(revisions)
    .where(and(eq(revisions.reportId, current.reportId), eq(revisions.reportSeq, head.seq)));
  if (!row) {
    return {
      ...base,
      revisionId: null,
      reportId: current.reportId,
      problem: `đầu chuỗi đã lưu (số thứ tự ${head.seq}) không còn trong lịch sử, lịch sử hiện chỉ đến số ${current.seq}: các phiên bản sau số ${current.seq} đã bị xoá`,
    };
  }
  if (row.reportHash !== head.hash) {
    return {
      ...base,
      revisionId: row.id,
      itemType: row.itemType,
      itemKey: row.itemKey,
      revisionNo: row.revisionNo,
      reportId: current.reportId,
      problem: `mã băm ở số thứ tự ${head.seq} khác với đầu chuỗi đã lưu (${head.hash.slice(0, 12)}… ≠ ${row.reportHash.slice(0, 12)}…): lịch sử đến đó đã bị viết lại`,
    };
  }
  return null;
}

/** The first broken link in words, for the operator (verify-history, restore). */
export function describeBrokenLink(b: BrokenLink): string {
  const where = [
    b.revisionId !== null ? `revision #${b.revisionId}` : null,
    b.itemType ? `${b.itemType} "${b.itemKey}", phiên bản ${b.revisionNo}` : null,
    b.reportSlug ? `báo cáo "${b.reportSlug}"${b.reportSeq !== null ? `, số thứ tự ${b.reportSeq}` : ''}` : null,
  ].filter(Boolean);
  const chain = { item: 'chuỗi của mục (item chain)', report: 'chuỗi của báo cáo (report chain)', head: 'đầu chuỗi đã lưu (saved head)' }[b.chain];
  return `GÃY (BROKEN) — ${chain} — tại ${where.join('; ')} — ${b.problem}.`;
}
