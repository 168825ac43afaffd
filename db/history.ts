/**
 * Writing and checking history. No `server-only` here: the seed script and
 * `npm run verify-history` use it outside Next.js.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './index';
import { revisions, type Revision } from './schema';
import { revisionHash } from '@/lib/revision-hash';
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

/**
 * Append the next revision of an item, chained to the previous one. Call it
 * inside the transaction of the change it records, after the row is locked.
 */
export async function appendRevision(input: AppendRevision, tx: DbOrTx): Promise<Revision> {
  const [previous] = await tx
    .select({ id: revisions.id, revisionNo: revisions.revisionNo, hash: revisions.hash })
    .from(revisions)
    .where(and(eq(revisions.itemType, input.itemType), eq(revisions.itemId, input.itemId)))
    .orderBy(desc(revisions.revisionNo))
    .limit(1);
  // Millisecond precision, like the column, so the hash recomputes from what is stored.
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
  const [row] = await tx
    .insert(revisions)
    .values({ ...content, hash: revisionHash(content) })
    .returning();
  if (!row) throw new Error('revision insert returned nothing');
  return row;
}

export type HistoryCheck =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      broken: { revisionId: number; itemType: ItemType; itemKey: string; revisionNo: number; problem: string };
    };

/**
 * Recompute every revision's hash and its link to the previous revision of the
 * same item. Reports the first broken link in (item, revision number) order.
 */
export async function verifyHistory(conn: DbOrTx, { batchSize = 2000 }: { batchSize?: number } = {}): Promise<HistoryCheck> {
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
      const broken = (problem: string): HistoryCheck => ({
        ok: false,
        checked,
        broken: { revisionId: row.id, itemType: row.itemType, itemKey: row.itemKey, revisionNo: row.revisionNo, problem },
      });
      if (row.revisionNo !== expectedNo) return broken(`số thứ tự phiên bản nhảy từ ${expectedNo - 1} lên ${row.revisionNo}`);
      if ((row.previousId ?? null) !== (sameItem ? previous!.id : null) || (row.previousHash ?? null) !== (sameItem ? previous!.hash : null)) {
        return broken('không khớp với phiên bản trước');
      }
      const { id: _id, hash, ...content } = row;
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

