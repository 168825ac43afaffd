/**
 * The large-data stage of `npm run bench` (alone: `npm run bench -- --only large`): the same data
 * functions timed on the seeded report, then again after the data is grown about 100-fold in a
 * private PostgreSQL database (BENCH_LARGE_DB, default kqnk_bench_large, created and dropped here).
 *
 * The growth is set-based SQL (generate_series), so it takes a minute or two on 2 cores:
 * BENCH_LARGE_INDICATORS indicators (default 2 000) copied from the seeded ones across 8 areas and
 * 40 new sections, each with its import revision, then BENCH_LARGE_REVISIONS (default 1 000 000)
 * updates spread over them in id and time order. The synthetic revisions are NOT hash-chained
 * (previous_id null, hash and report_hash 'synthetic'): verify-history would report them; nothing
 * here runs it. Their report sequence numbers are real (1, 2, 3… in id order, no gap).
 * BENCH_LARGE_KEEP=1 keeps the grown database afterwards (to look at query plans).
 */
import postgres from 'postgres';
import { onCleanup } from './cleanup';
import { table } from './load';

const REPORT = 'soc-trang-2020-2025';
const INDICATOR = 'tang-truong-grdp';
const AREAS = 8;
const SECTIONS = 40;

export type LargeDataOptions = {
  adminUrl: string;
  indicators?: number;
  revisions?: number;
  calls?: number;
  log?: (line: string) => void;
};

type Case = { name: string; run: () => Promise<unknown> };
type Timing = { p50: number; p99: number; mean: number };

/** The one row a query returns. */
function first<T>(rows: readonly T[]): T {
  if (rows.length === 0) throw new Error('expected a row');
  return rows[0]!;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function time(run: () => Promise<unknown>, calls: number): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run();
  const all: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = now();
    await run();
    all.push(now() - started);
  }
  all.sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99), mean: all.reduce((s, x) => s + x, 0) / all.length };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Grow the seeded report to `indicators` indicators and the history by `revisions` rows. */
