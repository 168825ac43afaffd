import 'server-only';
/**
 * The revision an open-data request reads: `?asOf=` (lib/as-of.ts) resolved against the
 * report's revisions, with the 400/404 a client is told when that fails.
 */
import type { DbOrTx } from '@/db/index';
import { resolveMoment } from '@/db/queries/reports';
import { parseAsOf } from '@/lib/as-of';

export type Moment = { revisionId: number; createdAt: string };

export type MomentResult = { ok: true; moment: Moment } | { ok: false; status: 400 | 404; error: string };

const ASOF_HELP_EN =
  'Invalid asOf: use a date (2026-01-31, end of that day in Vietnam), an ISO 8601 date-time with an offset or Z (2026-01-31T08:00:00Z), or a revision (r123).';

/**
 * The revision a request reads: `?asOf=` resolved, or the latest revision now.
 * Bad asOf → 400; unknown report, or a moment before it was published → 404.
 */
export async function resolveRequestMoment({ slug, asOf }: { slug: string; asOf: string | null }, db?: DbOrTx): Promise<MomentResult> {
  const parsed = parseAsOf(asOf);
  if (!parsed.ok) return { ok: false, status: 400, error: `${parsed.message} — ${ASOF_HELP_EN}` };
  const now = { at: new Date().toISOString(), revisionId: null };
  const resolved = await resolveMoment({ slug, asOf: parsed.asOf ?? now }, db);
  if (resolved) return { ok: true, moment: resolved };
  if (parsed.asOf && (await resolveMoment({ slug, asOf: now }, db))) {
    return {
      ok: false,
      status: 404,
      error: 'Tại thời điểm asOf, báo cáo chưa được đưa lên cổng thông tin. — The report was not published yet at that asOf moment.',
    };
  }
  return { ok: false, status: 404, error: `Không có báo cáo “${slug.slice(0, 80)}”. — No report with this slug.` };
}
