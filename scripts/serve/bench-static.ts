/**
 * `npm run serve:bench-static [-- /path …]`, with `npm run serve` already running on PORT: loads
 * each page through the proxy, then the same HTML saved as a file and served by a second nginx
 * (deploy/nginx-static.conf.template, on STATIC_PORT, default PORT+9), with autocannon
 * (BENCH_CONNECTIONS, default 32; BENCH_DURATION seconds, default 10). Prints req/s and latency
 * for both; asserts nothing. The static nginx is stopped by pid at the end, also on Ctrl+C.
 * The static nginx and the load are those of `npm run bench` (scripts/bench/static-reference.ts,
 * scripts/bench/load.ts), which makes the same comparison for `next start` alone.
 */
import path from 'node:path';
import { fmt, load, table, type LoadResult } from '../bench/load';
import { snapshotPages, startStaticReference } from '../bench/static-reference';
import { root } from '../start';
import { serveDir } from './checks';

const port = Number(process.env.PORT ?? 3000);
const staticPort = Number(process.env.STATIC_PORT ?? port + 9);
const settings = { connections: Number(process.env.BENCH_CONNECTIONS ?? 32), duration: Number(process.env.BENCH_DURATION ?? 10) };
const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/chi-tieu'];

async function main(): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const html = await snapshotPages(base, pages).catch((error: unknown) => {
    throw new Error(`through the proxy on ${port}: ${(error as Error).message} (is \`npm run serve\` running with PORT=${port}?)`);
  });
  const reference = await startStaticReference(html, { prefix: path.join(serveDir(root), 'static-bench'), port: staticPort });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void reference.stop().finally(() => process.exit(130)));
  }
  try {
    const rows: string[][] = [];
    for (const [i, page] of pages.entries()) {
      const proxied = await load(base + page, settings);
      const flat = await load(reference.urlFor(i), settings);
      const cells = (r: LoadResult) => [fmt.rps(r.rps), fmt.ms(r.p50), fmt.ms(r.p99), String(r.non2xx + r.errors)];
      rows.push([page, ...cells(proxied), ...cells(flat), `${((100 * proxied.rps) / flat.rps).toFixed(1)} %`]);
      console.log(`  ${page}: ${fmt.rps(proxied.rps)} req/s through nginx → Next, ${fmt.rps(flat.rps)} req/s static`);
    }
    console.log(`\nautocannon -c ${settings.connections} -d ${settings.duration}; proxy = nginx → Next (npm run serve), static = the same HTML as a file\n`);
    console.log(
      table(['page', 'proxy req/s', 'p50 ms', 'p99 ms', 'errors', 'static req/s', 'p50 ms', 'p99 ms', 'errors', 'proxy % of static'], rows),
    );
  } finally {
    await reference.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
