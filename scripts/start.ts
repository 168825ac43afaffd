/**
 * `npm start`: check the configuration, prepare the database (migrate + seed), build if there is
 * no build yet, then run `next start` and say when it answers.
 *
 * The helpers are exported for scripts/bench.ts and scripts/test-all.sh's e2e server;
 * running this file directly runs `main()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

const say = (line: string) => console.log(line);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Where to prepare: PostgreSQL as the owner (and the application role to grant to, with two roles), or a PGlite folder. */
export type DatabaseTarget = { url: string; appRole?: string } | { dataDir: string };

/** The target that prepares the configured database: the owner's URL (MIGRATION_DATABASE_URL, else DATABASE_URL), or PGlite. */
export async function preparationTarget(): Promise<DatabaseTarget> {
  const { databaseSetup, pgliteDir } = await import('../lib/env');
  const setup = databaseSetup();
  if (setup.kind === 'two-roles') return { url: setup.ownerUrl, appRole: setup.appRole };
  if (setup.kind === 'one-role') return { url: setup.url };
  return { dataDir: pgliteDir() };
}

/** Print, once, what the configuration means for the history's safety (lib/env.ts databaseSafetyNotice). */
export async function sayDatabaseRoles(log: (line: string) => void = say): Promise<void> {
  const { databaseSafetyNotice, databaseSetup, roleOf } = await import('../lib/env');
  const setup = databaseSetup();
  const notice = databaseSafetyNotice(setup);
  if (notice) log(`\n${notice}\n`);
  else if (setup.kind === 'two-roles') {
    log(
      `  vai trò (roles): chủ sở hữu (owner) ${roleOf(setup.ownerUrl) ?? '(mặc định / default)'} migrate qua MIGRATION_DATABASE_URL; ` +
        `vai trò ứng dụng (application role) ${setup.appRole} phục vụ qua DATABASE_URL (serves)`,
    );
  }
}

/** Open, prepare (db/prepare.ts), bootstrap the first admin and close the database, printing each step. The handle is closed before returning: PGlite allows one process per folder. */
export async function prepareAndBootstrap(target: DatabaseTarget, log: (line: string) => void = say): Promise<void> {
  const { openDatabase } = await import('../db/index');
  const { prepareDatabase: migrateAndSeed } = await import('../db/prepare');
  const { hidePassword } = await import('../lib/env');

  let t = Date.now();
  if ('url' in target) {
    log(`• Mở cơ sở dữ liệu PostgreSQL (opening PostgreSQL): ${hidePassword(target.url)}${target.appRole ? ' — chủ sở hữu (as the owner)' : ''}`);
  } else {
    const exists = fs.existsSync(path.join(target.dataDir, 'PG_VERSION'));
    log(
      exists
        ? `• Mở cơ sở dữ liệu nhúng PGlite (opening embedded PGlite): ${target.dataDir}`
        : `• Tạo cơ sở dữ liệu nhúng PGlite (creating embedded PGlite): ${target.dataDir}\n  Lần khởi động đầu tiên tạo thư mục này, mất khoảng 10 giây (first start creates it, ~10 s).`,
    );
  }
  const handle = await openDatabase('url' in target ? { url: target.url, max: 2 } : { dataDir: target.dataDir });
  try {
    log(`  đã mở (opened) — ${seconds(t)}`);

    const starting = {
      migrate: '• Áp dụng migration (applying migrations)…',
      seed: '• Nạp dữ liệu báo cáo (seeding)…',
      grants: `• Cấp quyền cho vai trò ứng dụng (granting the application role) ${'appRole' in target ? target.appRole : ''}: db/roles.sql…`,
    };
    await migrateAndSeed(handle, {
      appRole: 'appRole' in target ? target.appRole : undefined,
      onStep(step, phase, loaded = []) {
        if (phase === 'start') {
          t = Date.now();
          log(starting[step]);
        } else if (step === 'migrate' || step === 'grants') {
          log(`  xong (done) — ${seconds(t)}`);
        } else {
          log(
            loaded.length > 0
              ? `  đã nạp (loaded): ${loaded.join(', ')} — ${seconds(t)}`
              : '  dữ liệu đã có sẵn, không nạp lại (already present)',
          );
        }
      },
    });

    log('• Tài khoản quản trị đầu tiên (admin bootstrap)…');
    const { bootstrapAdmin } = await import('../lib/auth/bootstrap');
    await bootstrapAdmin(handle.db, {
      email: process.env.ADMIN_EMAIL,
      password: process.env.ADMIN_PASSWORD,
      log: (line) => log(`  ${line.trim()}`),
    });
  } finally {
    await handle.close();
    log('• Đóng kết nối này trước khi khởi động máy chủ (closing this handle; the server opens its own)');
  }
}

