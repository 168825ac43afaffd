import 'server-only';
/**
 * Published history for readers: what changed, when and why. Selects the
 * public columns of `revisions` only — never who made a change (authorId,
 * authorName are staff identity) nor the hash chain, except the report's head (the newest
 * link of the report chain), which is published on purpose so that anyone can keep a copy.
 */
import { and, desc, eq, inArray, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { reports, revisions, type Revision } from '../schema';
import { findReportHead as reportHeadAt, type ReportHead } from '../history';

export type PublicItemType = Revision['itemType'];

export type PublicChange = {
  id: number;
  itemType: PublicItemType;
  /** Indicator code, section slug, entity slug or report slug at the time. */
  itemKey: string;
  itemLabel: string;
  revisionNo: number;
  action: Revision['action'];
  reasonKind: Revision['reasonKind'];
  reasonText: string;
  createdAt: string;
  /** The item's own previous revision; null for its first. */
  previousRevisionId: number | null;
  /** The item after the change (null after a delete) and before it (null before its first revision). */
  snapshot: Record<string, unknown> | null;
  previousSnapshot: Record<string, unknown> | null;
};

/** The only columns read here. Adding a column is a decision: it is shown to the public. */
const publicColumns = {
  id: revisions.id,
  itemType: revisions.itemType,
  itemKey: revisions.itemKey,
  itemLabel: revisions.itemLabel,
  revisionNo: revisions.revisionNo,
  action: revisions.action,
  reasonKind: revisions.reasonKind,
  reasonText: revisions.reasonText,
  createdAt: revisions.createdAt,
  previousId: revisions.previousId,
  snapshot: revisions.snapshot,
};

type Row = {
  id: number;
  itemType: PublicItemType;
  itemKey: string;
  itemLabel: string;
  revisionNo: number;
  action: Revision['action'];
  reasonKind: Revision['reasonKind'];
  reasonText: string;
  createdAt: Date;
  previousId: number | null;
  snapshot: Record<string, unknown> | null;
};

async function reportIdOf(slug: string, db: DbOrTx): Promise<number | null> {
  const [row] = await db.select({ id: reports.id }).from(reports).where(eq(reports.slug, slug));
  return row?.id ?? null;
}

/** Rows with the snapshot each one replaced, fetched in one more query. */
async function withPrevious(rows: Row[], db: DbOrTx): Promise<PublicChange[]> {
  const ids = [...new Set(rows.map((r) => r.previousId).filter((id): id is number => id !== null))];
  const previous = ids.length
    ? await db.select({ id: revisions.id, snapshot: revisions.snapshot }).from(revisions).where(inArray(revisions.id, ids))
    : [];
  const byId = new Map(previous.map((p) => [p.id, p.snapshot ?? null]));
  return rows.map((r) => ({
    id: r.id,
    itemType: r.itemType,
    itemKey: r.itemKey,
    itemLabel: r.itemLabel,
    revisionNo: r.revisionNo,
    action: r.action,
    reasonKind: r.reasonKind,
    reasonText: r.reasonText,
    createdAt: r.createdAt.toISOString(),
    previousRevisionId: r.previousId,
    snapshot: r.snapshot ?? null,
    previousSnapshot: r.previousId !== null ? (byId.get(r.previousId) ?? null) : null,
  }));
}

export type PublicChangesQuery = {
  reportSlug: string;
  /** Only revisions with a smaller id (the next page). */
  before?: number;
  /** Only revisions up to this one (the report as of a moment). */
  upTo?: number;
  limit?: number;
};

/**
 * Changes published after the import, newest first, paged by revision id
 * (ids follow the order changes were committed).
 */
export async function listPublicChanges(
  { reportSlug, before, upTo, limit = 20 }: PublicChangesQuery,
  db?: DbOrTx,
): Promise<{ rows: PublicChange[]; next: number | null }> {
  const conn = db ?? (await getDb());
  const reportId = await reportIdOf(reportSlug, conn);
  if (reportId === null) return { rows: [], next: null };
  const size = Math.min(Math.max(limit, 1), 100);
  const conditions: SQL[] = [eq(revisions.reportId, reportId), ne(revisions.action, 'import')];
  if (before !== undefined) conditions.push(lt(revisions.id, before));
  if (upTo !== undefined) conditions.push(lte(revisions.id, upTo));
  const rows = await conn
    .select(publicColumns)
    .from(revisions)
    .where(and(...conditions))
    .orderBy(desc(revisions.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: await withPrevious(page, conn), next: rows.length > size && last ? last.id : null };
}

/** How many changes were published after the import (up to a moment). */
export async function countPublicChanges({ reportSlug, upTo }: { reportSlug: string; upTo?: number }, db?: DbOrTx): Promise<number> {
  const conn = db ?? (await getDb());
  const reportId = await reportIdOf(reportSlug, conn);
  if (reportId === null) return 0;
  const conditions: SQL[] = [eq(revisions.reportId, reportId), ne(revisions.action, 'import')];
  if (upTo !== undefined) conditions.push(lte(revisions.id, upTo));
  const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(revisions).where(and(...conditions));
  return row?.n ?? 0;
}

/** The import: when the source document was first published here, and as how many revisions. */
export async function findImport({ reportSlug }: { reportSlug: string }, db?: DbOrTx): Promise<{ at: string; firstId: number; lastId: number } | null> {
  const conn = db ?? (await getDb());
  const reportId = await reportIdOf(reportSlug, conn);
  if (reportId === null) return null;
  const [row] = await conn
    .select({ at: sql<string>`min(${revisions.createdAt})`, firstId: sql<number>`min(${revisions.id})::int`, lastId: sql<number>`max(${revisions.id})::int` })
    .from(revisions)
    .where(and(eq(revisions.reportId, reportId), eq(revisions.action, 'import')));
  return row && row.firstId !== null ? { at: new Date(row.at).toISOString(), firstId: row.firstId, lastId: row.lastId } : null;
}

/** Entries on one page of an item's public changelog. */
export const CHANGELOG_PAGE_SIZE = 50;

export type ItemChangelog = {
  itemType: PublicItemType;
  key: string;
  /** The item's label in its latest revision shown. */
  label: string;
  /** Whether the latest revision shown deletes the item. */
  deleted: boolean;
  /** Changes after the import, on every page together. */
  changes: number;
  /** One page, newest first, the import included (it is where the item's figures come from). */
  entries: PublicChange[];
  /** The revision number to page back from (`before`), when older entries exist. */
  older: number | null;
};

/**
 * The revisions of one item, found by its public key (indicator code, section slug), a page at
 * a time: up to `CHANGELOG_PAGE_SIZE` entries older than revision number `before` (newest first).
 * If a key was reused after a delete, the newest item with it is meant.
 */
export async function findItemChangelog(
  { reportSlug, itemType, key, upTo, before }: { reportSlug: string; itemType: 'indicator' | 'section'; key: string; upTo?: number; before?: number },
  db?: DbOrTx,
): Promise<ItemChangelog | null> {
  const conn = db ?? (await getDb());
  const reportId = await reportIdOf(reportSlug, conn);
  if (reportId === null) return null;
  const [item] = await conn
    .select({ itemId: revisions.itemId })
    .from(revisions)
    .where(and(eq(revisions.reportId, reportId), eq(revisions.itemType, itemType), eq(revisions.itemKey, key)))
    .orderBy(desc(revisions.id))
    .limit(1);
  if (!item) return null;
  const conditions: SQL[] = [eq(revisions.itemType, itemType), eq(revisions.itemId, item.itemId)];
  if (upTo !== undefined) conditions.push(lte(revisions.id, upTo));
  // The newest revision shown, and (in the same query) whether the item began as an import: only
  // ever its revision 1, so one lookup in the (item, revision number) index, not a count of its history.
  const [newest] = await conn
    .select({
      label: revisions.itemLabel,
      action: revisions.action,
      revisionNo: revisions.revisionNo,
      imports: sql<number>`(select count(*)::int from ${revisions} r where r.item_type = ${itemType} and r.item_id = ${item.itemId}
        and r.revision_no = 1 and r.action = 'import'${upTo !== undefined ? sql` and r.id <= ${upTo}` : sql``})`,
    })
    .from(revisions)
    .where(and(...conditions))
    .orderBy(desc(revisions.revisionNo))
    .limit(1);
  if (!newest) return null;
  const { imports } = newest;
  if (before !== undefined) conditions.push(lt(revisions.revisionNo, before));
  const rows = await conn
    .select(publicColumns)
    .from(revisions)
    .where(and(...conditions))
    .orderBy(desc(revisions.revisionNo))
    .limit(CHANGELOG_PAGE_SIZE + 1);
  const page = rows.slice(0, CHANGELOG_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    itemType,
    key,
    label: newest.label,
    deleted: newest.action === 'delete',
    // Revision numbers run 1…n for each item, so the newest one counts them all.
    changes: newest.revisionNo - imports,
    entries: await withPrevious(page, conn),
    older: rows.length > CHANGELOG_PAGE_SIZE && last ? last.revisionNo : null,
  };
}

/**
 * The report's published head: its newest place in the report-wide chain, or its place right
 * after revision `revisionId` (a past moment). Null for an unknown report or revision.
 */
export async function findReportHead({ slug, revisionId }: { slug: string; revisionId?: number | null }, db?: DbOrTx): Promise<ReportHead | null> {
  return reportHeadAt({ slug, revisionId }, db ?? (await getDb()));
}
