/**
 * `npm run bench` — the public pages under `next start` side by side with nginx serving the same
 * HTML as static files, the staff pages that read a long history, and the cost of saving.
 *
 * Builds if `.next/BUILD_ID` is missing or older than the sources, and prepares a fresh
 * temporary database (migrate + seed): a new database on the PostgreSQL at BENCH_PG_URL (default
 * postgres://127.0.0.1:5432/test) when it answers, otherwise a temporary PGlite folder. Then, in
 * one run:
 *   1. (PostgreSQL) saves through the data layer (sequential, then 8 writers at once), and the
 *      history grown to BENCH_REVISIONS (default 100 000) hash-chained revisions;
 *   2. `next start` on that database; each public page warmed (GETs + a short load), its HTML
 *      saved once and served by a private nginx (scripts/bench/static-reference.ts); each page
 *      loaded on both with the same autocannon settings, one after the other;
 *   3. (PostgreSQL) the staff pages that read the history, signed in;
 *   4. save → visible: 20 edits through the staff form in a headless Chromium, each followed by
 *      GETs of the public page until the new figure shows (scripts/bench/save-visible.ts);
 *   5. Lighthouse (mobile) on `/` and an indicator page, BENCH_LIGHTHOUSE_RUNS times each (default
 *      3): performance (median), accessibility, Total Blocking Time and the gzipped JavaScript the
 *      page loads (scripts/bench/lighthouse.ts); BENCH_LIGHTHOUSE_RUNS=0 leaves it out;
 *   6. the public pages through `npm run serve` (scripts/bench/through-serve.ts) when PostgreSQL,
 *      nginx and Redis are there (BENCH_SERVE=0 leaves it out), and save → visible through nginx
 *      and on every instance asked directly;
 *   7. tables, then (PostgreSQL) verify-history over the whole chain;
 *   8. (PostgreSQL, unless BENCH_LARGE=0) the large-data stage (scripts/bench/large-data.ts): the
 *      overview, an indicator, a past view and a changelog through the data functions, on the
 *      seeded report and again with the data grown ~100-fold, in its own database.
 * Measures only; asserts nothing. Everything it starts is stopped by pid at the end, on a failure
 * and on Ctrl+C (scripts/bench/cleanup.ts); the temporary database is dropped.
 *
 *   BENCH_DURATION=8 BENCH_CONNECTIONS=32 npm run bench
 *   npm run bench -- /chi-tieu            # only the targets whose path or name contains "/chi-tieu"
 *   BENCH_SERVE=0 npm run bench           # without the run through npm run serve
 *   npm run bench -- --only large         # only the large-data stage (or BENCH_ONLY=large); no build, no server
 *   npm run bench -- --soak 300           # only the soak (scripts/bench/soak.ts): 300 s of mixed load on one
 *                                         # next start (build if needed, fresh database), errors, p99 per route, RSS
 *   BENCH_LARGE_INDICATORS=2000 BENCH_LARGE_REVISIONS=1000000 BENCH_LARGE_CALLS=30   # its defaults
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanupAll, installSignalHandlers, onCleanup, startReaper, stopGroup, wasInterrupted } from './bench/cleanup';
import { fmt, freePort, load, table, warm, type LoadResult, type LoadSettings } from './bench/load';
import {
  BENCH_ADMIN_EMAIL,
  BENCH_ADMIN_PASSWORD,
  benchSaves,
  createBenchAdmin,
  firstRevisionOf,
  growHistory,
  signIn,
  timeVerify,
  tryCreatePgDatabase,
} from './bench/postgres';
import { benchLargeData } from './bench/large-data';
import { describeLighthouse, lighthouseUnavailable, measureLighthouse, type LighthouseRow } from './bench/lighthouse';
import { describeSaveVisible, measureSaveToVisible, saveVisibleUnavailable, type SaveVisibleResult } from './bench/save-visible';
import { snapshotPages, startStaticReference, type StaticReference } from './bench/static-reference';
import { prepareSoak, runSoak } from './bench/soak';
import { serveUnavailable, startServe } from './bench/through-serve';
import { clearFetchCache, ensureBuild, prepareAndBootstrap, root, serverEnv, startServer, waitForHealth, type DatabaseTarget } from './start';

/** The indicator of the indicator page, its past view, and the save → visible edits. */
const INDICATOR = 'tang-truong-grdp';

type Target = { name: string; path: string };

