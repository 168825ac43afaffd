import 'server-only';
/**
 * Every write to report content: a description of each item type (how its rows are locked,
 * snapshotted and written, and which cached reads show it), then thin entry points. The steps
 * themselves (actor check, lock, conflict, no-change, revision, tags) are db/versioned-write.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Database, type Tx } from '../index';
import { writeTags } from '../cache-tags';
import { indicators, revisions, sections } from '../schema';
import {
  indicatorSnapshot,
  replaceIndicatorValues,
  sectionSnapshot,
  snapshotTranslations,
  type IndicatorSnapshot,
  type SectionSnapshot,
  type ValueSnapshot,
} from '../snapshots';
import type { ActorRef } from '../permissions';
import { bump, versionedWrite, type Conflict, type EditResult, type ItemKind } from '../versioned-write';
import { InvalidError, NotFoundError } from '@/lib/errors';
import { normalizeTranslations } from '@/lib/i18n/content';
import type { IndicatorCreate, IndicatorEdit } from '@/lib/validations/indicator';
import type { Reason } from '@/lib/validations/reason';
import type { SectionEdit } from '@/lib/validations/section';

export { NoChangeError, type EditResult } from '../versioned-write';
export type IndicatorConflict = Conflict<IndicatorSnapshot>;
export type SectionConflict = Conflict<SectionSnapshot>;

export class DuplicateCodeError extends InvalidError {
  constructor(code: string) {
    const message = `Mã “${code}” đã được dùng cho một chỉ tiêu khác.`;
    super(message, { code: [message] });
    this.name = 'DuplicateCodeError';
  }
}

// ------------------------------------------------------------------ indicators

type IndicatorFields = ReturnType<typeof indicatorRow> & {
  code: string;
  values: ValueSnapshot[];
  /** Only when a deleted indicator is brought back: its old place. */
  position?: number;
  sectionId?: number | null;
};

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

const byRoleYear = (a: ValueSnapshot, b: ValueSnapshot) => a.role.localeCompare(b.role) || a.year - b.year;

function lockIndicator(where: ReturnType<typeof eq>, tx: Tx) {
  return tx.select({ id: indicators.id, version: indicators.version }).from(indicators).where(where).for('update').then(([row]) => row ?? null);
}

const indicatorItem: ItemKind<IndicatorSnapshot, IndicatorFields> = {
  type: 'indicator',
  lockByKey: (reportId, code, tx) => lockIndicator(and(eq(indicators.reportId, reportId), eq(indicators.code, code))!, tx),
  lockById: (id, tx) => lockIndicator(eq(indicators.id, id), tx),
  snapshot: indicatorSnapshot,
  merge: (before, { position: _p, sectionId: _s, ...fields }) => ({ ...before, ...fields }),
  keyOf: (snapshot) => snapshot.code,
  keyOfFields: (fields) => fields.code,
  labelOf: (snapshot) => snapshot.name,
  async update(id, { position: _p, sectionId: _s, values, ...row }, tx) {
    const [updated] = await tx.update(indicators).set({ ...row, ...bump(indicators.version) }).where(eq(indicators.id, id)).returning({ version: indicators.version });
    await replaceIndicatorValues(id, values, tx);
    return updated!.version;
  },
  async insert(reportId, { position, sectionId, values, ...row }, tx, id) {
    const [last] = await tx
      .select({ next: sql<number>`coalesce(max(${indicators.position}), -1) + 1` })
      .from(indicators)
      .where(eq(indicators.reportId, reportId));
    // A section deleted since the snapshot is not brought back with the indicator.
    const [section] = sectionId ? await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId)) : [];
    const [inserted] = await tx
      .insert(indicators)
      .values({ ...row, ...(id ? { id } : {}), reportId, position: position ?? Number(last!.next), sectionId: section ? sectionId : null })
      .returning({ id: indicators.id, version: indicators.version });
    await replaceIndicatorValues(inserted!.id, values, tx);
    return inserted!;
  },
  async remove(id, tx) {
    await tx.delete(indicators).where(eq(indicators.id, id));
  },
  recreatable: true,
  duplicate: (code) => new DuplicateCodeError(code),
  invalidates: async (reportSlug, { keys, action }) => writeTags.indicator(reportSlug, keys, { saved: action === 'update' }),
};

function indicatorFields(code: string, edit: Omit<IndicatorEdit, 'reason' | 'version'>): IndicatorFields {
  return { ...indicatorRow(edit), code, values: [...edit.values].sort(byRoleYear) };
}

// ------------------------------------------------------------------ sections

type SectionFields = ReturnType<typeof sectionRow> & { slug: string };

function sectionRow(fields: Pick<SectionSnapshot, 'title' | 'heading' | 'body'> & { translations?: unknown }) {
  return { title: fields.title, heading: fields.heading, body: fields.body, translations: normalizeTranslations(fields.translations) };
}

function lockSection(where: ReturnType<typeof eq>, tx: Tx) {
  return tx.select({ id: sections.id, version: sections.version }).from(sections).where(where).for('update').then(([row]) => row ?? null);
}

