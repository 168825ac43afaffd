import 'server-only';
/**
 * Every write to report content. Each one re-checks the actor inside its
 * transaction, refuses a save based on an old version, and appends the
 * revision in the same transaction as the change.
 */
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Database, type Tx } from '../index';
import { appendRevision } from '../history';
import { indicators, reports, revisions, sections, type Revision } from '../schema';
import {
  indicatorSnapshot,
  replaceIndicatorValues,
  sectionSnapshot,
  snapshotTranslations,
  type IndicatorSnapshot,
  type SectionSnapshot,
} from '../snapshots';
import { tags } from './tags';
import { assertActor, type Actor } from '@/lib/auth';
import { canonicalJson } from '@/lib/revision-hash';
import { ConflictError, InvalidError, NotFoundError } from '@/lib/errors';
import { normalizeTranslations } from '@/lib/i18n/content';
import type { IndicatorCreate, IndicatorEdit } from '@/lib/validations/indicator';
import type { Reason } from '@/lib/validations/reason';
import type { SectionEdit } from '@/lib/validations/section';

export type EditResult = { version: number; revisionId: number; invalidate: string[] };

/** Conflict payload: what is stored now, to show beside the user's own text. */
export type IndicatorConflict = { version: number; snapshot: IndicatorSnapshot | null };
export type SectionConflict = { version: number; snapshot: SectionSnapshot | null };

/** Thrown when a save would store exactly what is already there. */
export class NoChangeError extends InvalidError {
  constructor() {
    super('Không có thay đổi nào so với phiên bản hiện tại, nên không có gì để lưu.');
    this.name = 'NoChangeError';
  }
}

export class DuplicateCodeError extends InvalidError {
  constructor(code: string) {
    const message = `Mã “${code}” đã được dùng cho một chỉ tiêu khác.`;
    super(message, { code: [message] });
    this.name = 'DuplicateCodeError';
  }
}

const author = (actor: Actor) => ({ id: actor.userId, name: actor.displayName });

async function reportIdOf(slug: string, tx: Tx): Promise<number> {
  const [row] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.slug, slug));
  if (!row) throw new NotFoundError('Không tìm thấy báo cáo.');
  return row.id;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

async function lockIndicator(reportId: number, code: string, tx: Tx) {
  const [row] = await tx
    .select({ id: indicators.id, version: indicators.version })
    .from(indicators)
    .where(and(eq(indicators.reportId, reportId), eq(indicators.code, code)))
    .for('update');
  return row ?? null;
}

// The report tag too: public pages cite the latest revision of the report they show.
const indicatorTags = (reportSlug: string, code: string) => [tags.indicator(reportSlug, code), tags.indicators(reportSlug), tags.report(reportSlug)];

/** The indicator's own columns, from an edit or from a snapshot being restored. */
function indicatorRow(fields: Omit<IndicatorEdit, 'values' | 'reason' | 'version'> | IndicatorSnapshot) {
  return {
    name: fields.name,
    area: fields.area,
    unit: fields.unit,
    status: fields.status,
    statusNote: fields.statusNote,
    namedAsKeyIndicator: fields.namedAsKeyIndicator,
    targetComparison: fields.targetComparison,
    baselineComparison: fields.baselineComparison,
    sourceSentence: fields.sourceSentence,
    note: fields.note,
    translations: normalizeTranslations(fields.translations),
  };
}

