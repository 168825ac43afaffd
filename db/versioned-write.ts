import 'server-only';
/**
 * The one save protocol. Every save, creation, deletion and restore of every item type
 * goes through `versionedWrite`, which owns the order of the steps:
 *
 *   check the actor → find the report → lock the row → snapshot → compare versions
 *   (conflict) → no-change check → write (bumping the version) → append the revision
 *   → the tags to clear
 *
 * all in one transaction. An item type is a description (`ItemKind`): how to lock, snapshot
 * and write its rows, and which cached reads show it. A new item type is a new description.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb, type Database, type Tx } from './index';
import { appendRevision } from './history';
import { assertActor, type ActorRef } from './permissions';
import { reports, type Revision } from './schema';
import type { Invalidation } from './cache-tags';
import { ConflictError, InvalidError, isDatabaseUnavailable, isUniqueViolation, NotFoundError, OutcomeUnknownError } from '@/lib/errors';
import { canonicalJson } from '@/lib/revision-hash';
import { securityLog } from '@/lib/security-log';
import type { Reason } from '@/lib/validations/reason';

export type ItemType = Revision['itemType'];
export type Locked = { id: number; version: number };

/** How one item type is stored. `S` is its snapshot (as kept in revisions), `F` the fields a write sets. */
export interface ItemKind<S, F> {
  type: ItemType;
  lockByKey(reportId: number, key: string, tx: Tx): Promise<Locked | null>;
  lockById(id: number, tx: Tx): Promise<Locked | null>;
  snapshot(id: number, tx: Tx): Promise<S | null>;
  /** The snapshot `before` would become with `fields` written: compared with `before` for "no change". */
  merge(before: S, fields: F): S;
  keyOf(snapshot: S): string;
  /** The key a write of `fields` gives the item (checked for duplicates before an insert). */
  keyOfFields(fields: F): string;
  labelOf(snapshot: S): string;
  /** Write `fields` over row `id` with `bump(…)` (next version, time); returns the new version. */
  update(id: number, fields: F, tx: Tx): Promise<number>;
  /** Insert a row (with `id` when bringing a deleted item back); returns its id and version. Absent: not created here. */
  insert?(reportId: number, fields: F, tx: Tx, id?: number): Promise<Locked>;
  /** Absent: the item type is not deleted here. */
  remove?(id: number, tx: Tx): Promise<void>;
  /** Whether a restore may bring a deleted row back; otherwise restoring a deleted item is "not found". */
  recreatable: boolean;
  /** The error when the item's key is already taken by another row (create, or a restore that recreates). */
  duplicate(key: string): InvalidError;
  notFound?: string;
  /** Which cached reads show the item, under any of its keys (before and after the write). */
  invalidates(reportSlug: string, item: { id: number; keys: string[]; action: WriteOp<F>['action'] }, tx: Tx): Promise<Invalidation>;
}

/** The columns every update sets: the next version and the time. */
export function bump(version: AnyPgColumn): { version: SQL<number>; updatedAt: Date } {
  return { version: sql<number>`${version} + 1`, updatedAt: new Date() };
}

/** Thrown when a save would store exactly what is already there. */
export class NoChangeError extends InvalidError {
  constructor() {
    super('Không có thay đổi nào so với phiên bản hiện tại, nên không có gì để lưu.');
    this.name = 'NoChangeError';
  }
}

/** Conflict payload: what is stored now, to show beside the user's own text. */
export type Conflict<S> = { version: number; snapshot: S | null };

export type EditResult = { version: number; revisionId: number; itemId: number; itemKey: string; invalidate: Invalidation };

/** Where the item is: by its key in a report (the forms), or by id (a restore, from a revision). */
export type Target = { reportSlug: string; key: string } | { reportId: number; id: number };

export type WriteOp<F> =
  | { action: 'create'; target: { reportSlug: string; key: string }; fields: F }
  | { action: 'update' | 'restore'; target: Target; version: number; fields: F }
  | { action: 'delete'; target: Target; version: number };

