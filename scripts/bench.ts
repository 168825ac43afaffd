/**
 * `npm run bench` — throughput and latency under `next start`, and the cost of saving.
 *
 * Builds if `.next/BUILD_ID` is missing and prepares a fresh temporary database (migrate + seed):
 * a new database on the PostgreSQL at BENCH_PG_URL (default postgres://127.0.0.1:5432/test) when
 * it answers, otherwise a temporary PGlite folder. With PostgreSQL it also
 *   1. times saves through the data layer (sequential, then 8 writers at once),
 *   2. grows the history to BENCH_REVISIONS (default 100 000) hash-chained revisions,
 *   3. signs in and loads the staff pages that read that history (recent changes, an item's history).
 * Then it starts `next start`, warms up, loads each target with autocannon and prints a table.
 * Measures only; asserts nothing. The temporary database is dropped at the end.
 *
 *   BENCH_DURATION=8 BENCH_CONNECTIONS=32 npm run bench
 *   npm run bench -- /chi-tieu            # only the targets whose path or name contains "/chi-tieu"
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { clearFetchCache, ensureBuild, prepareAndBootstrap, root, serverEnv, startServer, waitForHealth } from './start';

/** What to load. Add a line to measure another page. */
const targets: { name: string; path: string; staff?: boolean }[] = [
  { name: 'Trang chủ', path: '/' },
  { name: 'Chỉ tiêu', path: '/chi-tieu' },
  { name: 'Một chỉ tiêu', path: '/chi-tieu/grdp-binh-quan-dau-nguoi' },
  { name: 'Một chỉ tiêu, as of r1', path: '/chi-tieu/grdp-binh-quan-dau-nguoi?asOf=r1' },
  { name: 'Thay đổi gần đây', path: '/quan-tri/thay-doi', staff: true },
  { name: 'Thay đổi, lọc loại mục', path: '/quan-tri/thay-doi?loai=section', staff: true },
  { name: 'Lịch sử một chỉ tiêu', path: '/quan-tri/lich-su/chi-tieu/1', staff: true },
];

const revisionTarget = Number(process.env.BENCH_REVISIONS ?? 100_000);
const pgAdminUrl = process.env.BENCH_PG_URL ?? 'postgres://127.0.0.1:5432/test';
const BENCH_EMAIL = 'bench-editor@example.vn';
const BENCH_PASSWORD = 'mật khẩu chỉ dùng cho bench';

const duration = Number(process.env.BENCH_DURATION ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);