/** Run a command with its output streamed; resolves on exit 0, rejects otherwise. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} ${args[1] ?? ''} exited with ${signal ?? code}`)),
    );
  });
}

/** `next build` when `.next/BUILD_ID` is missing (or always with `force`). */
export async function ensureBuild({ force = false, env = process.env, log = say } = {}): Promise<void> {
  const buildId = path.join(root, '.next/BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changed = built > 0 && newestSourceChange() > built;
  if (!force && built > 0 && !changed) {
    log('• Đã có bản build mới nhất (.next/BUILD_ID), bỏ qua bước build (build up to date, skipping)');
    return;
  }
  const t = Date.now();
  log(
    force
      ? '• Build lại (next build)…'
      : changed
        ? '• Mã nguồn mới hơn bản build: chạy lại next build (sources changed since the last build: rebuilding, ~30-60 s)…'
        : '• Chưa có bản build: chạy next build (no build yet: building, ~30-60 s)…',
  );
  await run(process.execPath, [nextBin, 'build'], env);
  log(`  build xong (built) — ${seconds(t)}`);
}

/** The newest modification time among the files a build is made from. */
function newestSourceChange(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const part of ['app', 'components', 'lib', 'db', 'messages', 'proxy.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json']) {
    visit(path.join(root, part));
  }
  return newest;
}

/** Pages cache their database reads with `unstable_cache`, which persists under .next/cache/fetch-cache: drop it so a reset database is not served stale. */
export function clearFetchCache(log: (line: string) => void = say): void {
  const dir = path.join(root, '.next/cache/fetch-cache');
  if (fs.existsSync(dir)) {
    fs.rmSync(dir, { recursive: true, force: true });
    log('• Xoá bộ nhớ đệm dữ liệu cũ .next/cache/fetch-cache (cleared cached database reads)');
  }
}

/** Gives every request its socket address in a header no client can write (the sign-in throttle reads it). */
export const PRELOAD = ['--require', path.join(root, 'scripts/client-address-preload.cjs')];

/** Environment for `next start` on `port`: everything passed through, plus Auth.js settings when unset. */
export function serverEnv(port: number, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // The database is prepared before any server starts (prepareAndBootstrap, as the owner): the
  // server gets the application role's URL only, so nothing it runs can use the owner's rights.
  const { MIGRATION_DATABASE_URL: _owner, ...rest } = base;
  return {
    ...rest,
    KQNK_DATABASE_PREPARED: '1',
    PORT: String(port),
    NODE_ENV: 'production',
    AUTH_TRUST_HOST: base.AUTH_TRUST_HOST ?? 'true',
    AUTH_URL: base.AUTH_URL ?? `http://localhost:${port}`,
    SITE_URL: base.SITE_URL ?? base.AUTH_URL ?? `http://localhost:${port}`,
  };
}

/** `node node_modules/next/dist/bin/next start -p PORT` (the PID held is the server itself). */
export function startServer(port: number, env: NodeJS.ProcessEnv, opts: { detached?: boolean; quiet?: boolean } = {}): ChildProcess {
  return spawn(process.execPath, [...PRELOAD, nextBin, 'start', '-p', String(port)], {
    cwd: root,
    env,
    detached: opts.detached ?? false,
    stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
}

/** Poll `url` until it answers 2xx. Returns the last status seen, or throws after `timeoutMs` / when `child` exits. */
export async function waitForHealth(url: string, { timeoutMs = 120_000, child }: { timeoutMs?: number; child?: ChildProcess } = {}): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before ${url} answered`);
    if (child && child.signalCode !== null) throw new Error(`server stopped by ${child.signalCode} before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer().catch(() => {});
      if (res.ok) return res.status;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs / 1000} s (last: ${last})`);
}

async function main(): Promise<void> {
  const started = Date.now();
  process.chdir(root); // migrations and seed files are found relative to the repository root
  say('Khởi động cổng thông tin "Kết quả nhiệm kỳ" (starting the portal)');

  say('• Kiểm tra cấu hình (validating config)…');
  const { env } = await import('../lib/env');
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const port = config.PORT;
  say(`  hợp lệ (ok): PORT=${port}, cơ sở dữ liệu (database): ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (PGLITE_DIR)'}`);
  await sayDatabaseRoles();

  try {
    await prepareAndBootstrap(await preparationTarget());
  } catch (error) {
    console.error(`\nKhông chuẩn bị được cơ sở dữ liệu (database preparation failed): ${(error as Error).message}`);
    if (config.DATABASE_URL) console.error('Kiểm tra DATABASE_URL (và MIGRATION_DATABASE_URL) và PostgreSQL có đang chạy không (is PostgreSQL running?).');
    else console.error('Nếu một máy chủ khác đang dùng thư mục PGlite này, hãy dừng nó trước (PGlite allows one process per folder).');
    process.exit(1);
  }

  try {
    await ensureBuild();
  } catch (error) {
    console.error(`\nBuild thất bại (build failed): ${(error as Error).message}`);
    process.exit(1);
  }
  clearFetchCache();

  say(`• Khởi động máy chủ (starting next start) trên cổng ${port}…`);
  const child = startServer(port, serverEnv(port));

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stopping) say(`\nNhận ${signal}, đang dừng máy chủ (stopping the server)…`);
      stopping = true;
      child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Không chạy được next start (could not start): ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`Máy chủ đã dừng (server exited): ${signal ?? code}`);
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
  });

  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, { child, timeoutMs: 120_000 });
    say(`Sẵn sàng (ready): http://localhost:${port} — sau ${seconds(started)} (Ctrl+C để dừng / to stop)`);
  } catch (error) {
    if (!stopping && child.exitCode === null) {
      console.error(`Cảnh báo (warning): /api/health chưa trả lời — ${(error as Error).message}. Máy chủ vẫn chạy.`);
    }
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
