/**
 * What a public page costs the browser: Lighthouse 12 (npm `lighthouse`, its default mobile
 * settings: simulated slow 4G and a 4× slower CPU) in Debian's Chromium, started by
 * chrome-launcher and stopped by pid. Per page: the performance score as the median of `runs`
 * runs, the accessibility score (and the audits that fail it), Total Blocking Time (median), and
 * the JavaScript the page loads, each script fetched again and gzipped here, so the figure does
 * not depend on whether the server compresses.
 *
 * Used by `npm run bench` against its `next start`; on its own against any running server:
 *   npm run bench:lighthouse -- http://127.0.0.1:3000 / /chi-tieu/tang-truong-grdp
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../../lib/chromium';
import { table } from './load';
import { onCleanup } from './cleanup';

export type LighthouseRow = {
  path: string;
  /** Performance scores (0–100) of each run, in run order. */
  performance: number[];
  accessibility: number;
  /** Titles of the accessibility audits that fail. */
  accessibilityFailures: string[];
  /** Median Total Blocking Time, ms. */
  tbtMs: number;
  /** Median Largest Contentful Paint, ms (simulated). */
  lcpMs: number;
  scripts: number;
  /** The page's scripts, each gzipped (default level), summed. */
  jsGzipBytes: number;
};

/** The limits issue 9 sets for public pages. */
export const LIMITS = { performance: 95, accessibility: 100, jsGzipBytes: 180 * 1000 };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function browserPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Why Lighthouse cannot run here (no browser), or null. */
export function lighthouseUnavailable(): string | null {
  const bin = browserPath();
  return fs.existsSync(bin) ? null : `không có Chromium tại (no Chromium at) ${bin}: apt-get install -y chromium, hoặc đặt CHROMIUM_PATH`;
}

async function gzippedSize(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} → HTTP ${response.status}`);
  return gzipSync(Buffer.from(await response.arrayBuffer())).length;
}

type NetworkItem = { url: string; resourceType?: string };

/** Lighthouse over each page, `runs` times, in one Chromium. */
export async function measureLighthouse(
  base: string,
  paths: string[],
  { runs = 3, log = (line: string) => console.log(line) }: { runs?: number; log?: (line: string) => void } = {},
): Promise<LighthouseRow[]> {
  const chrome = await launch({
    chromePath: browserPath(),
    // chrome-launcher adds its own defaults; --headless etc. as the rest of the project starts Chromium.
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
    handleSIGINT: false,
  });
  const stop = onCleanup(`Chromium for Lighthouse (pid ${chrome.pid})`, () => chrome.kill(), { pid: chrome.pid });
  try {
    const rows: LighthouseRow[] = [];
    for (const path of paths) {
      const url = base + path;
      const perf: number[] = [];
      const tbt: number[] = [];
      const lcp: number[] = [];
      let accessibility = 0;
      let accessibilityFailures: string[] = [];
      let scriptUrls: string[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${url}: ${lhr.runtimeError.message}`);
        perf.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
        accessibility = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
        accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id]!)
          .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0)
          .map((audit) => audit.title);
        tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
        lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
        const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []) as NetworkItem[];
        scriptUrls = [...new Set(items.filter((i) => i.resourceType === 'Script').map((i) => i.url))];
        log(`  ${path} lần (run) ${run + 1}/${runs}: performance ${perf.at(-1)}, TBT ${Math.round(tbt.at(-1)!)} ms`);
      }
      const sizes = await Promise.all(scriptUrls.map(gzippedSize));
      rows.push({
        path,
        performance: perf,
        accessibility,
        accessibilityFailures,
        tbtMs: median(tbt),
        lcpMs: median(lcp),
        scripts: scriptUrls.length,
        jsGzipBytes: sizes.reduce((a, b) => a + b, 0),
      });
    }
    return rows;
  } finally {
    await stop();
  }
}

/** The table, then a line per limit that a page misses (issue 9: performance ≥ 95, accessibility 100, JS ≤ 180 kB gzip). */
export function describeLighthouse(rows: LighthouseRow[]): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const lines = [
    table(
      ['page', 'performance (median)', 'runs', 'accessibility', 'TBT ms', 'LCP ms', 'JS gzip', 'scripts'],
      rows.map((r) => [
        r.path,
        String(median(r.performance)),
        r.performance.join(' / '),
        String(r.accessibility),
        String(Math.round(r.tbtMs)),
        String(Math.round(r.lcpMs)),
        kb(r.jsGzipBytes),
        String(r.scripts),
      ]),
    ),
  ];
  for (const r of rows) {
    const misses = [
      median(r.performance) < LIMITS.performance ? `performance ${median(r.performance)} < ${LIMITS.performance}` : '',
      r.accessibility < LIMITS.accessibility ? `accessibility ${r.accessibility} < 100 (${r.accessibilityFailures.join('; ')})` : '',
      r.jsGzipBytes > LIMITS.jsGzipBytes ? `JS ${kb(r.jsGzipBytes)} > ${kb(LIMITS.jsGzipBytes)}` : '',
    ].filter(Boolean);
    if (misses.length) lines.push(`  ${r.path}: dưới mức (below the goal): ${misses.join(', ')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const [base, ...paths] = process.argv.slice(2);
  if (!base) throw new Error('usage: npm run bench:lighthouse -- <base URL> [path …]   (default paths: / /chi-tieu/tang-truong-grdp)');
  const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
  const rows = await measureLighthouse(base.replace(/\/$/, ''), paths.length ? paths : ['/', '/chi-tieu/tang-truong-grdp'], { runs });
  console.log(`\nLighthouse ${runs}× (mobile, simulated throttling):\n`);
  console.log(describeLighthouse(rows));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
