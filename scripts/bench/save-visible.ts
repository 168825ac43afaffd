/**
 * "Save → visible", end to end over HTTP: a headless Chromium (playwright-core, Debian's
 * /usr/bin/chromium) signs in through the real sign-in page and saves through the real staff
 * form, so the server action runs as in production (session, role, zod, the versioned write,
 * `updateTag`). As soon as each save's response has arrived (its headers, which Next sends once
 * the action has run), plain GETs of the public page
 * (every `pollMs`, up to `timeoutMs`) wait for the new figure to appear.
 *
 * The browser is started with `launchServer` (so its pid is known), registered for cleanup, and
 * stopped by pid at the end.
 */
import fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../lib/chromium';
import { onCleanup } from './cleanup';

export type SaveVisibleOptions = {
  /** Where the browser saves and where the GETs read (the same server, or the same proxy). */
  base: string;
  /**
   * Where else the GETs read, besides `base` (e.g. each instance behind the proxy, asked
   * directly): a save counts as visible when every one of them shows it.
   */
  alsoRead?: string[];
  email: string;
  password: string;
  /** The indicator whose 2025 reported figure is changed. */
  code: string;
  edits?: number;
  /** One digit that makes the figures of this run differ from another run's on the same database. */
  series?: number;
  pollMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
};

export type SaveVisibleResult = {
  /** Per successful save: from its response (headers) to the first GET that shows the new figure (ms). */
  visibleMs: number[];
  /** Per successful save: from the click to the server action's response headers (ms). */
  saveMs: number[];
  /** Saves that failed or whose figure never appeared within the timeout. */
  failures: string[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function browserPath(): string {
  try {
    return chromiumPath();
  } catch {
    return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  }
}

/** Why the measurement cannot run here (no browser), or null. */
export function saveVisibleUnavailable(): string | null {
  const bin = browserPath();
  return fs.existsSync(bin) ? null : `không có Chromium tại (no Chromium at) ${bin}: apt-get install -y chromium, hoặc đặt CHROMIUM_PATH`;
}

/** Wait until React has hydrated the element (it then carries React's fiber key); before that a form submits as a plain GET. */
async function whenHydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && Object.keys(el).some((k) => k.startsWith('__reactFiber$'));
  }, selector, { timeout: 30_000 });
}

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/dang-nhap`);
  await whenHydrated(page, '#dang-nhap-email');
  await page.fill('#dang-nhap-email', email);
  await page.fill('#dang-nhap-mat-khau', password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'), { timeout: 30_000 });
  } catch {
    const message = (await page.locator('#dang-nhap-thong-bao').textContent().catch(() => null)) ?? '';
    throw new Error(`đăng nhập không thành công (sign-in failed): ${message.trim() || 'still on /dang-nhap'}`);
  }
}

/**
 * What the staff form says next ("Đã lưu (phiên bản N)" or why not): its message once it differs
 * from `previous` (the form empties it when a save starts), or a line saying none came in time.
 */
export async function nextFormMessage(page: Page, previous: string, timeoutMs: number): Promise<string> {
  return page
    .waitForFunction(
      (prev) => {
        const text = document.querySelector('form.staff-form .form-message')?.textContent?.trim();
        return text && text !== prev ? text : null;
      },
      previous,
      { timeout: timeoutMs },
    )
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => `no message in the form within ${timeoutMs / 1000} s`);
}

/** The index of the value row holding the reported 2025 figure ("actual", year 2025). */
async function row2025(page: Page): Promise<number> {
  const index = await page.evaluate(() => {
    const rows = document.querySelectorAll('.value-row');
    for (let i = 0; i < rows.length; i++) {
      const year = document.querySelector<HTMLInputElement>(`#indicator-values-${i}-year`)?.value;
      const role = document.querySelector<HTMLSelectElement>(`#indicator-values-${i}-role`)?.value;
      if (year === '2025' && role === 'actual') return i;
    }
    return -1;
  });
  if (index < 0) throw new Error('no "actual" value row for 2025 in the form');
  return index;
}

/**
 * Whether the page shows `figure` as a number of its own: not inside a longer number, nor inside
 * the chart's SVG coordinates ("37,40175"), which also use commas.
 */
function figureAt(html: string, figure: string): number {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.search(new RegExp(`(?<![\\d.,])${escaped}(?!\\d|[.,]\\d)`));
}
const shows = (html: string, figure: string) => figureAt(html, figure) >= 0;

/** GET `url` every `pollMs` until it shows `text` (see `shows`); the time since `since` when it did, or null (timeout, or `stop` set). */
async function pollUntilVisible(url: string, text: string, since: number, pollMs: number, timeoutMs: number, stop: { now: boolean }): Promise<number | null> {
  while (!stop.now && performance.now() - since < timeoutMs) {
    const started = performance.now();
    try {
      const res = await fetch(url, { redirect: 'manual' });
      const body = await res.text();
      if (res.ok && shows(body, text)) return performance.now() - since;
    } catch {
      // a refused connection counts as "not yet"
    }
    await sleep(Math.max(0, pollMs - (performance.now() - started)));
  }
  return null;
}