export async function saveIndicator(
  { reportSlug, code, edit }: { reportSlug: string; code: string; edit: IndicatorEdit },
  actor: Actor,
  db?: Database,
): Promise<EditResult> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    await assertActor(actor, 'editor', tx);
    const reportId = await reportIdOf(reportSlug, tx);
    const locked = await lockIndicator(reportId, code, tx);
    if (!locked) throw new NotFoundError();
    const before = await indicatorSnapshot(locked.id, tx);
    if (locked.version !== edit.version) {
      throw new ConflictError<IndicatorConflict>({ version: locked.version, snapshot: before });
    }
    const { values, reason, version: _version, ...fields } = edit;
    const next: IndicatorSnapshot = { ...before!, ...indicatorRow(fields), values: sortValues(values) };
    if (same(before, next)) throw new NoChangeError();

    const [updated] = await tx
      .update(indicators)
      .set({ ...indicatorRow(fields), version: sql`${indicators.version} + 1`, updatedAt: new Date() })
      .where(eq(indicators.id, locked.id))
      .returning({ version: indicators.version });
    await replaceIndicatorValues(locked.id, next.values, tx);
    const revision = await appendRevision(
      {
        reportId,
        itemType: 'indicator',
        itemId: locked.id,
        itemKey: code,
        itemLabel: fields.name,
        action: 'update',
        snapshot: await indicatorSnapshot(locked.id, tx),
        author: author(actor),
        reason,
      },
      tx,
    );
    return { version: updated!.version, revisionId: revision.id, invalidate: indicatorTags(reportSlug, code) };
  });
}

function sortValues(values: IndicatorEdit['values']): IndicatorSnapshot['values'] {
  return [...values].sort((a, b) => a.role.localeCompare(b.role) || a.year - b.year);
}

