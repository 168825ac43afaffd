/**
 * `npm run serve`: the production topology on one machine.
 *
 *   nginx :PORT (micro-cache, gzip)  →  INSTANCES × `next start` :PORT+1…  →  Redis (shared Next cache)
 *                                                                          →  PostgreSQL (DATABASE_URL)
 *
 * Checks everything first (DATABASE_URL, nginx, Redis, every port) and starts nothing when one is
 * missing; prepares the database once; builds once (with the shared server-actions key and a
 * deployment id); starts the instances, then nginx; says when all answer. Ctrl+C or SIGTERM stops
 * every child by process group. Helpers: scripts/serve/*.ts; nginx template: deploy/.
 */
import { randomBytes } from 'node:crypto';
import dns from 'node:dns';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild, PRELOAD, prepareAndBootstrap, preparationTarget, root, sayDatabaseRoles, serverEnv, waitForHealth } from './start';
import { cacheKeyPrefix, currentBuild, keyFingerprint, loadSecrets, newDeploymentId, readStamp, rebuildReason, writeStamp } from './serve/build';
import { checkPorts, checkRedis, findMimeTypes, findNginx, readServeOptions, Refusal, serveDir, type ServeOptions } from './serve/checks';
import { currentUserDirective, nginxArgs, renderNginxConfig, testNginxConfig, writeNginxConfig } from './serve/nginx';
import { startChild, stopChildren, type Child } from './serve/processes';

const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
const say = (line: string) => console.log(line);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const children: Child[] = [];
/** This process's pid, for `kill $(cat .data/serve/serve.pid)` (npm does not pass SIGTERM on to its script). */
const pidFile = path.join(serveDir(root), 'serve.pid');
let shuttingDown: Promise<never> | null = null;

/** Stop every child (once, whoever asks first: a signal, a child that died, a failed step), then exit. */
function shutdown(code: number, why?: string): Promise<never> {
  shuttingDown ??= (async () => {
    if (why) say(`\n${why}`);
    fs.rmSync(pidFile, { force: true });
    if (children.length > 0) {
      say(`• Dừng ${children.length} tiến trình con theo nhóm (stopping ${children.length} children by process group)…`);
      await stopChildren(children);
      say('  đã dừng (stopped)');
    }
    process.exit(code);
  })();
  return shuttingDown;
}

/** Delete this build's entries left in Redis by an earlier run (the database may have been reset since). */
async function clearCachePrefix(redisUrl: string, prefix: string): Promise<number> {
  const { createClient } = await import('@redis/client');
  const client = createClient({ url: redisUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    let removed = 0;
    let batch: string[] = [];
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) batch.push(...keys);
    while (batch.length > 0) {
      removed += await client.unlink(batch.slice(0, 1000));
      batch = batch.slice(1000);
    }
    return removed;
  } finally {
    await client.close();
  }
}

/** Build once with the shared key and a deployment id, unless the build in .next was made that way. */
async function ensureServeBuild(dir: string, key: string): Promise<{ deploymentId: string; buildId: string }> {
  const wanted = process.env.NEXT_DEPLOYMENT_ID?.trim() || undefined;
  const stamp = readStamp(dir);
  const before = currentBuild(root);
  const reason = rebuildReason(stamp, before, key, wanted);
  const candidate = wanted ?? newDeploymentId();
  if (reason) say(`• Cần build lại (rebuild needed): ${reason}`);
  const buildEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key, NEXT_DEPLOYMENT_ID: candidate };
  // The build needs no database, and builds with Next's default cache (no Redis at build time).
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'KQNK_CACHE', 'KQNK_BEHIND_PROXY']) delete buildEnv[name];
  await ensureBuild({ force: reason !== null, env: buildEnv });
  const after = currentBuild(root);
  if (after.buildIdMtimeMs === null || after.buildId === null) throw new Error('.next/BUILD_ID missing after the build');
  const rebuilt = after.buildIdMtimeMs !== before.buildIdMtimeMs;
  const deploymentId = rebuilt || !stamp ? candidate : stamp.deploymentId;
  if (after.manifestKey !== null && after.manifestKey !== key) {
    throw new Error('the build does not carry the server-actions key it was given (.next/server/server-reference-manifest.json)');
  }
  writeStamp(dir, { deploymentId, buildIdMtimeMs: after.buildIdMtimeMs, keyFingerprint: keyFingerprint(key) });
  return { deploymentId, buildId: after.buildId };
}

