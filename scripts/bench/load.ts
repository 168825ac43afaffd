/**
 * The load tool of `npm run bench` (and `npm run serve:bench-static`): autocannon, the same
 * connections and duration for every server it compares, and a plain-text table.
 */
import { createRequire } from 'node:module';
import net from 'node:net';

// autocannon ships no types: the part of its programmatic API used here.
type Histogram = { average: number; mean: number; p50: number; p99: number; max: number };
type AutocannonResult = {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
};
type AutocannonOptions = { url: string; connections: number; duration: number; headers?: Record<string, string> };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => Promise<AutocannonResult>;

export type LoadSettings = { connections: number; duration: number };
export type LoadResult = {
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Socket errors + timeouts. */
  errors: number;
  /** Responses that completed during the run (0: the server answered nothing in time). */
  total: number;
};

/** Load `url` with autocannon for `duration` seconds over `connections` keep-alive connections. */
export async function load(url: string, settings: LoadSettings, headers?: Record<string, string>): Promise<LoadResult> {
  const r = await autocannon({ url, connections: settings.connections, duration: settings.duration, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total };
}

/** A few plain GETs (what a cache needs to be filled), then `seconds` of light load. Returns the last status. */
export async function warm(url: string, { gets = 2, seconds = 0, headers }: { gets?: number; seconds?: number; headers?: Record<string, string> } = {}): Promise<number> {
  let status = 0;
  for (let i = 0; i < gets; i++) {
    const res = await fetch(url, { headers, redirect: 'manual' });
    await res.arrayBuffer();
    status = res.status;
  }
  if (seconds > 0) await autocannon({ url, connections: 8, duration: seconds, headers });
  return status;
}

export function freePort(): Promise<number> {
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

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? pad(c, widths[i]!) : padStart(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmt = {
  rps: (n: number) => n.toFixed(0),
  /** autocannon records latency in whole milliseconds (lowestDiscernibleValue 1). */
  ms: (n: number) => n.toFixed(0),
};
