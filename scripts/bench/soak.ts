/**
 * `npm run bench -- --soak 300`: five minutes (the number is seconds) of mixed load on one
 * `next start`: readers on public pages and past views (autocannon, a few connections per route,
 * all at once), two editors saving through the staff form in a headless Chromium (two accounts,
 * two indicators, one save after another for the whole run), and one administrator reading the
 * history pages over HTTP with a session cookie. It prints the errors (anything but the expected
 * answer, socket errors and timeouts included: must be 0), p50/p99 per route, and the RSS of the
 * server process at the start, the end and the highest seen (sampled every 5 s).
 *
 * The readers all come from 127.0.0.1, like the editors: the server keeps its default rate
 * limits, which a reader who reads cached pages and a handful of past views never reaches.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../lib/chromium';
import { onCleanup, wasInterrupted } from './cleanup';
import { fmt, table, warm } from './load';
import { nextFormMessage } from './save-visible';
import type { DatabaseTarget } from '../start';

type Histogram = { p50: number; p99: number; max: number };
type AutocannonResult = {
  requests: { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
};
type AutocannonOptions = { url: string; connections: number; duration: number; timeout: number; requests?: Array<{ setupRequest?: (req: { path: string }) => { path: string } }> };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => Promise<AutocannonResult>;

export const SOAK_EDITORS = [
  { email: 'soak-editor-1@example.vn', password: 'mật khẩu biên tập viên soak một' },
  { email: 'soak-editor-2@example.vn', password: 'mật khẩu biên tập viên soak hai' },
];
export const SOAK_ADMIN = { email: 'soak-admin@example.vn', password: 'ngựa ô qua cầu Khỉ, mây tím 1947 — soak' };

type Route = { name: string; paths: string[]; connections: number };
type RouteResult = { name: string; requests: number; p50: number; p99: number; errors: number; what?: string };

/** A request slower than this (seconds) counts as an error (BENCH_SOAK_TIMEOUT). */
const TIMEOUT_S = Number(process.env.BENCH_SOAK_TIMEOUT ?? 30);

