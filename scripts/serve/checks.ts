/**
 * `npm run serve`: what it needs before starting anything — the options, nginx, Redis and free
 * ports — each refused with a bilingual message (Vietnamese, English in parentheses).
 * Pure or self-contained, so tests/serve.test.ts checks them without starting a server.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A reason not to start, already worded for the operator. */
export class Refusal extends Error {
  override name = 'Refusal';
}

export type ServeOptions = {
  /** nginx, the public port. */
  port: number;
  /** One per instance: port + 1, port + 2, … */
  instancePorts: number[];
  redisUrl: string;
  databaseUrl: string;
};

export const MAX_INSTANCES = 16;

/** Read PORT, INSTANCES, REDIS_URL and DATABASE_URL; refuse what cannot work. */
export function readServeOptions(env: Record<string, string | undefined>): ServeOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    throw new Refusal(
      [
        'Thiếu DATABASE_URL: `npm run serve` chạy nhiều tiến trình Next.js nên cần một máy chủ PostgreSQL;',
        'cơ sở dữ liệu nhúng PGlite chỉ cho một tiến trình — với nó, hãy dùng `npm start`.',
        '(DATABASE_URL is required: serve runs several Next.js processes and needs PostgreSQL;',
        'the embedded PGlite allows one process only — use `npm start` for it.)',
        'Ví dụ (example): DATABASE_URL=postgres://127.0.0.1:5432/kqnk npm run serve',
      ].join('\n'),
    );
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Refusal('DATABASE_URL phải là một địa chỉ postgres://… (DATABASE_URL must be a postgres:// URL)');
  }
  const port = integer(env.PORT, 3000, 'PORT', 1, 65535);
  const instances = integer(env.INSTANCES, 2, 'INSTANCES', 1, MAX_INSTANCES);
  if (port + instances > 65535) {
    throw new Refusal(`PORT=${port} quá lớn cho ${instances} instance (PORT too high for ${instances} instances: they use PORT+1…PORT+${instances})`);
  }
  const redisUrl = env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) {
    throw new Refusal('REDIS_URL phải là một địa chỉ redis://… (REDIS_URL must be a redis:// URL)');
  }
  return { port, instancePorts: Array.from({ length: instances }, (_, i) => port + 1 + i), redisUrl, databaseUrl };
}

function integer(raw: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Refusal(`${name} phải là số nguyên từ ${min} đến ${max} (${name} must be an integer from ${min} to ${max}), không phải (not) "${raw}"`);
  }
  return n;
}

/** The nginx binary: NGINX_BIN, then the usual places, then PATH. Refuses when none runs. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): { bin: string; version: string } {
  const candidates = env.NGINX_BIN ? [env.NGINX_BIN] : ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', 'nginx'];
  for (const bin of candidates) {
    // `nginx -v` prints its version to stderr.
    const run = spawnSync(bin, ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (!run.error && run.status === 0) return { bin, version: `${run.stderr}${run.stdout}`.trim().replace(/^nginx version:\s*/, '') || 'nginx' };
  }
  throw new Refusal(
    [
      `Không tìm thấy nginx (nginx not found${env.NGINX_BIN ? ` at NGINX_BIN=${env.NGINX_BIN}` : ''}).`,
      'Cài gói của Debian (install Debian\'s package): apt-get update && apt-get install -y nginx',
      'hoặc đặt NGINX_BIN tới tệp chạy của nó (or set NGINX_BIN to its binary).',
    ].join('\n'),
  );
}

/** nginx's mime.types next to its default configuration. */
export function findMimeTypes(): string {
  for (const p of ['/etc/nginx/mime.types', '/usr/local/nginx/conf/mime.types', '/usr/local/etc/nginx/mime.types']) {
    if (fs.existsSync(p)) return p;
  }
  throw new Refusal('Không tìm thấy mime.types của nginx (nginx\'s mime.types not found in /etc/nginx)');
}

/** Whether `port` can be bound on `host` (on 0.0.0.0: nothing listens on it on any address). */
export function isPortFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Refuse, naming every taken port and what it was for, before anything is started. */
export async function checkPorts(options: Pick<ServeOptions, 'port' | 'instancePorts'>): Promise<void> {
  const wanted = [
    { port: options.port, role: 'nginx (cổng công khai / public port)' },
    ...options.instancePorts.map((port, i) => ({ port, role: `Next.js instance ${i + 1}` })),
  ];
  const taken: string[] = [];
  for (const { port, role } of wanted) {
    if (!(await isPortFree(port))) taken.push(`  ${port}: ${role}`);
  }
  if (taken.length > 0) {
    throw new Refusal(
      [
        'Cổng đang bận (port already in use):',
        ...taken,
        'Dừng tiến trình đang dùng nó, hoặc chọn PORT khác (stop what uses it, or choose another PORT;',
        `instances use PORT+1…PORT+INSTANCES). Xem (see): ss -ltnp | grep -E ':(${wanted.map((w) => w.port).join('|')})\\b'`,
      ].join('\n'),
    );
  }
}

/** PING Redis; refuse with the reason when it does not answer within `timeoutMs`. */
export async function checkRedis(url: string, timeoutMs = 3_000): Promise<string> {
  const { createClient } = await import('@redis/client');
  const client = createClient({ url, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await withTimeout(client.connect(), timeoutMs);
    const pong = await withTimeout(client.ping(), timeoutMs);
    const info = await withTimeout(client.info('server'), timeoutMs);
    return `${pong}, ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`;
  } catch (error) {
    throw new Refusal(
      [
        `Không kết nối được Redis tại ${hideAuth(url)} (Redis unreachable): ${(error as Error).message}`,
        'Khởi động Redis (start it), ví dụ (e.g.) `redis-server --daemonize yes`, hoặc đặt REDIS_URL (or set REDIS_URL).',
      ].join('\n'),
    );
  } finally {
    if (client.isOpen) await client.close().catch(() => {});
  }
}

function hideAuth(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The folder `serve` writes to: secrets, the rendered nginx config, its pid, logs, temp and cache. */
export function serveDir(root: string): string {
  return path.join(root, '.data/serve');
}
