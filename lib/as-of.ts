/**
 * `?asOf=`: the moment a reader asks to see the report at. Parsing only; which
 * revision a moment stands for is the data layer's (db/queries/state.ts: resolveAsOf).
 */

/** A moment to show the report at: an instant, or the state right after one revision. */
export type AsOf = { at: string; revisionId: number | null };

const VN_OFFSET = '+07:00';

/**
 * `?asOf=` accepts an ISO 8601 date (the end of that day in Vietnam), an ISO
 * 8601 date-time with an offset or Z, or `r<id>` for the state right after
 * revision <id>.
 */
export function parseAsOf(raw: string | null | undefined, now = new Date()): { ok: true; asOf: AsOf | null } | { ok: false; message: string } {
  const value = raw?.trim();
  if (!value) return { ok: true, asOf: null };
  const revision = /^r(\d{1,15})$/i.exec(value);
  if (revision) return { ok: true, asOf: { at: '', revisionId: Number(revision[1]) } };
  let at: Date | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // Reject impossible calendar dates such as 2025-02-30.
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() === m - 1 && check.getUTCDate() === d) at = new Date(`${value}T23:59:59.999${VN_OFFSET}`);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) at = parsed;
  }
  if (!at) {
    return {
      ok: false,
      message: `asOf không hợp lệ: “${value.slice(0, 60)}”. Dùng một ngày (2026-01-31), một thời điểm ISO 8601 có múi giờ (2026-01-31T08:00:00Z) hoặc một phiên bản (r123).`,
    };
  }
  // A moment still to come shows the latest state known now.
  return { ok: true, asOf: { at: (at.getTime() > now.getTime() ? now : at).toISOString(), revisionId: null } };
}

/** The value of `?asOf=` that names this moment exactly (for permalinks). */
export function asOfParam(asOf: AsOf): string {
  return asOf.revisionId !== null ? `r${asOf.revisionId}` : asOf.at;
}
