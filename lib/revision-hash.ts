/** The hash that chains revisions: sha-256 over a canonical JSON of the row's content and the previous hash. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so jsonb's own key order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type HashedRevisionContent = {
  reportId: number;
  itemType: string;
  itemId: number;
  itemKey: string;
  itemLabel: string;
  revisionNo: number;
  action: string;
  snapshot: unknown;
  authorId: number | null;
  authorName: string;
  reasonKind: string;
  reasonText: string;
  createdAt: Date;
  previousId: number | null;
  previousHash: string | null;
};

export function revisionHash(content: HashedRevisionContent): string {
  const payload = canonicalJson({ ...content, createdAt: content.createdAt.toISOString() });
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

export type ReportChainLink = {
  reportId: number;
  reportSeq: number;
  /** The report hash of the report's previous revision; null for its first. */
  reportPreviousHash: string | null;
  /** The revision's own hash (revisionHash), which covers its whole content. */
  hash: string;
};

/**
 * The hash that chains all revisions of a report in commit order: sha-256 over the canonical
 * JSON of the link. Migration 0008 computes the same value in SQL (`revision_report_hash`).
 */
export function reportChainHash(link: ReportChainLink): string {
  const { reportId, reportSeq, reportPreviousHash, hash } = link;
  return createHash('sha256').update(canonicalJson({ hash, reportId, reportPreviousHash, reportSeq }), 'utf8').digest('hex');
}