/** The public pages, each compared with its own HTML served as a file. `{REV}`: a real revision id, found at run time. */
const publicTargets: Target[] = [
  { name: 'Trang chủ', path: '/' },
  { name: 'Chỉ tiêu', path: '/chi-tieu' },
  { name: 'Một chỉ tiêu', path: `/chi-tieu/${INDICATOR}` },
  { name: 'Một mục', path: '/muc/kinh-te' },
  { name: 'Indicators (en)', path: '/en/chi-tieu' },
  { name: 'Một chỉ tiêu, quá khứ (past view)', path: `/chi-tieu/${INDICATOR}?asOf=r{REV}` },
];

/** Staff pages that read the long history (PostgreSQL only: the history is grown there). */
const staffTargets: Target[] = [
  { name: 'Thay đổi gần đây', path: '/quan-tri/thay-doi' },
  { name: 'Thay đổi, lọc loại mục', path: '/quan-tri/thay-doi?loai=section' },
  { name: 'Lịch sử một chỉ tiêu', path: '/quan-tri/lich-su/chi-tieu/1' },
];

const revisionTarget = Number(process.env.BENCH_REVISIONS ?? 100_000);
const pgAdminUrl = process.env.BENCH_PG_URL ?? 'postgres://127.0.0.1:5432/test';
const settings: LoadSettings = { duration: Number(process.env.BENCH_DURATION ?? 8), connections: Number(process.env.BENCH_CONNECTIONS ?? 32) };
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);
const saveEdits = Number(process.env.BENCH_SAVE_EDITS ?? 20);
const withServe = process.env.BENCH_SERVE !== '0';
const args = process.argv.slice(2);
// Every server the bench starts (next start, npm run serve) inherits this: the bench's administrator
// is a throwaway account that signs in and saves without a second factor, as on the e2e servers
// (with the default `admins` policy the staff form would be the enrolment page).
process.env.SECOND_FACTOR_POLICY = 'per-account';
const only = process.env.BENCH_ONLY ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
const withLarge = process.env.BENCH_LARGE !== '0';
const largeOptions = {
  adminUrl: pgAdminUrl,
  indicators: Number(process.env.BENCH_LARGE_INDICATORS ?? 2000),
  revisions: Number(process.env.BENCH_LARGE_REVISIONS ?? 1_000_000),
  calls: Number(process.env.BENCH_LARGE_CALLS ?? 30),
};
const soakSeconds = args.includes('--soak') ? Number(args[args.indexOf('--soak') + 1] ?? 300) : null;
const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
/** The pages issue 9 holds to Lighthouse performance ≥ 95 and accessibility 100. */
const lighthousePaths = ['/', `/chi-tieu/${INDICATOR}`];

const say = (line: string) => console.log(line);
const label = (t: Target) => `${t.name} (${t.path})`;
const bad = (r: LoadResult) => r.non2xx + r.errors;

type PublicRow = { target: Target; next: LoadResult; flat?: LoadResult; serve?: LoadResult };