type Write<F> = WriteOp<F> & { reason: Reason; actor: ActorRef };

async function findReport(target: Target, tx: Tx): Promise<{ id: number; slug: string }> {
  const [row] = await tx
    .select({ id: reports.id, slug: reports.slug })
    .from(reports)
    .where('reportSlug' in target ? eq(reports.slug, target.reportSlug) : eq(reports.id, target.reportId));
  if (!row) throw new NotFoundError('Không tìm thấy báo cáo.');
  return row;
}

/** Run one write of one item through the protocol. */
export async function versionedWrite<S, F>(item: ItemKind<S, F>, op: Write<F>, db?: Database): Promise<EditResult> {
  const conn = db ?? (await getDb());
  const { target } = op;
  let result: EditResult;
  // Set once every statement succeeded: from then on only the COMMIT is outstanding.
  let committing = false;
  try {
    result = await conn.transaction(async (tx) => {
      const actor = await assertActor(op.actor, 'editor', tx);
      const report = await findReport(target, tx);
      const locked = 'key' in target ? await item.lockByKey(report.id, target.key, tx) : await item.lockById(target.id, tx);
      const before = locked ? await item.snapshot(locked.id, tx) : null;

      if (op.action === 'create') {
        if (locked) throw item.duplicate(op.target.key);
      } else {
        if (!locked && (op.action !== 'restore' || !item.recreatable)) throw new NotFoundError(item.notFound);
        const current = locked?.version ?? 0;
        if (current !== op.version) throw new ConflictError<Conflict<S>>({ version: current, snapshot: before });
      }
      if (op.action !== 'delete' && before && canonicalJson(before) === canonicalJson(item.merge(before, op.fields))) {
        throw new NoChangeError();
      }

      let id: number;
      let version: number;
      if (op.action === 'delete') {
        if (!item.remove) throw new InvalidError('Không thể xoá loại mục này.');
        id = locked!.id;
        version = 0;
        await item.remove(id, tx);
      } else if (locked) {
        id = locked.id;
        version = await item.update(id, op.fields, tx);
      } else {
        if (!item.insert) throw new NotFoundError(item.notFound);
        const key = item.keyOfFields(op.fields);
        if (op.action === 'restore' && (await item.lockByKey(report.id, key, tx))) throw item.duplicate(key);
        ({ id, version } = await item.insert(report.id, op.fields, tx, 'id' in target ? target.id : undefined));
      }

      const after = op.action === 'delete' ? null : await item.snapshot(id, tx);
      const shown = (after ?? before)!;
      const revision = await appendRevision(
        {
          reportId: report.id,
          itemType: item.type,
          itemId: id,
          itemKey: item.keyOf(shown),
          itemLabel: item.labelOf(shown),
          action: op.action,
          snapshot: after as Record<string, unknown> | null,
          author: { id: actor.userId, name: actor.displayName },
          reason: op.reason,
        },
        tx,
      );
      const keys = [...new Set([before, after].filter((s): s is NonNullable<typeof s> => s !== null).map((s) => item.keyOf(s)))];
      const invalidate = await item.invalidates(report.slug, { id, keys, action: op.action }, tx);
      committing = true;
      return { version, revisionId: revision.id, itemId: id, itemKey: item.keyOf(shown), invalidate };
    });
  } catch (error) {
    // The database went away with the COMMIT sent (or about to be): it may have committed.
    if (committing && isDatabaseUnavailable(error)) throw new OutcomeUnknownError(error);
    // Two people creating (or bringing back) the same key at once: the second insert waits for
    // the first to commit, then fails on the unique index. Same message as the check above.
    if (isUniqueViolation(error) && (op.action === 'create' || op.action === 'restore')) throw item.duplicate(item.keyOfFields(op.fields));
    throw error;
  }
  // Logged once committed (a rolled-back write is not a write).
  securityLog.staffWrite({
    actorId: op.actor.userId,
    action: op.action,
    itemType: item.type,
    itemId: result.itemId,
    itemKey: result.itemKey,
    revisionId: result.revisionId,
  });
  return result;
}