export async function measureSaveToVisible(opts: SaveVisibleOptions): Promise<SaveVisibleResult> {
  const { base, alsoRead = [], email, password, code, edits = 20, series = 4, pollMs = 20, timeoutMs = 10_000, log = console.log } = opts;
  const server = await chromium.launchServer({
    executablePath: browserPath(),
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const pid = server.process().pid;
  // Playwright starts the browser detached: its pid leads a process group holding its helpers.
  const stopBrowser = onCleanup(
    `chromium (pid ${pid})`,
    async () => {
      await Promise.race([server.close().catch(() => {}), sleep(5_000)]);
      if (pid) {
        try {
          process.kill(-pid, 'SIGKILL'); // anything of it still there after close(): by pid
        } catch {
          // gone, as expected
        }
      }
    },
    { group: pid },
  );
  const result: SaveVisibleResult = { visibleMs: [], saveMs: [], failures: [] };
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, base, email, password);
    await page.goto(`${base}/quan-tri/chi-tieu/${code}`);
    await whenHydrated(page, 'form.staff-form');
    const row = await row2025(page);
    const publicUrl = `${base}/chi-tieu/${code}`;
    const readUrls = [publicUrl, ...alsoRead.map((other) => `${other}/chi-tieu/${code}`)];
    log(`  đăng nhập qua /dang-nhap, sửa ${edits} lần số liệu 2025 của ${code} qua /quan-tri/chi-tieu/${code} (Chromium pid ${pid})`);

    let lastOutcome = '';
    for (let i = 0; i < edits; i++) {
      // 7,4017 … 7,4207 (series 4): a figure that appears nowhere else on the page, different every time.
      const figure = `7,${series}${String(i + 1).padStart(2, '0')}7`;
      const before = await fetch(publicUrl).then((r) => r.text());
      const at = figureAt(before, figure);
      if (at >= 0) {
        result.failures.push(`${figure}: already on the page before the save: …${before.slice(Math.max(0, at - 60), at + 20)}…`);
        continue;
      }
      await page.fill(`#indicator-values-${row}-value`, figure);
      await page.selectOption('#indicator-reason-kind', 'cap_nhat_so_lieu');
      await page.fill('#indicator-reason-text', `bench save → visible ${i + 1}`);
      // The server action's POST (it carries a Next-Action header). Its response headers are sent
      // once the action has run (they say whether it revalidated), so "saved" is when they arrive.
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action'], { timeout: 30_000 });
      const clicked = performance.now();
      await page.getByRole('button', { name: 'Lưu thay đổi', exact: true }).click();
      const response = await answered;
      const saved = performance.now();
      const stop = { now: false };
      // Visible when every address shows it: the slowest of them.
      const visible = Promise.all(readUrls.map((url) => pollUntilVisible(url, figure, saved, pollMs, timeoutMs, stop))).then((times) =>
        times.some((t) => t === null) ? null : Math.max(...(times as number[])),
      );
      // Meanwhile, what the form says: "Đã lưu (phiên bản N)" or why not (it is emptied when a save starts).
      const outcome = await nextFormMessage(page, lastOutcome, 30_000);
      lastOutcome = outcome;
      if (!/^Đã lưu \(phiên bản \d+\)/.test(outcome)) {
        stop.now = true;
        await visible;
        result.failures.push(`${figure}: the save did not succeed (HTTP ${response.status()}): ${outcome}`);
        continue;
      }
      const ms = await visible;
      if (ms === null) result.failures.push(`${figure}: not on ${readUrls.join(' and ')} within ${timeoutMs} ms`);
      else {
        result.visibleMs.push(ms);
        result.saveMs.push(saved - clicked);
      }
    }
    await browser.close();
  } finally {
    await stopBrowser();
  }
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Lines for the report: median and max of both timings, and any failure. */
export function describeSaveVisible(r: SaveVisibleResult, edits: number): string[] {
  const lines: string[] = [];
  if (r.visibleMs.length > 0) {
    lines.push(
      `  lưu → thấy trên trang công khai (save → visible): trung vị (median) ${median(r.visibleMs).toFixed(0)} ms, tối đa (max) ${Math.max(...r.visibleMs).toFixed(0)} ms — ${r.visibleMs.length}/${edits} lần`,
      `  bản thân lần lưu (the save itself, click → response headers): trung vị (median) ${median(r.saveMs).toFixed(0)} ms, tối đa (max) ${Math.max(...r.saveMs).toFixed(0)} ms`,
    );
  }
  for (const f of r.failures) lines.push(`  KHÔNG (failed): ${f}`);
  return lines;
}
