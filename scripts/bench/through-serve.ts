/**
 * Part of `npm run bench` (skipped with BENCH_SERVE=0): the same pages through `npm run serve`
 * (nginx micro-cache → INSTANCES × next start → Redis), on the bench's PostgreSQL database.
 * Needs PostgreSQL, nginx and Redis; says why and skips when one is missing. `serve` rebuilds
 * .next when the build there was not made by `serve` (its server-actions key and deployment id),
 * so this part runs after the bench's own `next start` has been stopped. `serve` is stopped by
 * its pid with SIGTERM (it then stops its nginx and instances by process group), and its whole
 * group is killed if it does not exit.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { root, waitForHealth } from '../start';
import { checkRedis, findNginx, isPortFree, readServeOptions, serveDir } from '../serve/checks';
import { onCleanup, stopGroup } from './cleanup';
import { freePort } from './load';

/** `base`: nginx; `instances`: each Next.js instance behind it, asked directly. */
export type ServeHandle = { base: string; instances: string[]; stop(): Promise<void> };

/** Why `serve` cannot run for the bench here, or null. */
export async function serveUnavailable(databaseUrl: string | null): Promise<string | null> {
  if (!databaseUrl) return 'cần PostgreSQL (needs PostgreSQL; BENCH_PG_URL did not answer)';
  try {
    findNginx();
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
  const redisUrl = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  try {
    await checkRedis(redisUrl);
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
  const pidFile = path.join(serveDir(root), 'serve.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    try {
      process.kill(pid, 0);
      return `\`npm run serve\` đang chạy (is already running, pid ${pid}) và dùng chung .data/serve (shares .data/serve)`;
    } catch {
      // a stale pid file: serve removes it on a clean stop only
    }
  }
  return null;
}

/** A PORT whose PORT+1…PORT+instances are free too. */
async function servePorts(instances: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort();
    if (port + instances > 65535) continue;
    let ok = true;
    for (let i = 1; i <= instances && ok; i++) ok = await isPortFree(port + i);
    if (ok) return port;
  }
  throw new Error('no run of free ports for serve');
}

/** Start `serve` (tsx scripts/serve.ts) on the bench database; resolves when /api/health answers through nginx. */
export async function startServe(databaseUrl: string, log: (line: string) => void = console.log): Promise<ServeHandle> {
  const instances = Number(process.env.INSTANCES ?? 2);
  const port = await servePorts(instances);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), INSTANCES: String(instances) };
  delete env.AUTH_URL; // serve sets it to its own port
  readServeOptions(env); // refuses what serve would refuse, before starting it
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const child = spawn(tsx, ['--conditions=react-server', 'scripts/serve.ts'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', (line) => log(`  [serve] ${line}`));
  const stop = onCleanup(`npm run serve (pid ${child.pid})`, () => stopGroup(child, 30_000), { group: child.pid });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, { child, timeoutMs: 300_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  // The instances listen on `localhost` (scripts/serve.ts says why).
  const instanceUrls = Array.from({ length: instances }, (_, i) => `http://localhost:${port + 1 + i}`);
  return { base: `http://127.0.0.1:${port}`, instances: instanceUrls, stop };
}
