/**
 * `next build` with proof that it needs no database (suite d of scripts/test-all.sh):
 *   - DATABASE_URL points at a listener of this script's own that counts connections and answers
 *     none: a page that read the database while building would either fail the build or show
 *     up as a connection here;
 *   - afterwards, .next/prerender-manifest.json and .next/server/app must hold no public page:
 *     every page with data is rendered on its first request, not at build time.
 * Prints what it found; exits 1 when the build failed or either proof does not hold.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** What a build may prerender: Next's own error shells and the icon, nothing read from the report. */
const ALLOWED_PRERENDERED = new Set(['/_global-error', '/_not-found', '/icon.svg']);

async function main(): Promise<number> {
  let connections = 0;
  const listener = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as net.AddressInfo;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: `postgres://build@127.0.0.1:${port}/no-database-at-build-time` };
  for (const name of ['PGLITE_DIR', 'KQNK_CACHE']) delete env[name];

  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  listener.close();
  if (code !== 0) {
    console.log(`build-check: next build failed (exit ${code})`);
    return 1;
  }

  const problems: string[] = [];
  if (connections > 0) problems.push(`the build opened ${connections} connection(s) to DATABASE_URL`);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next/prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  const prerendered = Object.keys(manifest.routes).filter((route) => !ALLOWED_PRERENDERED.has(route));
  if (prerendered.length > 0) problems.push(`prerendered at build time: ${prerendered.join(', ')}`);
  for (const locale of ['vi', 'en']) {
    const dir = path.join(root, '.next/server/app', locale);
    const html = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.html')) : [];
    if (html.length > 0) problems.push(`HTML written at build time under .next/server/app/${locale}: ${html.slice(0, 5).join(', ')}`);
  }
  if (problems.length > 0) {
    for (const p of problems) console.log(`build-check: FAILED — ${p}`);
    return 1;
  }
  console.log(`build-check: ok — no connection to the database during the build; prerendered only ${[...ALLOWED_PRERENDERED].join(', ')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