async function grow(sql: postgres.Sql, { indicators, revisions }: { indicators: number; revisions: number }, log: (line: string) => void) {
  const [report] = await sql<{ id: number }[]>`select id from reports where slug = ${REPORT}`;
  const reportId = report!.id;
  const { seeded } = first(await sql<{ seeded: number }[]>`select count(*)::int as seeded from indicators where report_id = ${reportId}`);
  const copies = Math.max(0, indicators - seeded);
  let t = now();

  // The report's next sequence numbers follow its head (one statement reads it before inserting).
  const nextSeq = () => sql`(select coalesce(max(report_seq), 0) from revisions where report_id = ${reportId})`;
  await sql.begin(async (tx) => {
    // New sections and their import revisions (at the import's moment, after its ids).
    await tx`
      insert into sections (report_id, slug, position, title, body)
      select ${reportId}, 'bench-muc-' || g, 1000 + g, 'Lĩnh vực thử ' || (g % ${AREAS} + 1) || ', mục ' || g, 'Nội dung mục thử ' || g || '.'
      from generate_series(1, ${SECTIONS}) g`;
    await tx`
      insert into revisions (report_id, item_type, item_id, item_key, item_label, revision_no, action, snapshot,
                             author_name, reason_kind, reason_text, created_at, hash, report_seq, report_hash)
      select s.report_id, 'section', s.id, s.slug, s.title, 1, 'import',
             jsonb_build_object('reportId', s.report_id, 'slug', s.slug, 'parentId', s.parent_id, 'position', s.position,
                                'title', s.title, 'heading', s.heading, 'body', s.body, 'translations', s.translations),
             imp.author_name, imp.reason_kind, imp.reason_text, imp.created_at, 'synthetic', ${nextSeq()} + row_number() over (order by s.id)::int, 'synthetic'
      from sections s
      cross join lateral (select * from revisions where report_id = s.report_id and action = 'import' order by id limit 1) imp
      where s.report_id = ${reportId} and s.slug like 'bench-muc-%'
      order by s.id`;

    // Copies of the seeded indicators (the k-th copy of seeded indicator k mod n), their values,
    // and their import revisions: the template's import snapshot with the copy's own fields.
    await tx`
      with tpl as (select i.*, (row_number() over (order by position, id) - 1)::int as k from indicators i where report_id = ${reportId})
      insert into indicators (report_id, code, position, area, name, unit, status, status_note, named_as_key_indicator,
                              target_comparison, baseline_comparison, source_sentence, note, section_id, translations)
      select t.report_id, t.code || '-b' || g, 1000 + g, 'Lĩnh vực thử ' || (g % ${AREAS} + 1), t.name || ' (bản thử ' || g || ')',
             t.unit, t.status, t.status_note, false, t.target_comparison, t.baseline_comparison, t.source_sentence, t.note,
             (select id from sections where report_id = ${reportId} and slug = 'bench-muc-' || (g % ${SECTIONS} + 1)), t.translations
      from generate_series(1, ${copies}) g join tpl t on t.k = g % ${seeded}
      order by g`;
    await tx`
      insert into indicator_values (indicator_id, role, year, period_label, value, kind, qualifier, note)
      select n.id, v.role, v.year, v.period_label, v.value, v.kind, v.qualifier, v.note
      from indicators n
      join indicators t on t.report_id = n.report_id and t.code = regexp_replace(n.code, '-b[0-9]+$', '')
      join indicator_values v on v.indicator_id = t.id
      where n.report_id = ${reportId} and n.code ~ '-b[0-9]+$'`;
    await tx`
      insert into revisions (report_id, item_type, item_id, item_key, item_label, revision_no, action, snapshot,
                             author_name, reason_kind, reason_text, created_at, hash, report_seq, report_hash)
      select n.report_id, 'indicator', n.id, n.code, n.name, 1, 'import',
             imp.snapshot || jsonb_build_object('code', n.code, 'position', n.position, 'area', n.area, 'name', n.name,
                                                'sectionId', n.section_id, 'namedAsKeyIndicator', false),
             imp.author_name, imp.reason_kind, imp.reason_text, imp.created_at, 'synthetic', ${nextSeq()} + row_number() over (order by n.id)::int, 'synthetic'
      from indicators n
      join indicators t on t.report_id = n.report_id and t.code = regexp_replace(n.code, '-b[0-9]+$', '')
      join revisions imp on imp.item_type = 'indicator' and imp.item_id = t.id and imp.revision_no = 1
      where n.report_id = ${reportId} and n.code ~ '-b[0-9]+$'
      order by n.id`;
  });
  log(`  ${copies.toLocaleString('en')} chỉ tiêu mới (new indicators), ${SECTIONS} mục (sections), ${AREAS} lĩnh vực (areas) — ${((now() - t) / 1000).toFixed(1)} s`);

  // The long history: `rounds` updates of every indicator, round after round, ids and times in
  // the same order, between the import and now. Written in batches of rounds (one statement each).
  t = now();
  const { total } = first(await sql<{ total: number }[]>`select count(*)::int as total from indicators where report_id = ${reportId}`);
  const rounds = Math.max(1, Math.round(revisions / total));
  const { startAt, span } = first(await sql<{ startAt: Date; span: number }[]>`
    select max(created_at) as "startAt", extract(epoch from (clock_timestamp() - max(created_at)))::float8 * 1000 as span
    from revisions where report_id = ${reportId}`);
  const stepMs = Math.max(span, 1) / (rounds * total + 1);
  const perBatch = Math.max(1, Math.floor(100_000 / total));
  for (let first = 1; first <= rounds; first += perBatch) {
    const last = Math.min(rounds, first + perBatch - 1);
    await sql`
      insert into revisions (report_id, item_type, item_id, item_key, item_label, revision_no, action, snapshot,
                             author_name, reason_kind, reason_text, created_at, hash, report_seq, report_hash)
      select i.report_id, 'indicator', i.id, i.code, i.name, 1 + g, 'update',
             imp.snapshot || jsonb_build_object('note', 'bench ' || g), 'Bench', 'bien_tap', 'bench ' || g,
             ${startAt}::timestamptz + make_interval(secs => ((g - 1) * ${total}::int + i.k + 1) * ${stepMs}::float8 / 1000.0), 'synthetic',
             ${nextSeq()} + row_number() over (order by g, i.id)::int, 'synthetic'
      from generate_series(${first}::int, ${last}::int) g
      cross join (select *, (row_number() over (order by id) - 1)::int as k from indicators where report_id = ${reportId}) i
      join revisions imp on imp.item_type = 'indicator' and imp.item_id = i.id and imp.revision_no = 1
      order by g, i.id`;
  }
  // The live rows say what their last revision says.
  await sql`update indicators set note = 'bench ' || ${rounds}::int, version = ${rounds + 1} where report_id = ${reportId}`;
  const { count } = first(await sql<{ count: number }[]>`select count(*)::int as count from revisions`);
  log(`  ${(rounds * total).toLocaleString('en')} phiên bản cập nhật (update revisions, ${rounds} per indicator), tổng (total) ${count.toLocaleString('en')} — ${((now() - t) / 1000).toFixed(1)} s`);
  t = now();
  await sql`vacuum analyze revisions`;
  await sql`analyze`;
  log(`  vacuum analyze — ${((now() - t) / 1000).toFixed(1)} s`);
}