async function checkEverything(): Promise<{ options: ServeOptions; nginx: { bin: string; version: string }; mimeTypes: string }> {
  say('• Kiểm tra cấu hình, nginx, Redis và các cổng (checking config, nginx, Redis, ports)…');
  const options = readServeOptions(process.env);
  const { env } = await import('../lib/env');
  try {
    env(); // the portal's own variables (AUTH_SECRET, ADMIN_EMAIL, SITE_URL…), as `npm start` checks them
  } catch (error) {
    throw new Refusal((error as Error).message);
  }
  const nginx = findNginx();
  const mimeTypes = findMimeTypes();
  say(`  nginx: ${nginx.bin} (${nginx.version})`);
  const redis = await checkRedis(options.redisUrl);
  say(`  Redis: ${options.redisUrl.replace(/\/\/[^@/]*@/, '//***@')} trả lời (answers) ${redis}`);
  await checkPorts(options);
  say(`  cổng trống (ports free): ${options.port} (nginx), ${options.instancePorts.join(', ')} (instances)`);
  return { options, nginx, mimeTypes };
}

async function main(): Promise<void> {
  const started = Date.now();
  process.chdir(root);
  say('Khởi động "Kết quả nhiệm kỳ" sau nginx, nhiều instance (serving behind nginx, several instances)');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(signal === 'SIGINT' ? 130 : 0, `Nhận ${signal}, đang dừng (received ${signal}, stopping)…`));
  }

  let checked: Awaited<ReturnType<typeof checkEverything>>;
  try {
    checked = await checkEverything();
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(`\nKhông khởi động (not starting):\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { options, nginx, mimeTypes } = checked;
  const { port, instancePorts, redisUrl, databaseUrl } = options;
  const dir = serveDir(root);

  say('• Bí mật dùng chung cho mọi instance (secrets shared by every instance)…');
  const { secrets, notes } = loadSecrets(dir, process.env);
  for (const note of notes) say(`  ${note}`);

  await sayDatabaseRoles();
  try {
    // As the owner (MIGRATION_DATABASE_URL) when there are two roles; the instances serve as DATABASE_URL.
    await prepareAndBootstrap(await preparationTarget());
  } catch (error) {
    console.error(`\nKhông chuẩn bị được cơ sở dữ liệu (database preparation failed): ${(error as Error).message}`);
    console.error('Kiểm tra DATABASE_URL (và MIGRATION_DATABASE_URL) và PostgreSQL có đang chạy không (is PostgreSQL running?).');
    process.exit(1);
  }

  const { deploymentId, buildId } = await ensureServeBuild(dir, secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY);
  const prefix = cacheKeyPrefix(deploymentId, buildId);
  say(`  deploymentId: ${deploymentId}, BUILD_ID: ${buildId}`);
  const removed = await clearCachePrefix(redisUrl, prefix);
  say(`• Bộ nhớ đệm Redis của bản build này (this build's Redis cache): ${prefix}* — xoá (cleared) ${removed} khoá cũ (old keys)`);

  say('• Cấu hình nginx (nginx config) từ deploy/nginx.conf.template…');
  const template = fs.readFileSync(path.join(root, 'deploy/nginx.conf.template'), 'utf8');
  const nginxPrefix = path.join(dir, 'nginx');
  // The instances listen on `localhost`, the name Next itself gives its own address: the proxy's
  // rewrites (proxy.ts) come back as http://localhost:<port>/…, and Next serves a rewrite itself
  // only when its origin is the one it listens on (with `-H 127.0.0.1` it forwarded every public
  // page to localhost and answered 500). nginx gets the address that name resolves to here.
  const { address, family } = await dns.promises.lookup('localhost');
  const loopback = family === 6 ? `[${address}]` : address;
  const upstreams = instancePorts.map((p) => `${loopback}:${p}`);
  // Refresh-on-edit (lib/proxy-refresh.ts): a new token each run, known to nginx and the instances only.
  const refreshToken = randomBytes(24).toString('base64url');
  const conf = writeNginxConfig(
    renderNginxConfig(template, { prefix: nginxPrefix, port, upstreams, mimeTypes, runAsUser: currentUserDirective(), refreshToken }),
    nginxPrefix,
  );
  testNginxConfig(nginx.bin, conf, nginxPrefix);
  say(`  ${path.relative(root, conf)} — nginx -t: ok`);

  const publicUrl = process.env.AUTH_URL ?? `http://localhost:${port}`;
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    KQNK_CACHE: 'redis',
    KQNK_BEHIND_PROXY: '1',
    TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS ?? '1',
    AUTH_SECRET: secrets.AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    NEXT_DEPLOYMENT_ID: deploymentId,
    AUTH_URL: publicUrl,
    SITE_URL: process.env.SITE_URL ?? publicUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    CACHE_REFRESH_URL: `http://127.0.0.1:${port}`,
    CACHE_REFRESH_TOKEN: refreshToken,
  };
  // The first administrator was created above, once; the instances need no password.
  delete base.ADMIN_PASSWORD;

  let t = Date.now();
  say(`• Khởi động ${instancePorts.length} instance Next.js (starting next start) trên cổng (on ports) ${instancePorts.join(', ')}…`);
  for (const [i, p] of instancePorts.entries()) {
    children.push(startChild(`app${i + 1}:${p}`, process.execPath, [...PRELOAD, nextBin, 'start', '-p', String(p), '-H', 'localhost'], { cwd: root, env: serverEnv(p, base) }));
  }
  for (const child of children) {
    child.proc.on('exit', (code, signal) => void shutdown(1, `Tiến trình ${child.label} đã dừng bất ngờ (exited unexpectedly): ${signal ?? code}`));
  }
  try {
    await Promise.all(children.map((c, i) => waitForHealth(`http://${loopback}:${instancePorts[i]}/api/health`, { child: c.proc, timeoutMs: 120_000 })));
  } catch (error) {
    return void shutdown(1, `Instance không trả lời (an instance did not answer): ${(error as Error).message}`);
  }
  say(`  mọi instance trả lời /api/health (every instance answers) — ${seconds(t)}`);

  t = Date.now();
  say(`• Khởi động nginx (starting nginx) trên cổng (on port) ${port}…`);
  const proxy = startChild('nginx', nginx.bin, nginxArgs(conf, nginxPrefix), { cwd: nginxPrefix, env: process.env });
  children.push(proxy);
  proxy.proc.on('exit', (code, signal) => void shutdown(1, `nginx đã dừng bất ngờ (exited unexpectedly): ${signal ?? code} — ${path.join(nginxPrefix, 'logs/error.log')}`));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, { child: proxy.proc, timeoutMs: 30_000 });
  } catch (error) {
    return void shutdown(1, `nginx không chuyển tiếp được (nginx does not proxy): ${(error as Error).message}`);
  }
  say(`  /api/health qua nginx (through nginx): 200 — ${seconds(t)}`);

  fs.writeFileSync(pidFile, `${process.pid}\n`);
  say(`Sẵn sàng (ready): http://localhost:${port} — sau ${seconds(started)} (Ctrl+C để dừng / to stop)`);
  say(`  nhật ký nginx (nginx logs): ${path.relative(root, path.join(nginxPrefix, 'logs'))}/; X-Cache-Status cho biết HIT/MISS/BYPASS`);
  say(`  dừng từ shell khác (stop from another shell): kill $(cat ${path.relative(root, pidFile)})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `\nLỗi (error): ${error.message}` : error);
  void shutdown(1);
});
