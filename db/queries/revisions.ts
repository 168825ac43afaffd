import 'server-only';
import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { revisions, users, type Revision } from '../schema';
import { verifyHistory as verifyHistoryChain } from '../history';
import type { ItemType } from '@/lib/vocabulary';

export type { ItemType, ReasonKind, RevisionAction } from '@/lib/vocabulary';
export { IMPORT_AUTHOR, IMPORT_REASON, type HistoryCheck } from '../history';

export type RevisionSummary = Omit<Revision, 'snapshot' | 'createdAt'> & { createdAt: string };

function summarise(r: Omit<Revision, 'snapshot'>): RevisionSummary {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

const summaryColumns = {
  id: revisions.id,
  reportId: revisions.reportId,
  itemType: revisions.itemType,
  itemId: revisions.itemId,
  itemKey: revisions.itemKey,
  itemLabel: revisions.itemLabel,
  revisionNo: revisions.revisionNo,
  action: revisions.action,
  authorId: revisions.authorId,
  authorName: revisions.authorName,
  reasonKind: revisions.reasonKind,
  reasonText: revisions.reasonText,
  createdAt: revisions.createdAt,
  previousId: revisions.previousId,
  previousHash: revisions.previousHash,
  hash: revisions.hash,
  reportSeq: revisions.reportSeq,
  reportPreviousHash: revisions.reportPreviousHash,
  reportHash: revisions.reportHash,
};

/** Revisions of one item, newest first; `beforeNo` pages back through a long history. */
export async function listItemRevisions(
  { itemType, itemId, limit = 100, beforeNo }: { itemType: ItemType; itemId: number; limit?: number; beforeNo?: number },
  db?: DbOrTx,
): Promise<RevisionSummary[]> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select(summaryColumns)
    .from(revisions)
    .where(
      and(
        eq(revisions.itemType, itemType),
        eq(revisions.itemId, itemId),
        beforeNo !== undefined ? lt(revisions.revisionNo, beforeNo) : undefined,
      ),
    )
    .orderBy(desc(revisions.revisionNo))
    .limit(limit);
  return rows.map(summarise);
}

export type RevisionDetail = RevisionSummary & { snapshot: Record<string, unknown> | null };

export async function findRevision({ id }: { id: number }, db?: DbOrTx): Promise<RevisionDetail | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(revisions).where(eq(revisions.id, id));
  return row ? { ...summarise(row), snapshot: row.snapshot ?? null } : null;
}

/** The latest revision of an item, i.e. its current recorded state. */
export async function findLatestRevision(
  { itemType, itemId }: { itemType: ItemType; itemId: number },
  db?: DbOrTx,
): Promise<RevisionDetail | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select()
    .from(revisions)
    .where(and(eq(revisions.itemType, itemType), eq(revisions.itemId, itemId)))
    .orderBy(desc(revisions.revisionNo))
    .limit(1);
  return row ? { ...summarise(row), snapshot: row.snapshot ?? null } : null;
}

export type RecentChangesFilter = {
  authorId?: number;
  itemType?: ItemType;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  /** Keyset cursor: the (createdAt, id) of the last row of the previous page. */
  before?: { createdAt: string; id: number };
  limit?: number;
};

/**
 * Site-wide revisions, newest first, filtered and paged by keyset on
 * (created_at, id) so page 500 costs what page 1 does.
 */
export async function listRecentChanges(
  filter: RecentChangesFilter,
  db?: DbOrTx,
): Promise<{ rows: RevisionSummary[]; next: { createdAt: string; id: number } | null }> {
  const conn = db ?? (await getDb());
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const conditions: SQL[] = [];
  if (filter.authorId !== undefined) conditions.push(eq(revisions.authorId, filter.authorId));
  if (filter.itemType) conditions.push(eq(revisions.itemType, filter.itemType));
  if (filter.from) conditions.push(gte(revisions.createdAt, filter.from));
  if (filter.to) conditions.push(lt(revisions.createdAt, filter.to));
  if (filter.before) {
    const at = new Date(filter.before.createdAt);
    conditions.push(or(lt(revisions.createdAt, at), and(eq(revisions.createdAt, at), lt(revisions.id, filter.before.id)))!);
  }
  const rows = await conn
    .select(summaryColumns)
    .from(revisions)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(summarise);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/** People who have authored revisions, for the recent-changes filter. */
export async function listRevisionAuthors(db?: DbOrTx): Promise<Array<{ id: number; name: string }>> {
  const conn = db ?? (await getDb());
  return conn
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(sql`exists (select 1 from ${revisions} where ${revisions.authorId} = ${users.id})`)
    .orderBy(asc(users.displayName));
}

/** Recompute the whole hash chain (see db/history.ts). */
export async function verifyHistory(db?: DbOrTx) {
  return verifyHistoryChain(db ?? (await getDb()));
}
