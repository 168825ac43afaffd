/**
 * A report's published head (its newest place in the report-wide revision chain) as a document
 * anyone can keep: what `/api/v1/reports/<slug>/head` answers, and what
 * `npm run verify-history -- --head <file or URL>` reads back.
 */

/** A head kept from earlier: which report, which place in its chain, and the hash it had there. */
export type SavedHead = { slug: string; seq: number; hash: string };

/** The head as published. */
export type HeadDocument = {
  report: string;
  /** Sequence number of the report's newest revision: 1, 2, 3… in commit order, no gap. */
  seq: number;
  /** That revision's report hash (sha-256, hex), which chains every revision before it. */
  hash: string;
  /** When that revision was written (ISO 8601). */
  at: string;
  /** That revision's id (`?asOf=r<id>` shows the report as it was then). */
  revision: number;
  /** How to prove later that the history has only grown since this head. */
  verify: string;
};

export const HEAD_VERIFY_NOTE = 'Lưu tệp này; sau này chạy `npm run verify-history -- --head <tệp>` để chứng minh lịch sử chỉ được thêm vào, không bị xoá hay sửa.';

export function headPath(slug: string): string {
  return `/api/v1/reports/${encodeURIComponent(slug)}/head`;
}

export function buildHeadDocument(head: { slug: string; seq: number; hash: string; at: string; revisionId: number }): HeadDocument {
  return { report: head.slug, seq: head.seq, hash: head.hash, at: head.at, revision: head.revisionId, verify: HEAD_VERIFY_NOTE };
}

/** The short form shown beside the full hash (print footer): enough to compare by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The heads in a kept document: a head document, a list of them, `{ heads: [...] }` (a backup's
 * record: `{ slug, seq, hash, … }`), in any mix. Throws with a plain message on anything else.
 */
export function parseSavedHeads(json: unknown): SavedHead[] {
  const one = (value: unknown): SavedHead => {
    if (!value || typeof value !== 'object') throw new Error('đầu chuỗi phải là một đối tượng JSON');
    const v = value as Record<string, unknown>;
    const slug = typeof v.report === 'string' ? v.report : v.slug;
    if (typeof slug !== 'string' || slug === '') throw new Error('đầu chuỗi thiếu "report" (tên báo cáo)');
    if (typeof v.seq !== 'number' || !Number.isInteger(v.seq) || v.seq < 1) throw new Error('đầu chuỗi thiếu "seq" (số thứ tự ≥ 1)');
    if (typeof v.hash !== 'string' || !HEX64.test(v.hash)) throw new Error('đầu chuỗi thiếu "hash" (64 ký tự hex)');
    return { slug, seq: v.seq, hash: v.hash };
  };
  if (Array.isArray(json)) return json.map(one);
  if (json && typeof json === 'object' && Array.isArray((json as { heads?: unknown }).heads)) return (json as { heads: unknown[] }).heads.map(one);
  return [one(json)];
}
