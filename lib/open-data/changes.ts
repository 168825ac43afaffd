/**
 * What a published change changed, for readers (the public changelog and the Atom feed): short
 * "label: old → new" lines, and the pages to follow it to.
 */
import type { PublicChange } from '@/db/queries/public-history';
import { kindLabels } from '@/lib/indicator';
import { formatDecimal } from '@/lib/number';
import { diffSnapshots } from '@/lib/revision-diff';

export type ChangeLine = { label: string; before: string; after: string };

const MAX_TEXT = 240;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

function numberText(value: string | null, unit: unknown): string {
  if (value === null) return '—';
  const u = typeof unit === 'string' && unit ? (unit.startsWith('%') ? unit : ` ${unit}`) : '';
  return `${formatDecimal(value)}${u}`;
}

/**
 * A change as short "label: old → new" lines: figures with their unit, the
 * status, and text fields (long ones as their changed words only).
 */
export function changeLines(change: Pick<PublicChange, 'itemType' | 'snapshot' | 'previousSnapshot'>): ChangeLine[] {
  const diff = diffSnapshots(change.itemType, change.previousSnapshot, change.snapshot);
  const unit = (change.snapshot ?? change.previousSnapshot)?.unit;
  const lines: ChangeLine[] = [];
  for (const v of diff.values) {
    const kind =
      v.kind.before !== v.kind.after
        ? ` (${v.kind.before ? kindLabels[v.kind.before] : '—'} → ${v.kind.after ? kindLabels[v.kind.after] : '—'})`
        : '';
    if (v.change.direction !== 'same' || kind) {
      lines.push({ label: `${v.label}${kind}`, before: numberText(v.change.before, unit), after: numberText(v.change.after, unit) });
    }
    for (const o of v.other) lines.push({ label: `${v.label} — ${o.label}`, before: clip(o.before ?? '—'), after: clip(o.after ?? '—') });
  }
  if (diff.status) lines.push({ label: 'Đánh giá', before: diff.status.before, after: diff.status.after });
  for (const f of diff.fields) {
    const long = (f.before?.length ?? 0) > MAX_TEXT || (f.after?.length ?? 0) > MAX_TEXT;
    if (!long) {
      lines.push({ label: f.label, before: f.before ?? '—', after: f.after ?? '—' });
      continue;
    }
    const removed = f.parts.filter((p) => p.type === 'removed').map((p) => p.text.trim()).filter(Boolean);
    const added = f.parts.filter((p) => p.type === 'added').map((p) => p.text.trim()).filter(Boolean);
    lines.push({
      label: `${f.label} (chỉ phần thay đổi)`,
      before: removed.length ? clip(removed.join(' … ')) : '—',
      after: added.length ? clip(added.join(' … ')) : '—',
    });
  }
  return lines;
}

/**
 * Where a reader follows a change: the page of the item's public changelog that begins with it
 * (`…/lich-su/truoc-<n+1>`, the entries before revision number n + 1), so the link still finds
 * the entry once newer changes have pushed it off the newest page.
 */
export function changelogPath(change: Pick<PublicChange, 'itemType' | 'itemKey' | 'id' | 'revisionNo'>): string {
  const page = `lich-su/truoc-${change.revisionNo + 1}#r${change.id}`;
  if (change.itemType === 'indicator') return `/chi-tieu/${encodeURIComponent(change.itemKey)}/${page}`;
  if (change.itemType === 'section') return `/muc/${encodeURIComponent(change.itemKey)}/${page}`;
  return `/thay-doi#r${change.id}`;
}

/**
 * The page the change was made to, as it stood right after it, or right
 * before it (the item's previous revision); null where there is no such page.
 */
export function itemPagePath(change: Pick<PublicChange, 'itemType' | 'itemKey' | 'id' | 'previousRevisionId'>, when: 'before' | 'after'): string | null {
  const revision = when === 'after' ? change.id : change.previousRevisionId;
  if (revision === null) return null;
  const asOf = `?asOf=r${revision}`;
  if (change.itemType === 'indicator') return `/chi-tieu/${encodeURIComponent(change.itemKey)}${asOf}`;
  if (change.itemType === 'section') return `/muc/${encodeURIComponent(change.itemKey)}${asOf}`;
  if (change.itemType === 'report') return `/${asOf}`;
  return null;
}