async function main(): Promise<void> {
  installSignalHandlers();
  startReaper();
  process.chdir(root);
  if (only === 'large') {
    await benchLargeData(largeOptions);
    return;
  }
  if (only) throw new Error(`--only ${only}: the only stage that runs alone is "large"`);
  if (soakSeconds !== null) {
    if (!Number.isInteger(soakSeconds) || soakSeconds < 5) throw new Error('--soak <seconds>: a whole number of seconds, at least 5');
    await soak(soakSeconds);
    return;
  }
  const filter = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');
  const matches = (t: Target) => !filter || t.path.includes(filter) || t.name.includes(filter);
  let pages = publicTargets.filter(matches);
  const staffPages = staffTargets.filter(matches);
  if (pages.length + staffPages.length === 0) throw new Error(`no target matches "${filter}"`);

  await ensureBuild();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-bench-'));
  onCleanup(`temporary folder ${tmp}`, () => fs.rmSync(tmp, { recursive: true, force: true }), { dir: tmp });
  const dataDir = path.join(tmp, 'pglite');
  const pg = await tryCreatePgDatabase(pgAdminUrl);
  if (pg) onCleanup(`temporary database ${pg.name}`, () => pg.drop(), { database: { adminUrl: pgAdminUrl, name: pg.name } });
  const target: DatabaseTarget = pg ? { url: pg.url } : { dataDir };

  await prepareAndBootstrap(target);
  clearFetchCache();
  if (pg) {
    await benchSaves(pg.url);
    await growHistory(pg.url, revisionTarget);
  } else {
    say('• PostgreSQL không trả lời: bỏ qua đo lưu, lịch sử 100 000 phiên bản và trang quản trị (PostgreSQL unreachable: saves, history and staff pages skipped)');
  }
  await createBenchAdmin(target);
  const revision = await firstRevisionOf(target, INDICATOR);
  pages = pages.flatMap((t) => {
    if (!t.path.includes('{REV}')) return [t];
    if (revision === null) {
      say(`• Không tìm thấy phiên bản nào của ${INDICATOR}: bỏ trang quá khứ (no revision found: past view skipped)`);
      return [];
    }
    return [{ ...t, path: t.path.replace('{REV}', String(revision)) }];
  });

  // ---------------------------------------------------------------- next start alone
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = serverEnv(port, { ...process.env, ...(pg ? { DATABASE_URL: pg.url } : { PGLITE_DIR: dataDir }) });
  if (!pg) delete env.DATABASE_URL;
  const server = startServer(port, env, { detached: true, quiet: true });
  const stopServer = onCleanup(`next start (pid ${server.pid})`, () => stopGroup(server), { group: server.pid });
  say(`• next start (pid ${server.pid}) trên cổng ${port}, ${pg ? `PostgreSQL tạm ${pg.name}` : `PGlite tạm (temporary) ${dataDir}`}`);
  await waitForHealth(`${base}/api/health`, { child: server, timeoutMs: 120_000 });

  say(`• Khởi động nóng (warming up): 2 GET rồi ${warmupSeconds} s tải nhẹ mỗi trang (2 GETs, then ${warmupSeconds} s of light load per page)…`);
  for (const t of pages) {
    const status = await warm(base + t.path, { gets: 2, seconds: warmupSeconds });
    if (status !== 200) say(`  cảnh báo (warning): ${t.path} → HTTP ${status}`);
  }

  let reference: StaticReference | null = null;
  let referenceSkipped = '';
  if (pages.length > 0) {
    try {
      const html = await snapshotPages(base, pages.map((t) => t.path));
      const staticPort = await freePort();
      reference = await startStaticReference(html, { prefix: path.join(tmp, 'nginx-static'), port: staticPort });
      onCleanup(`nginx (static reference, pid ${reference.pid})`, () => reference?.stop(), { group: reference.pid });
      say(`• Tham chiếu tĩnh (static reference): nginx ${reference.version} trên cổng ${staticPort}, cùng HTML lưu thành tệp (the same HTML as files)`);
      for (let i = 0; i < pages.length; i++) await warm(reference.urlFor(i), { gets: 2 });
    } catch (error) {
      referenceSkipped = (error as Error).message.split('\n')[0]!;
      say(`• Bỏ qua tham chiếu tĩnh (static reference skipped): ${referenceSkipped}`);
    }
  }

  say(`• Đo (measuring): autocannon, ${settings.duration} s mỗi trang, ${settings.connections} kết nối (connections); Next rồi tệp tĩnh, từng trang`);
  const rows: PublicRow[] = [];
  for (const [i, t] of pages.entries()) {
    const next = await load(base + t.path, settings);
    const flat = reference ? await load(reference.urlFor(i), settings) : undefined;
    rows.push({ target: t, next, flat });
    say(`  ${t.path}: Next ${fmt.rps(next.rps)} req/s${flat ? `, tĩnh (static) ${fmt.rps(flat.rps)} req/s` : ''}`);
  }
  await reference?.stop();

  const staffRows: { target: Target; result: LoadResult }[] = [];
  const cookie = pg && staffPages.length > 0 ? await signIn(base) : null;
  if (cookie) {
    const headers = { cookie };
    for (const t of staffPages) {
      const status = await warm(base + t.path, { gets: 2, seconds: warmupSeconds, headers });
      if (status !== 200) say(`  cảnh báo (warning): ${t.path} → HTTP ${status}`);
      const result = await load(base + t.path, settings, headers);
      staffRows.push({ target: t, result });
      say(`  ${t.path}: ${fmt.rps(result.rps)} req/s`);
    }
  }

  const saves: { where: string; result?: SaveVisibleResult; skipped?: string }[] = [];
  const runSaves = async (where: string, at: string, series: number, alsoRead: string[] = []) => {
    const unavailable = saveVisibleUnavailable();
    if (unavailable || saveEdits <= 0) {
      saves.push({ where, skipped: unavailable ?? 'BENCH_SAVE_EDITS=0' });
      return;
    }
    say(`• Lưu → thấy (save → visible), ${where}: ${saveEdits} lần sửa qua trình duyệt (edits through the browser)…`);
    try {
      const result = await measureSaveToVisible({ base: at, email: BENCH_ADMIN_EMAIL, password: BENCH_ADMIN_PASSWORD, code: INDICATOR, edits: saveEdits, series, alsoRead, log: say });
      saves.push({ where, result });
    } catch (error) {
      saves.push({ where, skipped: `lỗi (error): ${(error as Error).message.split('\n')[0]}` });
    }
  };
  // Before the saves, on the same server, with nothing else running against it.
  let lighthouse: { rows?: LighthouseRow[]; skipped?: string };
  const lighthouseTargets = lighthousePaths.filter((p) => !filter || p.includes(filter));
  const noLighthouse = lighthouseRuns <= 0 ? 'BENCH_LIGHTHOUSE_RUNS=0' : lighthouseTargets.length === 0 ? `no page matches "${filter}"` : lighthouseUnavailable();
  if (noLighthouse) lighthouse = { skipped: noLighthouse };
  else {
    say(`• Lighthouse (mobile), ${lighthouseRuns} lần mỗi trang (runs per page): ${lighthouseTargets.join(', ')}`);
    try {
      lighthouse = { rows: await measureLighthouse(base, lighthouseTargets, { runs: lighthouseRuns, log: say }) };
    } catch (error) {
      lighthouse = { skipped: `lỗi (error): ${(error as Error).message.split('\n')[0]}` };
    }
  }

  await runSaves('next start', base, 4);
  await stopServer();

  if (wasInterrupted()) return;

  // ---------------------------------------------------------------- through npm run serve (optional)
  let serveNote: string;
  if (!withServe) {
    serveNote = 'qua npm run serve (through serve): bỏ qua vì (left out by) BENCH_SERVE=0';
  } else {
    const why = await serveUnavailable(pg?.url ?? null);
    if (why || !pg) {
      serveNote = `qua npm run serve (through serve): bỏ qua (skipped) — ${why}`;
    } else {
      say('• Qua npm run serve (through serve: nginx micro-cache → instances → Redis), cùng cơ sở dữ liệu (same database)…');
      try {
        const serve = await startServe(pg.url, say);
        for (const t of pages) await warm(serve.base + t.path, { gets: 2, seconds: warmupSeconds });
        for (const row of rows) {
          row.serve = await load(serve.base + row.target.path, settings);
          say(`  ${row.target.path}: qua serve (through serve) ${fmt.rps(row.serve.rps)} req/s`);
        }
        await runSaves(`npm run serve (nginx, và từng instance / and each instance: ${serve.instances.join(', ')})`, serve.base, 5, serve.instances);
        await serve.stop();
        serveNote = 'qua npm run serve (through serve): đo (measured) — cột "serve"';
      } catch (error) {
        serveNote = `qua npm run serve (through serve): lỗi (failed) — ${(error as Error).message.split('\n')[0]}`;
      }
    }
  }

  // ---------------------------------------------------------------- report
  if (wasInterrupted()) return;
  const anyServe = rows.some((r) => r.serve);
  const pct = (n: number, d: number) => {
    const v = (100 * n) / d;
    return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} %`;
  };
  const header = ['page', 'Next req/s', 'p50 ms', 'p99 ms', 'static req/s', '% of static', 'static p50', 'static p99'];
  if (anyServe) header.push('serve req/s', 'serve p50', 'serve p99', 'serve % of static');
  header.push('non-2xx+err');
  const body = rows.map(({ target: t, next, flat, serve }) => {
    const cells = [
      t.path,
      fmt.rps(next.rps),
      fmt.ms(next.p50),
      fmt.ms(next.p99),
      flat ? fmt.rps(flat.rps) : '–',
      flat && flat.rps > 0 ? pct(next.rps, flat.rps) : '–',
      flat ? fmt.ms(flat.p50) : '–',
      flat ? fmt.ms(flat.p99) : '–',
    ];
    if (anyServe) {
      cells.push(
        serve ? fmt.rps(serve.rps) : '–',
        serve ? fmt.ms(serve.p50) : '–',
        serve ? fmt.ms(serve.p99) : '–',
        serve && flat && flat.rps > 0 ? pct(serve.rps, flat.rps) : '–',
      );
    }
    cells.push([bad(next), flat ? bad(flat) : '–', ...(anyServe ? [serve ? bad(serve) : '–'] : [])].join('/'));
    return cells;
  });
  say(`\nTrang công khai (public pages): Next một mình (next start alone) so với nginx phục vụ cùng HTML thành tệp (static reference)`);
  say(`autocannon -c ${settings.connections} -d ${settings.duration}, cùng thiết lập cho cả hai (same settings for both)\n`);
  if (rows.length > 0) say(table(header, body));
  if (referenceSkipped) say(`(static reference skipped: ${referenceSkipped})`);
  for (const { target: t, next, flat, serve } of rows) {
    for (const [where, r] of [['Next', next], ['static', flat], ['serve', serve]] as const) {
      if (r && r.total === 0) say(`(${t.path}, ${where}: không có phản hồi nào xong trong lúc đo — no response completed during the run; its p50/p99 mean nothing)`);
    }
  }
  say(`• ${serveNote}`);

  if (staffRows.length > 0) {
    say('\nTrang quản trị (staff pages, signed in), next start một mình:\n');
    say(
      table(
        ['page', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
        staffRows.map(({ target: t, result: r }) => [label(t), fmt.rps(r.rps), fmt.ms(r.p50), fmt.ms(r.p99), String(r.non2xx), String(r.errors)]),
      ),
    );
  }

  say(`\nLighthouse (mobile, điều tiết mô phỏng / simulated throttling), next start một mình, ${lighthouseRuns} lần mỗi trang; JS = các script của trang, nén gzip (each script gzipped, summed):\n`);
  if (lighthouse.rows) say(describeLighthouse(lighthouse.rows));
  else say(`  bỏ qua (skipped): ${lighthouse.skipped}`);

  say('\nLưu → thấy trên trang công khai (save → visible), GET mỗi ~20 ms, tối đa 10 s:');
  for (const s of saves) {
    say(`• ${s.where}:`);
    if (s.skipped) say(`  bỏ qua (skipped): ${s.skipped}`);
    else for (const line of describeSaveVisible(s.result!, saveEdits)) say(line);
  }
  say(`\n(${os.cpus().length} cores; autocannon, nginx and the server share them. non-2xx+err = Next/static${anyServe ? '/serve' : ''}, socket errors and timeouts included.)`);
  if (pg) await timeVerify(pg.url);
  if (pg && withLarge && !wasInterrupted()) await benchLargeData(largeOptions);
  else if (pg) say('• Dữ liệu lớn (large data): bỏ qua (skipped), BENCH_LARGE=0');
}

/** `--soak N`: only the soak stage, on a fresh database and its own next start (scripts/bench/soak.ts). */
async function soak(seconds: number): Promise<void> {
  await ensureBuild();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-soak-'));
  onCleanup(`temporary folder ${tmp}`, () => fs.rmSync(tmp, { recursive: true, force: true }), { dir: tmp });
  const pg = await tryCreatePgDatabase(pgAdminUrl);
  if (pg) onCleanup(`temporary database ${pg.name}`, () => pg.drop(), { database: { adminUrl: pgAdminUrl, name: pg.name } });
  const dataDir = path.join(tmp, 'pglite');
  const target: DatabaseTarget = pg ? { url: pg.url } : { dataDir };
  await prepareAndBootstrap(target);
  clearFetchCache();
  const { codes, revisions } = await prepareSoak(target);
  if (codes.length === 0) throw new Error('soak: no indicator with a reported 2025 figure to edit');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = serverEnv(port, { ...process.env, SECURITY_LOG: 'off', ...(pg ? { DATABASE_URL: pg.url } : { PGLITE_DIR: dataDir }) });
  if (!pg) delete env.DATABASE_URL;
  const server = startServer(port, env, { detached: true, quiet: true });
  const stopServer = onCleanup(`next start (pid ${server.pid})`, () => stopGroup(server), { group: server.pid });
  say(`• next start (pid ${server.pid}) trên cổng ${port}, ${pg ? `PostgreSQL tạm ${pg.name}` : `PGlite tạm (temporary) ${dataDir}`}`);
  await waitForHealth(`${base}/api/health`, { child: server, timeoutMs: 120_000 });
  const { errors } = await runSoak({ base, serverPid: server.pid!, seconds, codes, revisions, log: say });
  await stopServer();
  if (errors > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanupAll();
    process.exit(process.exitCode ?? 0);
  });
