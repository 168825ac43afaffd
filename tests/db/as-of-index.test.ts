/**
 * Past views are index-backed: resolving a moment and rebuilding the report as of a revision in
 * the middle of a long history read a number of revision rows that depends on the number of
 * items, not on the length of the history. Measured with the table counters of the current
 * transaction (`pg_stat_xact_user_tables`), which count every row a sequential scan reads and
 * every row an index scan fetches, whatever plan the server chose.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '@/db';
import { findIndicators, findReport, resolveMoment } from '@/db/queries/reports';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const reportSlug = 'soc-trang-2020-2025';
/** Synthetic revisions per indicator: 12 indicators → a history of ~24 000 rows. */
const ROUNDS = 2000;
/** Rows of `revisions` a past view may read: a few per item (37 items), far below the history's length. */
const BOUND = 600;

type Counters = { seqScan: number; seqRead: number; idxFetch: number };

// postgres.js returns the rows, PGlite `{ rows }`.
const rowsOf = <T,>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

async function counters(tx: DbOrTx): Promise<Counters> {
  const [row] = rowsOf<{ seq_scan: string | number; seq_tup_read: string | number; idx_tup_fetch: string | number }>(
    await tx.execute(sql`select seq_scan, seq_tup_read, idx_tup_fetch from pg_stat_xact_user_tables where relname = 'revisions'`),
  );
  return { seqScan: Number(row?.seq_scan ?? 0), seqRead: Number(row?.seq_tup_read ?? 0), idxFetch: Number(row?.idx_tup_fetch ?? 0) };
}

/** What `work` read from `revisions`, counted inside one transaction. */
async function revisionRowsRead<T>(t: TestDatabase, work: (tx: DbOrTx) => Promise<T>): Promise<{ result: T; read: Counters }> {
  return t.db.transaction(async (tx) => {
    const before = await counters(tx);
    const result = await work(tx);
    const after = await counters(tx);
    return {
      result,
      read: { seqScan: after.seqScan - before.seqScan, seqRead: after.seqRead - before.seqRead, idxFetch: after.idxFetch - before.idxFetch },
    };
  });
}

describe(`past views read a bounded number of revisions, whatever the history's length (${databaseKind()})`, () => {
  let t: TestDatabase;
  let middle: { id: number; createdAt: string };
  let total: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    // A long history, made in SQL: ROUNDS more revisions of every indicator, each with its own
    // note, one millisecond apart, in id order. Not hash-chained (nothing here verifies the chain),
    // but numbered in the report's sequence after its head, as appends are.
    await t.db.execute(sql`
      insert into revisions (report_id, item_type, item_id, item_key, item_label, revision_no, action, snapshot,
                             author_name, reason_kind, reason_text, created_at, hash, report_seq, report_hash)
      select r.report_id, r.item_type, r.item_id, r.item_key, r.item_label, r.revision_no + g.n, 'update',
             jsonb_set(r.snapshot, '{note}', to_jsonb('lần ' || g.n)), 'Kiểm thử', 'bien_tap', 'lịch sử dài',
             r.created_at + make_interval(secs => (g.n * 100 + r.item_id) / 1000.0), 'synthetic',
             (select max(h.report_seq) from revisions h where h.report_id = r.report_id)
               + row_number() over (partition by r.report_id order by g.n, r.item_id)::int, 'synthetic'
      from revisions r cross join generate_series(1, ${ROUNDS}) as g(n)
      where r.item_type = 'indicator'
      order by g.n, r.item_id`);
    await t.db.execute(sql`analyze revisions`);
    const all = rowsOf<{ id: string | number; created_at: Date | string }>(await t.db.execute(sql`select id, created_at from revisions order by id`));
    total = all.length;
    const m = all[Math.floor(all.length / 2)]!;
    middle = { id: Number(m.id), createdAt: new Date(m.created_at).toISOString() };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the history is long enough for a scan to show', () => {
    expect(total).toBeGreaterThan(ROUNDS * 10);
  });

  it('resolving a moment in the middle of the history', async () => {
    const byTime = await revisionRowsRead(t, (tx) => resolveMoment({ slug: reportSlug, asOf: { at: middle.createdAt, revisionId: null } }, tx));
    expect(byTime.result).toEqual({ revisionId: middle.id, createdAt: middle.createdAt });
    expect(byTime.read.seqScan).toBe(0);
    expect(byTime.read.idxFetch).toBeLessThanOrEqual(10);

    const byRevision = await revisionRowsRead(t, (tx) => resolveMoment({ slug: reportSlug, asOf: { at: '', revisionId: middle.id } }, tx));
    expect(byRevision.result).toEqual({ revisionId: middle.id, createdAt: middle.createdAt });
    expect(byRevision.read.seqScan).toBe(0);
    expect(byRevision.read.idxFetch).toBeLessThanOrEqual(10);
  });

  it('rebuilding the report as of a revision in the middle of the history', async () => {
    const { result, read } = await revisionRowsRead(t, async (tx) => ({
      report: await findReport({ slug: reportSlug, revisionId: middle.id }, tx),
      indicators: await findIndicators({ reportSlug, revisionId: middle.id }, tx),
    }));
    expect(result.report?.latestRevision?.id).toBe(middle.id);
    expect(result.indicators).toHaveLength(12);
    // Each indicator shows its last synthetic revision at or before the middle one.
    const expected = rowsOf<{ item_key: string; note: string }>(
      await t.db.execute(sql`
        select distinct on (item_id) item_key, snapshot->>'note' as note from revisions
        where item_type = 'indicator' and id <= ${middle.id} order by item_id, id desc`),
    );
    expect(Object.fromEntries(result.indicators.map((i) => [i.code, i.note]))).toEqual(Object.fromEntries(expected.map((e) => [e.item_key, e.note])));
    expect(read.seqScan).toBe(0);
    expect(read.seqRead).toBe(0);
    expect(read.idxFetch).toBeLessThanOrEqual(BOUND);
  });
});