/** What the errors of a reader route were: the non-2xx statuses, socket errors, timeouts. */
function whatWentWrong(res: AutocannonResult): string {
  const parts = Object.entries(res.statusCodeStats)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${count}×HTTP ${code}`);
  if (res.errors) parts.push(`${res.errors} socket`);
  if (res.timeouts) parts.push(`${res.timeouts} timeout > ${TIMEOUT_S} s`);
  return parts.join(', ');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The soak's accounts (two editors, one administrator) and two indicators with a reported 2025 figure, before the server starts. */
export async function prepareSoak(target: DatabaseTarget): Promise<{ codes: string[]; revisions: number[] }> {
  const { openDatabase } = await import('../../db/index');
  const { createUser } = await import('../../db/queries/accounts');
  const { sql } = await import('drizzle-orm');
  const handle = await openDatabase('url' in target ? { url: target.url, max: 1 } : { dataDir: target.dataDir });
  try {
    for (const [i, e] of SOAK_EDITORS.entries()) {
      await createUser({ email: e.email, displayName: `Soak ${i + 1}`, role: 'editor', password: e.password, by: 'console' }, handle.db);
    }
    await createUser({ email: SOAK_ADMIN.email, displayName: 'Soak admin', role: 'admin', password: SOAK_ADMIN.password, by: 'console' }, handle.db);
    const codes = await handle.db.execute<{ code: string }>(sql`
      select i.code from indicators i join indicator_values v on v.indicator_id = i.id
      where v.year = 2025 and v.role = 'actual' group by i.code, i.position order by i.position limit 2`);
    const revisions = await handle.db.execute<{ id: number }>(sql`select id from revisions order by id limit 6`);
    const list = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);
    return { codes: list<{ code: string }>(codes).map((r) => r.code), revisions: list<{ id: number }>(revisions).map((r) => Number(r.id)) };
  } finally {
    await handle.close();
  }
}

/** RSS of a process, in MiB (Linux /proc), or null when it is gone. */
function rssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** The server process and its children (next start may run the server in a child `next-server`). */
function serverRss(pid: number): number | null {
  let total = rssMiB(pid);
  if (total === null) return null;
  try {
    for (const child of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += rssMiB(Number(child)) ?? 0;
  } catch {
    // no children file: the process alone
  }
  return total;
}

/** Sign in over HTTP (Auth.js credentials), returning the session cookie. */
async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!.trim(), v.join('='));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken }).toString(),
  });
  keep(res);
  await res.arrayBuffer();
  return cookie();
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** One administrator (signed in: `cookie`) reading the history pages, one request after another, until `until`. */
async function adminReads(base: string, cookie: string, until: number): Promise<RouteResult> {
  const paths = ['/quan-tri/thay-doi', '/quan-tri/thay-doi?loai=indicator', '/quan-tri/lich-su/chi-tieu/1'];
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; Date.now() < until && !wasInterrupted(); i++) {
    const started = performance.now();
    try {
      const res = await fetch(base + paths[i % paths.length], { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      if (res.status === 200) times.push(performance.now() - started);
      else errors++;
    } catch {
      errors++;
    }
    await sleep(200);
  }
  return { name: 'quản trị: lịch sử (admin: history)', requests: times.length + errors, p50: percentile(times, 50), p99: percentile(times, 99), errors };
}

/** Hydrated: before that a form submits as a plain GET. */
async function whenHydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && Object.keys(el).some((k) => k.startsWith('__reactFiber$'));
  }, selector, { timeout: 60_000 });
}

/** One editor signed in, on `code`'s staff form: the index of its 2025 reported value row. */
async function openEditor(page: Page, base: string, editor: { email: string; password: string }, code: string): Promise<number> {
  await page.goto(`${base}/dang-nhap`);
  await whenHydrated(page, '#dang-nhap-email');
  await page.fill('#dang-nhap-email', editor.email);
  await page.fill('#dang-nhap-mat-khau', editor.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'), { timeout: 60_000 });
  await page.goto(`${base}/quan-tri/chi-tieu/${code}`);
  await whenHydrated(page, 'form.staff-form');
  const row = await page.evaluate(() => {
    const rows = document.querySelectorAll('.value-row');
    for (let i = 0; i < rows.length; i++) {
      const year = document.querySelector<HTMLInputElement>(`#indicator-values-${i}-year`)?.value;
      const role = document.querySelector<HTMLSelectElement>(`#indicator-values-${i}-role`)?.value;
      if (year === '2025' && role === 'actual') return i;
    }
    return -1;
  });
  if (row < 0) throw new Error(`${code}: no "actual" value row for 2025 in the form`);
  return row;
}

/** Save the figure in value row `row` again and again, until `until`. */
async function editorSaves(page: Page, row: number, series: number, until: number) {
  const times: number[] = [];
  const failures: string[] = [];
  let last = '';
  for (let i = 0; Date.now() < until && !wasInterrupted(); i++) {
    await page.fill(`#indicator-values-${row}-value`, `${series},${String(i + 1).padStart(4, '0')}`);
    await page.selectOption('#indicator-reason-kind', 'cap_nhat_so_lieu');
    await page.fill('#indicator-reason-text', `soak ${i + 1}`);
    const started = performance.now();
    await page.getByRole('button', { name: 'Lưu thay đổi', exact: true }).click();
    const outcome = await nextFormMessage(page, last, 60_000);
    last = outcome;
    if (/^Đã lưu \(phiên bản \d+\)/.test(outcome)) times.push(performance.now() - started);
    else failures.push(outcome);
    await sleep(500);
  }
  return { times, failures };
}

export type SoakOptions = { base: string; serverPid: number; seconds: number; codes: string[]; revisions: number[]; log: (line: string) => void };

