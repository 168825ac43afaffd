/**
 * `npm run serve:bench-static [-- /path …]`, with `npm run serve` already running on PORT: loads
 * each page through the proxy, then the same HTML saved as a file and served by a second nginx
 * (deploy/nginx-static.conf.template, on STATIC_PORT, default PORT+9), with autocannon
 * (BENCH_CONNECTIONS, default 32; BENCH_DURATION seconds, default 10). Prints req/s and latency
 * for both; asserts nothing. The static nginx is stopped at the end.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../start';
import { findMimeTypes, findNginx, isPortFree, serveDir } from './checks';
import { currentUserDirective, nginxArgs, renderTemplate, testNginxConfig, writeNginxConfig } from './nginx';
import { startChild, stopChildren } from './processes';

// autocannon ships no types: the part of its programmatic API used here (as in scripts/bench.ts).
type Latency = { average: number; p50: number; p99: number };
type AutocannonResult = { requests: Latency; latency: Latency; non2xx: number; errors: number; timeouts: number };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: { url: string; connections: number; duration: number }) => Promise<AutocannonResult>;

const port = Number(process.env.PORT ?? 3000);
const staticPort = Number(process.env.STATIC_PORT ?? port + 9);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/chi-tieu'];

async function load(url: string) {
  const result = await autocannon({ url, connections, duration });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx };
}

async function main(): Promise<void> {
  const prefix = path.join(serveDir(root), 'static-bench');
  const html = path.join(prefix, 'html');
  for (const page of pages) {
    const res = await fetch(`http://127.0.0.1:${port}${page}`);
    if (!res.ok) throw new Error(`${page} through the proxy on ${port}: HTTP ${res.status} (is \`npm run serve\` running with PORT=${port}?)`);
    const file = path.join(html, page.replace(/\/$/, ''), 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await res.text());
  }
  if (!(await isPortFree(staticPort))) throw new Error(`port ${staticPort} is in use (set STATIC_PORT)`);
  const nginx = findNginx();
  const template = fs.readFileSync(path.join(root, 'deploy/nginx-static.conf.template'), 'utf8');
  const conf = writeNginxConfig(
    renderTemplate(template, {
      PREFIX: prefix,
      PORT: String(staticPort),
      MIME_TYPES: findMimeTypes(),
      USER_DIRECTIVE: currentUserDirective() ? `user ${currentUserDirective()};` : '',
    }),
    prefix,
  );
  testNginxConfig(nginx.bin, conf, prefix);
  const child = startChild('nginx-static', nginx.bin, nginxArgs(conf, prefix), { cwd: prefix, env: process.env });
  try {
    for (let i = 0; i < 50 && !(await fetch(`http://127.0.0.1:${staticPort}${pages[0]}`).then((r) => r.ok, () => false)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`autocannon -c ${connections} -d ${duration}`);
    console.log('page                          | through nginx → Next (req/s, p50, p99, errors) | static file in nginx');
    for (const page of pages) {
      const proxied = await load(`http://127.0.0.1:${port}${page}`);
      const flat = await load(`http://127.0.0.1:${staticPort}${page}`);
      const cell = (r: typeof proxied) => `${r.rps} req/s, ${r.p50} ms, ${r.p99} ms, ${r.non2xx}`;
      console.log(`${page.padEnd(30)}| ${cell(proxied).padEnd(47)}| ${cell(flat)}`);
    }
  } finally {
    await stopChildren([child]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