// autocannon ships no types: the part of its programmatic API used here.
type Histogram = { average: number; mean: number; p50: number; p99: number; max: number };
type AutocannonResult = {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
};
type AutocannonOptions = { url: string; connections: number; duration: number; pipelining?: number; headers?: Record<string, string> };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => Promise<AutocannonResult>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // its own process group (detached)
    } catch {
      child.kill(signal);
    }
  };
  signalGroup('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
  if (!killed) {
    signalGroup('SIGKILL');
    await exited;
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

async function main(): Promise<void> {
  process.chdir(root);
  const filter = process.argv[2];
  const selected = filter ? targets.filter((t) => t.path.includes(filter) || t.name.includes(filter)) : targets;
  if (selected.length === 0) throw new Error(`no target matches "${filter}"`);

  await ensureBuild();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-bench-'));
  const dataDir = path.join(tmp, 'pglite');
  const pg = await tryCreatePgDatabase();
  let child: ChildProcess | undefined;
  const cleanup = async () => {
    if (child) await stop(child);
    fs.rmSync(tmp, { recursive: true, force: true });
    await pg?.drop();
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await prepareAndBootstrap(pg ? { url: pg.url } : { dataDir });
    clearFetchCache();
    if (pg) {
      await benchSaves(pg.url);
      await growHistory(pg.url, revisionTarget);
    } else {
      console.log('• PostgreSQL không trả lời: bỏ qua đo lưu và lịch sử 100 000 phiên bản (PostgreSQL unreachable: saves and history skipped)');
    }

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = serverEnv(port, { ...process.env, ...(pg ? { DATABASE_URL: pg.url } : { PGLITE_DIR: dataDir }) });
    if (!pg) delete env.DATABASE_URL;
    console.log(`• next start trên cổng ${port}, ${pg ? `PostgreSQL tạm ${pg.name}` : `PGlite tạm (temporary) ${dataDir}`}`);
    child = startServer(port, env, { detached: true, quiet: true });
    await waitForHealth(`${base}/api/health`, { child, timeoutMs: 120_000 });
    const cookie = pg ? await signIn(base) : null;

    console.log(`• Khởi động nóng (warming up) ${warmupSeconds} s mỗi trang…`);
    const runnable = selected.filter((t) => !t.staff || cookie);
    const headersFor = (t: { staff?: boolean }) => (t.staff && cookie ? { cookie } : undefined);
    for (const t of runnable) {
      const res = await fetch(base + t.path, { headers: headersFor(t), redirect: 'manual' });
      await res.arrayBuffer();
      if (!res.ok) console.log(`  cảnh báo (warning): ${t.path} → HTTP ${res.status}`);
      await autocannon({ url: base + t.path, connections: Math.min(connections, 8), duration: warmupSeconds, headers: headersFor(t) });
    }

    console.log(`• Đo (measuring): ${duration} s mỗi trang, ${connections} kết nối (connections)\n`);
    const rows: string[][] = [];
    for (const t of runnable) {
      const r = await autocannon({ url: base + t.path, connections, duration, headers: headersFor(t) });
      rows.push([
        `${t.name} (${t.path})`,
        r.requests.average.toFixed(0),
        r.latency.p50.toFixed(0),
        r.latency.p99.toFixed(0),
        String(r.non2xx),
        String(r.errors + r.timeouts),
      ]);
      console.log(`  ${t.path}: ${r.requests.average.toFixed(0)} req/s`);
    }

    const header = ['page', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const row of rows) console.log(line(row));
    console.log(`\n(${os.cpus().length} cores; autocannon and the server share them. errors = socket errors + timeouts.)`);
    if (pg) await timeVerify(pg.url);
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// ------------------------------------------------------------ PostgreSQL parts

async function tryCreatePgDatabase() {
  const { default: postgres } = await import('postgres');
  const admin = postgres(pgAdminUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const name = `kqnk_bench_${Date.now().toString(36)}`;
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } catch {
    return null;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const u = new URL(pgAdminUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    async drop() {
      const a = postgres(pgAdminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
}

const ms = (ns: bigint) => Number(ns) / 1e6;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Saves through the same data function the server action calls: one transaction, version check, revision. */
async function benchSaves(url: string): Promise<void> {
  const { openDatabase } = await import('../db/index');
  const { createUser } = await import('../db/queries/accounts');
  const { createSession } = await import('../db/queries/sessions');
  const { saveIndicator } = await import('../db/queries/edits');
  const { findIndicatorForEdit, listIndicatorsForStaff } = await import('../db/queries/staff');
  const handle = await openDatabase({ url, max: 10 });
  try {
    const user = await createUser({ email: BENCH_EMAIL, displayName: 'Bench', role: 'editor', password: BENCH_PASSWORD, by: 'console' }, handle.db);
    const session = await createSession({ userId: user.id }, handle.db);
    const actor = { userId: user.id, sessionId: session.id, role: 'editor' as const, displayName: 'Bench', email: BENCH_EMAIL };
    const codes = (await listIndicatorsForStaff({ reportSlug: 'soc-trang-2020-2025' }, handle.db)).map((i) => i.key);
    let n = 0;
    const saveOnce = async (code: string) => {
      const item = (await findIndicatorForEdit({ reportSlug: 'soc-trang-2020-2025', code }, handle.db))!;
      const { values, sectionId: _s, reportId: _r, code: _c, position: _p, ...fields } = item.snapshot;
      const started = process.hrtime.bigint();
      await saveIndicator(
        {
          reportSlug: 'soc-trang-2020-2025',
          code,
          edit: { ...fields, note: `bench ${++n}`, values, version: item.version, reason: { kind: 'bien_tap', text: 'bench' } } as never,
        },
        actor,
        handle.db,
      );
      return ms(process.hrtime.bigint() - started);
    };
    const sequential: number[] = [];
    for (let i = 0; i < 200; i++) sequential.push(await saveOnce(codes[i % codes.length]!));
    sequential.sort((a, b) => a - b);
    const writers = Math.min(8, codes.length);
    const perWriter = 50;
    const started = process.hrtime.bigint();
    const concurrent = (
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const out: number[] = [];
          for (let i = 0; i < perWriter; i++) out.push(await saveOnce(codes[w]!));
          return out;
        }),
      )
    )
      .flat()
      .sort((a, b) => a - b);
    const seconds = ms(process.hrtime.bigint() - started) / 1000;
    console.log('\n• Lưu chỉ tiêu (saves, through saveIndicator: check actor, lock, update, values, revision, one transaction)');
    console.log(`  tuần tự (sequential) 200: p50 ${percentile(sequential, 50).toFixed(1)} ms, p99 ${percentile(sequential, 99).toFixed(1)} ms`);
    console.log(
      `  ${writers} người lưu cùng lúc (concurrent writers) × ${perWriter}: ${((writers * perWriter) / seconds).toFixed(0)} lần lưu/s, p50 ${percentile(concurrent, 50).toFixed(1)} ms, p99 ${percentile(concurrent, 99).toFixed(1)} ms\n`,
    );
  } finally {
    await handle.close();
  }
}

/** Append synthetic, correctly chained revisions until the table holds `total` rows. */
async function growHistory(url: string, total: number): Promise<void> {
  const { openDatabase } = await import('../db/index');
  const { revisions } = await import('../db/schema');
  const { revisionHash } = await import('../lib/revision-hash');
  const { sql } = await import('drizzle-orm');
  const handle = await openDatabase({ url, max: 2 });
  try {
    const started = Date.now();
    const [{ count }] = (await handle.db.select({ count: sql<number>`count(*)::int` }).from(revisions)) as [{ count: number }];
    const missing = total - count;
    if (missing <= 0) return;
    const latest = await handle.db
      .selectDistinctOn([revisions.itemType, revisions.itemId])
      .from(revisions)
      .where(sql`${revisions.itemType} in ('indicator', 'section') and ${revisions.snapshot} is not null`)
      .orderBy(revisions.itemType, revisions.itemId, sql`${revisions.revisionNo} desc`);
    const [{ max }] = (await handle.db.select({ max: sql<number>`max(id)::int` }).from(revisions)) as [{ max: number }];
    const [bench] = await handle.db.execute<{ id: number }>(sql`select id from users where email = ${BENCH_EMAIL}`);
    let id = max;
    const t0 = Date.now() - 365 * 24 * 3600 * 1000;
    const step = (365 * 24 * 3600 * 1000) / missing;
    const heads = latest.map((r) => ({ ...r }));
    let batch: (typeof revisions.$inferInsert)[] = [];
    for (let i = 0; i < missing; i++) {
      const head = heads[i % heads.length]!;
      const snapshot = { ...(head.snapshot as Record<string, unknown>), note: `bench ${i}` };
      const content = {
        reportId: head.reportId,
        itemType: head.itemType,
        itemId: head.itemId,
        itemKey: head.itemKey,
        itemLabel: head.itemLabel,
        revisionNo: head.revisionNo + 1,
        action: 'update' as const,
        snapshot,
        authorId: bench?.id ?? null,
        authorName: 'Bench',
        reasonKind: 'bien_tap' as const,
        reasonText: `bench ${i}`,
        createdAt: new Date(Math.max(t0 + i * step, head.createdAt.getTime() + 1)),
        previousId: head.id,
        previousHash: head.hash,
      };
      const row = { ...content, id: ++id, hash: revisionHash(content) };
      Object.assign(head, row);
      batch.push(row);
      if (batch.length === 2000) {
        await handle.db.insert(revisions).values(batch);
        batch = [];
      }
    }
    if (batch.length) await handle.db.insert(revisions).values(batch);
    await handle.db.execute(sql`select setval(pg_get_serial_sequence('revisions', 'id'), ${id})`);
    await handle.db.execute(sql`analyze revisions`);
    console.log(`• Lịch sử (history): thêm ${missing.toLocaleString('vi-VN')} phiên bản, tổng ${total.toLocaleString('vi-VN')} — ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

/** Sign in as the bench editor through Auth.js's credentials endpoint; returns the Cookie header. */
async function signIn(base: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!.trim(), v.join('='));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ email: BENCH_EMAIL, password: BENCH_PASSWORD, csrfToken }).toString(),
  });
  keep(res);
  const check = await fetch(`${base}/quan-tri/thay-doi`, { headers: { cookie: cookie() }, redirect: 'manual' });
  if (check.status !== 200) {
    console.log(`  cảnh báo: đăng nhập cho bench không thành công (HTTP ${check.status}); bỏ qua các trang quản trị`);
    return null;
  }
  return cookie();
}

async function timeVerify(url: string): Promise<void> {
  const { openDatabase } = await import('../db/index');
  const { verifyHistory } = await import('../db/history');
  const handle = await openDatabase({ url, max: 1 });
  try {
    const started = Date.now();
    const result = await verifyHistory(handle.db);
    console.log(`• verify-history: ${result.checked.toLocaleString('vi-VN')} phiên bản, ${result.ok ? 'toàn vẹn (ok)' : 'GÃY (broken)'} — ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