export async function runSoak({ base, serverPid, seconds, codes, revisions, log }: SoakOptions): Promise<{ errors: number }> {
  const code = codes[0]!;
  const past = revisions.map((id) => `/chi-tieu/${code}?asOf=r${id}`);
  const routes: Route[] = [
    { name: 'trang chủ (/)', paths: ['/'], connections: 2 },
    { name: '/chi-tieu', paths: ['/chi-tieu'], connections: 2 },
    ...codes.map((c) => ({ name: `/chi-tieu/${c}`, paths: [`/chi-tieu/${c}`], connections: 2 })),
    { name: '/muc/kinh-te', paths: ['/muc/kinh-te'], connections: 1 },
    { name: '/en/chi-tieu', paths: ['/en/chi-tieu'], connections: 1 },
    { name: `quá khứ (past views) ×${past.length}`, paths: past, connections: 2 },
    { name: 'quá khứ, mục (past, section)', paths: revisions.map((id) => `/muc/kinh-te?asOf=r${id}`), connections: 1 },
  ];
  for (const r of routes) for (const p of r.paths) await warm(base + p, { gets: 1 });

  const rss: number[] = [];
  const sample = () => {
    const v = serverRss(serverPid);
    if (v !== null) rss.push(v);
  };
  sample();
  const rssStart = rss[0] ?? NaN;
  const sampler = setInterval(sample, 5_000);
  log(`• Soak ${seconds} s: ${routes.reduce((n, r) => n + r.connections, 0)} kết nối đọc (reader connections) trên ${routes.length} tuyến (routes), 2 biên tập viên lưu (editors saving ${codes.join(', ')}), 1 quản trị đọc lịch sử (admin reading history); RSS đầu (start) ${rssStart.toFixed(0)} MiB`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const stopBrowser = onCleanup('chromium (soak)', () => browser.close().catch(() => {}));
  try {
    // Everyone signs in first; the clock starts when all are ready.
    const adminCookie = await signInCookie(base, SOAK_ADMIN.email, SOAK_ADMIN.password);
    const desks = await Promise.all(
      SOAK_EDITORS.map(async (editor, i) => {
        const context = await browser.newContext({ locale: 'vi-VN' });
        const page = await context.newPage();
        page.setDefaultTimeout(60_000);
        const row = await openEditor(page, base, editor, codes[i % codes.length]!);
        return { context, page, row, series: 8 + i };
      }),
    );
    const until = Date.now() + seconds * 1000;
    const readers = routes.map((r) => {
      let i = 0;
      return autocannon({
        url: base + r.paths[0],
        connections: r.connections,
        duration: seconds,
        timeout: TIMEOUT_S,
        requests: [{ setupRequest: (req) => ({ ...req, path: r.paths[i++ % r.paths.length]! }) }],
      }).then((res) => ({ name: r.name, requests: res.requests.total, p50: res.latency.p50, p99: res.latency.p99, errors: res.non2xx + res.errors + res.timeouts, what: whatWentWrong(res) }));
    });
    const editors = desks.map(async ({ context, page, row, series }, i) => {
      try {
        return await editorSaves(page, row, series, until);
      } catch (error) {
        return { times: [], failures: [`editor ${i + 1}: ${(error as Error).message.split('\n')[0]}`] };
      } finally {
        await context.close();
      }
    });
    const [readResults, editResults, admin] = await Promise.all([Promise.all(readers), Promise.all(editors), adminReads(base, adminCookie, until)]);
    clearInterval(sampler);
    sample();
    const rssEnd = rss[rss.length - 1] ?? NaN;

    const saveTimes = editResults.flatMap((e) => e.times);
    const saveFailures = editResults.flatMap((e) => e.failures);
    const rows: RouteResult[] = [
      ...readResults,
      admin,
      { name: 'biên tập: lưu (editors: save, click → message)', requests: saveTimes.length + saveFailures.length, p50: percentile(saveTimes, 50), p99: percentile(saveTimes, 99), errors: saveFailures.length },
    ];
    const errors = rows.reduce((n, r) => n + r.errors, 0);
    log(`\nSoak ${seconds} s (${base}):\n`);
    log(table(['route', 'requests', 'p50 ms', 'p99 ms', 'errors'], rows.map((r) => [r.name, String(r.requests), fmt.ms(r.p50), fmt.ms(r.p99), String(r.errors)])));
    for (const r of rows) if (r.what) log(`  ${r.name}: ${r.what}`);
    for (const f of saveFailures.slice(0, 5)) log(`  lưu không thành công (save failed): ${f}`);
    log(`\nLỗi (errors): ${errors}${errors === 0 ? '' : '  ← phải là 0 (must be 0)'}`);
    log(`RSS của next-server (pid ${serverPid}): đầu (start) ${rssStart.toFixed(0)} MiB, cuối (end) ${rssEnd.toFixed(0)} MiB, cao nhất (peak) ${Math.max(...rss).toFixed(0)} MiB`);
    return { errors };
  } finally {
    clearInterval(sampler);
    await stopBrowser();
  }
}