export async function createIndicator(
  { reportSlug, input }: { reportSlug: string; input: IndicatorCreate },
  actor: Actor,
  db?: Database,
): Promise<EditResult & { code: string }> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    await assertActor(actor, 'editor', tx);
    const reportId = await reportIdOf(reportSlug, tx);
    if (await lockIndicator(reportId, input.code, tx)) throw new DuplicateCodeError(input.code);
    const { values, reason, code, ...fields } = input;
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${indicators.position}), -1) + 1` })
      .from(indicators)
      .where(eq(indicators.reportId, reportId))) as [{ next: number }];
    const [row] = await tx
      .insert(indicators)
      .values({ reportId, code, position: Number(next), ...indicatorRow(fields) })
      .returning({ id: indicators.id, version: indicators.version });
    await replaceIndicatorValues(row!.id, sortValues(values), tx);
    const revision = await appendRevision(
      {
        reportId,
        itemType: 'indicator',
        itemId: row!.id,
        itemKey: code,
        itemLabel: fields.name,
        action: 'create',
        snapshot: await indicatorSnapshot(row!.id, tx),
        author: author(actor),
        reason,
      },
      tx,
    );
    return { code, version: row!.version, revisionId: revision.id, invalidate: indicatorTags(reportSlug, code) };
  });
}

export async function deleteIndicator(
  { reportSlug, code, version, reason }: { reportSlug: string; code: string; version: number; reason: Reason },
  actor: Actor,
  db?: Database,
): Promise<EditResult> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    await assertActor(actor, 'editor', tx);
    const reportId = await reportIdOf(reportSlug, tx);
    const locked = await lockIndicator(reportId, code, tx);
    if (!locked) throw new NotFoundError();
    const before = await indicatorSnapshot(locked.id, tx);
    if (locked.version !== version) throw new ConflictError<IndicatorConflict>({ version: locked.version, snapshot: before });
    await tx.delete(indicators).where(eq(indicators.id, locked.id));
    const revision = await appendRevision(
      {
        reportId,
        itemType: 'indicator',
        itemId: locked.id,
        itemKey: code,
        itemLabel: before!.name,
        action: 'delete',
        snapshot: null,
        author: author(actor),
        reason,
      },
      tx,
    );
    return { version: 0, revisionId: revision.id, invalidate: indicatorTags(reportSlug, code) };
  });
}

async function lockSection(reportId: number, slug: string, tx: Tx) {
  const [row] = await tx
    .select({ id: sections.id, version: sections.version })
    .from(sections)
    .where(and(eq(sections.reportId, reportId), eq(sections.slug, slug)))
    .for('update');
  return row ?? null;
}

/** Tags a section edit touches: the section, every section containing it, the table of contents, entity mentions, and indicator pages that name its title. */
async function sectionTags(reportSlug: string, sectionId: number, tx: Tx): Promise<string[]> {
  const all = await tx
    .select({ id: sections.id, slug: sections.slug, parentId: sections.parentId })
    .from(sections)
    .where(eq(sections.reportId, sql`(select report_id from sections where id = ${sectionId})`));
  const byId = new Map(all.map((s) => [s.id, s]));
  const out = [tags.report(reportSlug), tags.toc(reportSlug), tags.entities(reportSlug), tags.indicators(reportSlug)];
  for (let s = byId.get(sectionId); s; s = s.parentId ? byId.get(s.parentId) : undefined) out.push(tags.section(reportSlug, s.slug));
  const linked = await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.sectionId, sectionId));
  for (const i of linked) out.push(tags.indicator(reportSlug, i.code));
  return out;
}

function sectionRow(fields: Pick<SectionSnapshot, 'title' | 'heading' | 'body'> & { translations?: unknown }) {
  return { title: fields.title, heading: fields.heading, body: fields.body, translations: normalizeTranslations(fields.translations) };
}

export async function saveSection(
  { reportSlug, slug, edit }: { reportSlug: string; slug: string; edit: SectionEdit },
  actor: Actor,
  db?: Database,
): Promise<EditResult> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    await assertActor(actor, 'editor', tx);
    const reportId = await reportIdOf(reportSlug, tx);
    const locked = await lockSection(reportId, slug, tx);
    if (!locked) throw new NotFoundError();
    const before = await sectionSnapshot(locked.id, tx);
    if (locked.version !== edit.version) throw new ConflictError<SectionConflict>({ version: locked.version, snapshot: before });
    const fields = sectionRow(edit);
    if (same(before, { ...before!, ...fields })) throw new NoChangeError();
    const [updated] = await tx
      .update(sections)
      .set({ ...fields, version: sql`${sections.version} + 1`, updatedAt: new Date() })
      .where(eq(sections.id, locked.id))
      .returning({ version: sections.version });
    const revision = await appendRevision(
      {
        reportId,
        itemType: 'section',
        itemId: locked.id,
        itemKey: slug,
        itemLabel: edit.title,
        action: 'update',
        snapshot: await sectionSnapshot(locked.id, tx),
        author: author(actor),
        reason: edit.reason,
      },
      tx,
    );
    return { version: updated!.version, revisionId: revision.id, invalidate: await sectionTags(reportSlug, locked.id, tx) };
  });
}

/**
 * Put an indicator or a section back as it was at `revisionId`. The restore
 * is a new revision; nothing is deleted. `version` is the current version the
 * user saw (0 when the item had been deleted).
 */
export async function restoreRevision(
  { revisionId, version, reason }: { revisionId: number; version: number; reason: Reason },
  actor: Actor,
  db?: Database,
): Promise<EditResult & { itemType: Revision['itemType']; itemKey: string; itemId: number }> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    await assertActor(actor, 'editor', tx);
    const [target] = await tx.select().from(revisions).where(eq(revisions.id, revisionId));
    if (!target) throw new NotFoundError('Không tìm thấy phiên bản cần khôi phục.');
    if (!target.snapshot) throw new NotFoundError('Phiên bản này ghi nhận việc xoá; hãy chọn một phiên bản có nội dung.');
    const [report] = await tx.select({ slug: reports.slug }).from(reports).where(eq(reports.id, target.reportId));
    const reportSlug = report!.slug;
    const restoreReason = { kind: reason.kind, text: `Khôi phục phiên bản ${target.revisionNo}: ${reason.text}` };

    if (target.itemType === 'indicator') {
      // A snapshot from before translations existed restores "no translation".
      const snap: IndicatorSnapshot = { ...(target.snapshot as IndicatorSnapshot), translations: snapshotTranslations(target.snapshot) };
      const [current] = await tx
        .select({ id: indicators.id, version: indicators.version })
        .from(indicators)
        .where(eq(indicators.id, target.itemId))
        .for('update');
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== version) {
        throw new ConflictError<IndicatorConflict>({
          version: currentVersion,
          snapshot: current ? await indicatorSnapshot(current.id, tx) : null,
        });
      }
      const row = indicatorRow(snap);
      let newVersion: number;
      if (current) {
        if (same(await indicatorSnapshot(current.id, tx), snap)) throw new NoChangeError();
        const [u] = await tx
          .update(indicators)
          .set({ ...row, code: snap.code, version: sql`${indicators.version} + 1`, updatedAt: new Date() })
          .where(eq(indicators.id, current.id))
          .returning({ version: indicators.version });
        newVersion = u!.version;
      } else {
        const [taken] = await tx
          .select({ id: indicators.id })
          .from(indicators)
          .where(and(eq(indicators.reportId, snap.reportId), eq(indicators.code, snap.code)));
        if (taken) throw new DuplicateCodeError(snap.code);
        const [sectionStillThere] = snap.sectionId
          ? await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, snap.sectionId))
          : [];
        const [ins] = await tx
          .insert(indicators)
          .values({
            ...row,
            id: target.itemId,
            reportId: snap.reportId,
            code: snap.code,
            position: snap.position,
            sectionId: sectionStillThere ? snap.sectionId : null,
          })
          .returning({ version: indicators.version });
        newVersion = ins!.version;
      }
      await replaceIndicatorValues(target.itemId, snap.values, tx);
      const revision = await appendRevision(
        {
          reportId: target.reportId,
          itemType: 'indicator',
          itemId: target.itemId,
          itemKey: snap.code,
          itemLabel: snap.name,
          action: 'restore',
          snapshot: await indicatorSnapshot(target.itemId, tx),
          author: author(actor),
          reason: restoreReason,
        },
        tx,
      );
      const invalidate = [...indicatorTags(reportSlug, snap.code), ...(target.itemKey !== snap.code ? [tags.indicator(reportSlug, target.itemKey)] : [])];
      return { version: newVersion, revisionId: revision.id, invalidate, itemType: 'indicator', itemKey: snap.code, itemId: target.itemId };
    }

    if (target.itemType === 'section') {
      const snap = target.snapshot as SectionSnapshot;
      const fields = sectionRow({ ...snap, translations: snapshotTranslations(snap) });
      const [current] = await tx
        .select({ id: sections.id, version: sections.version })
        .from(sections)
        .where(eq(sections.id, target.itemId))
        .for('update');
      if (!current) throw new NotFoundError('Mục này không còn trong báo cáo.');
      if (current.version !== version) {
        throw new ConflictError<SectionConflict>({ version: current.version, snapshot: await sectionSnapshot(current.id, tx) });
      }
      const before = await sectionSnapshot(current.id, tx);
      if (same(before, { ...before!, ...fields })) throw new NoChangeError();
      const [u] = await tx
        .update(sections)
        .set({ ...fields, version: sql`${sections.version} + 1`, updatedAt: new Date() })
        .where(eq(sections.id, current.id))
        .returning({ version: sections.version });
      const revision = await appendRevision(
        {
          reportId: target.reportId,
          itemType: 'section',
          itemId: current.id,
          itemKey: before!.slug,
          itemLabel: snap.title,
          action: 'restore',
          snapshot: await sectionSnapshot(current.id, tx),
          author: author(actor),
          reason: restoreReason,
        },
        tx,
      );
      return {
        version: u!.version,
        revisionId: revision.id,
        invalidate: await sectionTags(reportSlug, current.id, tx),
        itemType: 'section',
        itemKey: before!.slug,
        itemId: current.id,
      };
    }
    throw new NotFoundError('Loại mục này chưa hỗ trợ khôi phục.');
  });
}
