/**
 * `npm run bench` — throughput and latency of the public pages under `next start`.
 *
 * Builds if `.next/BUILD_ID` is missing, prepares a fresh temporary PGlite folder (migrate + seed),
 * starts `next start` on a free port, warms up, then loads each target with autocannon and prints
 * a table. Measures only; asserts nothing.
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
import { clearFetchCache, ensureBuild, prepareDatabase, root, serverEnv, startServer, waitForHealth } from './start';

/** What to load. Add a line to measure another page. */
const targets: { name: string; path: string }[] = [
  { name: 'Trang chủ', path: '/' },
  { name: 'Chỉ tiêu', path: '/chi-tieu' },
  { name: 'Một chỉ tiêu', path: '/chi-tieu/grdp-binh-quan-dau-nguoi' },
];

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
  let child: ChildProcess | undefined;
  const cleanup = async () => {
    if (child) await stop(child);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await prepareDatabase({ dataDir });
    clearFetchCache();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = serverEnv(port, { ...process.env, PGLITE_DIR: dataDir });
    delete env.DATABASE_URL;
    console.log(`• next start trên cổng ${port}, PGlite tạm (temporary) ${dataDir}`);
    child = startServer(port, env, { detached: true, quiet: true });
    await waitForHealth(`${base}/api/health`, { child, timeoutMs: 120_000 });

    console.log(`• Khởi động nóng (warming up) ${warmupSeconds} s mỗi trang…`);
    for (const t of selected) {
      const res = await fetch(base + t.path);
      await res.arrayBuffer();
      if (!res.ok) console.log(`  cảnh báo (warning): ${t.path} → HTTP ${res.status}`);
      await autocannon({ url: base + t.path, connections: Math.min(connections, 8), duration: warmupSeconds });
    }

    console.log(`• Đo (measuring): ${duration} s mỗi trang, ${connections} kết nối (connections)\n`);
    const rows: string[][] = [];
    for (const t of selected) {
      const r = await autocannon({ url: base + t.path, connections, duration });
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
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