/** Run the stage; returns false (with the reason logged) when PostgreSQL does not answer. */
export async function benchLargeData({ adminUrl, indicators = 2000, revisions = 1_000_000, calls = 30, log = console.log }: LargeDataOptions): Promise<boolean> {
  const name = process.env.BENCH_LARGE_DB ?? 'kqnk_bench_large';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } catch (error) {
    log(`• Dữ liệu lớn (large data): bỏ qua (skipped) — PostgreSQL ${adminUrl}: ${(error as Error).message}`);
    return false;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const drop = async () => {
    const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await a.end({ timeout: 5 });
    }
  };
  // BENCH_LARGE_KEEP=1 leaves the grown database in place, to look at query plans afterwards.
  const keep = process.env.BENCH_LARGE_KEEP === '1';
  const stop = keep ? async () => log(`  (BENCH_LARGE_KEEP=1: ${name} kept; drop it with DROP DATABASE "${name}")`) : onCleanup(`temporary database ${name}`, drop, { database: { adminUrl, name } });

  const url = withDatabase(adminUrl, name);
  const { openDatabase } = await import('../../db/index');
  const { prepareDatabase } = await import('../../db/prepare');
  const reports = await import('../../db/queries/reports');
  const { findItemChangelog } = await import('../../db/queries/public-history');
  const handle = await openDatabase({ url, max: 4 });
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  try {
    log(`\n• Dữ liệu lớn (large data), PostgreSQL ${name}: ${calls} lần gọi mỗi phép đọc, qua các hàm của tầng dữ liệu (calls per read, through the data functions, uncached)`);
    await prepareDatabase(handle);
    const db = handle.db;

    /** The revision in the middle of the report's history (the past view asked for). */
    const middle = async () => {
      const { id } = first(await raw<{ id: number }[]>`
        select id::int from revisions where report_id = (select id from reports where slug = ${REPORT})
        order by id offset (select count(*) / 2 from revisions where report_id = (select id from reports where slug = ${REPORT})) limit 1`);
      return id;
    };
    const cases = (rev: number): Case[] => [
      {
        name: 'tổng quan (overview: report, its indicators, sections, entities)',
        run: () =>
          Promise.all([
            reports.findReport({ slug: REPORT }, db),
            reports.findOverviewIndicators({ reportSlug: REPORT }, db),
            reports.findSections({ reportSlug: REPORT }, db),
            reports.findEntities({ reportSlug: REPORT }, db),
          ]),
      },
      { name: `một chỉ tiêu (indicator page: ${INDICATOR})`, run: () => reports.findIndicator({ reportSlug: REPORT, code: INDICATOR }, db) },
      {
        name: `quá khứ (asOf=r<mid>: resolve + indicator)`,
        run: async () => {
          const moment = await reports.resolveMoment({ slug: REPORT, asOf: { at: '', revisionId: rev } }, db);
          return reports.findIndicator({ reportSlug: REPORT, code: INDICATOR, revisionId: moment!.revisionId }, db);
        },
      },
      { name: `lịch sử (changelog of ${INDICATOR})`, run: () => findItemChangelog({ reportSlug: REPORT, itemType: 'indicator', key: INDICATOR }, db) },
    ];
    const measure = async (label: string) => {
      const rev = await middle();
      const out: Timing[] = [];
      for (const c of cases(rev)) out.push(await time(c.run, calls));
      const { indicators: n, revisions: r } = first(await raw<{ indicators: number; revisions: number }[]>`
        select (select count(*)::int from indicators) as indicators, (select count(*)::int from revisions) as revisions`);
      log(`  ${label}: ${n.toLocaleString('en')} chỉ tiêu (indicators), ${r.toLocaleString('en')} phiên bản (revisions), asOf=r${rev}`);
      return { timings: out, indicators: n, revisions: r };
    };

    const small = await measure('nhỏ (small)');
    log(`  Tăng dữ liệu (growing the data) ~100×…`);
    await grow(raw, { indicators, revisions }, log);
    const large = await measure('lớn (large)');

    const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);
    const rows = cases(0).map((c, i) => {
      const s = small.timings[i]!;
      const l = large.timings[i]!;
      const ratio = l.p50 / s.p50;
      return [c.name, f(s.p50), f(s.p99), f(l.p50), f(l.p99), `${ratio.toFixed(1)}×`, ratio <= 2 ? 'ok' : 'NOT MET'];
    });
    log(
      `\nDữ liệu lớn (large data): ${small.indicators.toLocaleString('en')} → ${large.indicators.toLocaleString('en')} chỉ tiêu, ` +
        `${small.revisions.toLocaleString('en')} → ${large.revisions.toLocaleString('en')} phiên bản; ms per call, goal: large p50 ≤ 2× small p50\n`,
    );
    log(table(['read', 'small p50', 'small p99', 'large p50', 'large p99', 'p50 ratio', 'goal'], rows));
    log('(synthetic history: not hash-chained — previous_id null, hash and report_hash "synthetic"; report_seq gapless)');
    return true;
  } finally {
    await raw.end({ timeout: 5 });
    await handle.close();
    await stop();
  }
}