const sectionItem: ItemKind<SectionSnapshot, SectionFields> = {
  type: 'section',
  lockByKey: (reportId, slug, tx) => lockSection(and(eq(sections.reportId, reportId), eq(sections.slug, slug))!, tx),
  lockById: (id, tx) => lockSection(eq(sections.id, id), tx),
  snapshot: sectionSnapshot,
  merge: (before, { slug: _slug, ...fields }) => ({ ...before, ...fields }),
  keyOf: (snapshot) => snapshot.slug,
  keyOfFields: (fields) => fields.slug,
  labelOf: (snapshot) => snapshot.title,
  async update(id, { slug: _slug, ...row }, tx) {
    const [updated] = await tx.update(sections).set({ ...row, ...bump(sections.version) }).where(eq(sections.id, id)).returning({ version: sections.version });
    return updated!.version;
  },
  recreatable: false,
  notFound: 'Mục này không còn trong báo cáo.',
  duplicate: (slug) => new InvalidError(`Đường dẫn “${slug}” đã được dùng cho một mục khác.`),
  /** The section and every section containing it, and the indicators linked to it. */
  async invalidates(reportSlug, { id, keys, action }, tx: Tx) {
    const all = await tx
      .select({ id: sections.id, slug: sections.slug, parentId: sections.parentId })
      .from(sections)
      .where(eq(sections.reportId, sql`(select report_id from sections where id = ${id})`));
    const byId = new Map(all.map((s) => [s.id, s]));
    const chain: string[] = [];
    for (let s = byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) chain.push(s.slug);
    const linked = await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.sectionId, id));
    return writeTags.section(reportSlug, { sections: chain, indicators: linked.map((i) => i.code), renamed: keys.length > 1 || action !== 'update' });
  },
};

// ------------------------------------------------------------------ entry points

export function saveIndicator({ reportSlug, code, edit }: { reportSlug: string; code: string; edit: IndicatorEdit }, actor: ActorRef, db?: Database) {
  const { reason, version, ...fields } = edit;
  return versionedWrite(indicatorItem, { action: 'update', target: { reportSlug, key: code }, version, fields: indicatorFields(code, fields), reason, actor }, db);
}

export async function createIndicator({ reportSlug, input }: { reportSlug: string; input: IndicatorCreate }, actor: ActorRef, db?: Database) {
  const { reason, code, ...fields } = input;
  const saved = await versionedWrite(indicatorItem, { action: 'create', target: { reportSlug, key: code }, fields: indicatorFields(code, fields), reason, actor }, db);
  return { ...saved, code };
}

export function deleteIndicator(
  { reportSlug, code, version, reason }: { reportSlug: string; code: string; version: number; reason: Reason },
  actor: ActorRef,
  db?: Database,
) {
  return versionedWrite(indicatorItem, { action: 'delete', target: { reportSlug, key: code }, version, reason, actor }, db);
}

export function saveSection({ reportSlug, slug, edit }: { reportSlug: string; slug: string; edit: SectionEdit }, actor: ActorRef, db?: Database) {
  const { reason, version } = edit;
  return versionedWrite(sectionItem, { action: 'update', target: { reportSlug, key: slug }, version, fields: { ...sectionRow(edit), slug }, reason, actor }, db);
}

/**
 * Put an indicator or a section back as it was at `revisionId`. The restore is a new
 * revision; nothing is deleted. `version` is the current version the user saw (0 when the
 * item had been deleted). Snapshots from before translations existed restore "no translation".
 */
export async function restoreRevision(
  { revisionId, version, reason }: { revisionId: number; version: number; reason: Reason },
  actor: ActorRef,
  db?: Database,
): Promise<EditResult & { itemType: 'indicator' | 'section' }> {
  const conn = db ?? (await getDb());
  const [target] = await conn.select().from(revisions).where(eq(revisions.id, revisionId));
  if (!target) throw new NotFoundError('Không tìm thấy phiên bản cần khôi phục.');
  if (!target.snapshot) throw new NotFoundError('Phiên bản này ghi nhận việc xoá; hãy chọn một phiên bản có nội dung.');
  const op = {
    action: 'restore' as const,
    target: { reportId: target.reportId, id: target.itemId },
    version,
    reason: { kind: reason.kind, text: `Khôi phục phiên bản ${target.revisionNo}: ${reason.text}` },
    actor,
  };
  const translations = snapshotTranslations(target.snapshot);
  if (target.itemType === 'indicator') {
    const snap = target.snapshot as IndicatorSnapshot;
    const fields: IndicatorFields = { ...indicatorRow({ ...snap, translations }), code: snap.code, values: snap.values, position: snap.position, sectionId: snap.sectionId };
    return { ...(await versionedWrite(indicatorItem, { ...op, fields }, conn)), itemType: 'indicator' };
  }
  if (target.itemType === 'section') {
    const snap = target.snapshot as SectionSnapshot;
    return { ...(await versionedWrite(sectionItem, { ...op, fields: { ...sectionRow({ ...snap, translations }), slug: snap.slug } }, conn)), itemType: 'section' };
  }
  throw new NotFoundError('Loại mục này chưa hỗ trợ khôi phục.');
}
