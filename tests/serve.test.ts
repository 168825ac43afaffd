/**
 * `npm run serve` without starting it: the rendered nginx config (what is never cached), the
 * refusals (no DATABASE_URL, a taken port, no Redis), the shared secrets and the rebuild rule.
 * The topology itself (nginx → instances → Redis) is exercised end to end by e2e/serve/ (suite f of scripts/test-all.sh).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKeyPrefix, isValidActionKey, keyFingerprint, loadSecrets, newDeploymentId, rebuildReason, type BuildStamp } from '@/scripts/serve/build';
import { checkPorts, checkRedis, isPortFree, readServeOptions, Refusal } from '@/scripts/serve/checks';
import { renderNginxConfig, renderTemplate, testNginxConfig, writeNginxConfig } from '@/scripts/serve/nginx';

const root = path.resolve(import.meta.dirname, '..');
const template = fs.readFileSync(path.join(root, 'deploy/nginx.conf.template'), 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-serve-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const render = (upstreams = ['127.0.0.1:3401', '127.0.0.1:3402']) =>
  renderNginxConfig(template, { prefix: path.join(tmp, 'nginx'), port: 3400, upstreams, mimeTypes: '/etc/nginx/mime.types', refreshToken: 'token-of-this-test-0123' });

/** The body of `map $var $name { … }` as [pattern, value] pairs. */
function mapEntries(conf: string, name: string): [string, string][] {
  const block = new RegExp(`map \\$\\w+ \\$${name} \\{([^}]*)\\}`).exec(conf)?.[1];
  if (!block) throw new Error(`no map for $${name}`);
  return block
    .split('\n')
    .map((l) => l.trim().replace(/;$/, ''))
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^("([^"]*)"|(\S+))\s+(\S+)$/.exec(l);
      if (!m) throw new Error(`unparsed map line: ${l}`);
      return [m[2] ?? m[3]!, m[4]!];
    });
}

/** nginx's `~regex` entries of a map as one JS test (PCRE and JS agree on the syntax used here). */
function mapMatches(conf: string, name: string, value: string): boolean {
  const entries = mapEntries(conf, name);
  for (const [pattern, result] of entries) {
    if (pattern === 'default') continue;
    const hit = pattern.startsWith('~') ? new RegExp(pattern.slice(1)).test(value) : pattern === value;
    if (hit) return result === '1';
  }
  return entries.find(([p]) => p === 'default')?.[1] === '1';
}

/** A directive's arguments inside `location <path> { … }`. */
function inLocation(conf: string, location: string, directive: string): string[] {
  const start = conf.indexOf(`location ${location} {`);
  const body = conf.slice(start, conf.indexOf('\n        }', start));
  return [...body.matchAll(new RegExp(`^\\s*${directive}\\s+([^;]*);`, 'gm'))].map((m) => m[1]!.trim());
}

describe('nginx config (deploy/nginx.conf.template)', () => {
  const conf = render();

  it('fills every placeholder, one upstream server per instance', () => {
    expect(conf).not.toMatch(/\{\{/);
    expect(conf.match(/^\s*server 127\.0\.0\.1:340\d/gm)).toHaveLength(2);
    expect(render(['127.0.0.1:1', '127.0.0.1:2', '127.0.0.1:3']).match(/^\s*server 127\.0\.0\.1:\d /gm)).toHaveLength(3);
    expect(conf).toContain('listen 3400;');
    expect(conf).toContain('daemon off;');
    expect(conf).toContain(`pid ${path.join(tmp, 'nginx')}/nginx.pid;`);
    expect(() => renderTemplate('{{PORT}} {{NOPE}}', { PORT: '1' })).toThrow(/NOPE/);
  });

  it('recognises a session cookie, plain or __Secure-, whole or split', () => {
    for (const cookie of [
      'authjs.session-token=x',
      'a=b; authjs.session-token=x',
      'a=b;authjs.session-token.0=x; c=d',
      '__Secure-authjs.session-token=x',
      'theme=dark; __Secure-authjs.session-token.1=y',
    ]) {
      expect(mapMatches(conf, 'kqnk_session', cookie), cookie).toBe(true);
    }
    for (const cookie of ['', 'theme=dark', 'authjs.csrf-token=x', 'xauthjs.session-token=x', 'authjs.callback-url=/quan-tri']) {
      expect(mapMatches(conf, 'kqnk_session', cookie), cookie).toBe(false);
    }
  });

  it('marks staff pages, sign-in and /api/ private, public pages not', () => {
    for (const uri of ['/quan-tri', '/quan-tri/chi-tieu/x', '/en/quan-tri', '/dang-nhap', '/en/dang-nhap', '/api/health', '/api/v1/reports/x', '/api/auth/session']) {
      expect(mapMatches(conf, 'kqnk_private_path', uri), uri).toBe(true);
    }
    for (const uri of ['/', '/chi-tieu', '/chi-tieu/gia-tri-xuat-khau', '/en', '/en/chi-tieu', '/muc/a', '/quan-tri-vien', '/apis']) {
      expect(mapMatches(conf, 'kqnk_private_path', uri), uri).toBe(false);
    }
  });

  it('only GET and HEAD may be cached (server actions are POSTs)', () => {
    expect(mapMatches(conf, 'kqnk_unsafe_method', 'GET')).toBe(false);
    expect(mapMatches(conf, 'kqnk_unsafe_method', 'HEAD')).toBe(false);
    for (const m of ['POST', 'PUT', 'DELETE', 'PATCH']) expect(mapMatches(conf, 'kqnk_unsafe_method', m)).toBe(true);
  });

  it('bypasses and never stores those requests, nor a response that sets a cookie', () => {
    const bypass = inLocation(conf, '/', 'proxy_cache_bypass').join(' ');
    const noCache = inLocation(conf, '/', 'proxy_no_cache').join(' ');
    for (const v of ['$kqnk_session', '$kqnk_unsafe_method', '$kqnk_private_path']) {
      expect(bypass).toContain(v);
      expect(noCache).toContain(v);
    }
    expect(noCache).toContain('$upstream_http_set_cookie');
    // Set-Cookie is never ignored: nginx's own rule (do not cache such a response) stays on.
    expect(conf).not.toMatch(/proxy_ignore_headers[^;]*Set-Cookie/);
  });

  it('keeps a public page 1 s, ignoring Next\'s s-maxage, and static assets long', () => {
    expect(inLocation(conf, '/', 'proxy_cache_valid')).toEqual(['200 1s']);
    expect(inLocation(conf, '/', 'proxy_ignore_headers')).toEqual(['Cache-Control Expires']);
    expect(inLocation(conf, '/', 'proxy_cache_lock')).toEqual(['on']);
    expect(inLocation(conf, '/', 'proxy_cache_use_stale')[0]?.split(' ')).toContain('updating');
    // Serving an old copy while a new one is fetched in the background would break the 1 s promise.
    expect(conf).not.toContain('proxy_cache_background_update on');
    expect(inLocation(conf, '/_next/static/', 'proxy_cache')).toEqual(['kqnk_static']);
  });

  it('keeps serving the last copy of a page while no instance can render it (database or instances down)', () => {
    const stale = inLocation(conf, '/', 'proxy_cache_use_stale')[0]?.split(' ') ?? [];
    for (const when of ['error', 'timeout', 'http_500', 'http_502', 'http_503', 'http_504']) expect(stale).toContain(when);
    // An expired copy is kept a day, not a minute, so there is one to serve.
    expect(conf).toMatch(/proxy_cache_path \S+\/cache\/pages [^;]*inactive=1d/);
  });

  it('never serves an RSC payload for an HTML request: RSC and router headers are in the key', () => {
    const key = /proxy_cache_key "([^"]+)"/.exec(conf)?.[1] ?? '';
    for (const part of ['$request_uri', '$http_host', '$http_rsc', '$http_next_router_prefetch', '$http_next_router_segment_prefetch', '$http_next_router_state_tree']) {
      expect(key).toContain(part);
    }
  });

  it('forwards the client and protocol, compresses, and says what the cache did', () => {
    expect(conf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(conf).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
    expect(conf).toMatch(/proxy_set_header Host \$http_host;/);
    expect(conf).toMatch(/^\s*gzip on;/m);
    expect(conf).toMatch(/gzip_types[^;]*text\/x-component/);
    expect(conf).toMatch(/add_header X-Cache-Status \$upstream_cache_status always;/);
  });

  const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p));
  it.skipIf(!nginx || !fs.existsSync('/etc/nginx/mime.types'))('is accepted by nginx -t', () => {
    const prefix = path.join(tmp, 'nginx');
    const file = writeNginxConfig(conf.replace(/^\s*user .*;$/m, ''), prefix);
    expect(() => testNginxConfig(nginx!, file, prefix)).not.toThrow();
    expect(spawnSync(nginx!, ['-v']).status).toBe(0);
  });
});

describe('refusals before anything starts', () => {
  it('refuses without DATABASE_URL, in Vietnamese then English, naming npm start for PGlite', () => {
    let error: unknown;
    try {
      readServeOptions({ PORT: '3400' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Refusal);
    const message = (error as Error).message;
    expect(message).toMatch(/^Thiếu DATABASE_URL/);
    expect(message).toContain('(DATABASE_URL is required');
    expect(message).toContain('npm start');
    expect(() => readServeOptions({ DATABASE_URL: '  ' })).toThrow(Refusal);
    expect(() => readServeOptions({ DATABASE_URL: 'mysql://x/y' })).toThrow(/postgres:\/\//);
  });

  it('reads PORT, INSTANCES and REDIS_URL with their defaults, and refuses nonsense', () => {
    expect(readServeOptions({ DATABASE_URL: 'postgres://h/db' })).toEqual({
      port: 3000,
      instancePorts: [3001, 3002],
      redisUrl: 'redis://127.0.0.1:6379',
      databaseUrl: 'postgres://h/db',
    });
    expect(readServeOptions({ DATABASE_URL: 'postgres://h/db', PORT: '3400', INSTANCES: '3' }).instancePorts).toEqual([3401, 3402, 3403]);
    for (const INSTANCES of ['0', '17', 'two', '1.5']) {
      expect(() => readServeOptions({ DATABASE_URL: 'postgres://h/db', INSTANCES })).toThrow(/INSTANCES/);
    }
    expect(() => readServeOptions({ DATABASE_URL: 'postgres://h/db', PORT: '65535' })).toThrow(/PORT/);
    expect(() => readServeOptions({ DATABASE_URL: 'postgres://h/db', REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
  });

  describe('ports', () => {
    const busy = net.createServer();
    let taken = 0;
    beforeAll(async () => {
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      taken = (busy.address() as net.AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

    it('refuses a taken port, naming it and its role, and accepts free ones', async () => {
      expect(await isPortFree(taken)).toBe(false);
      const free = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as net.AddressInfo).port;
          s.close(() => resolve(p));
        });
      });
      expect(await isPortFree(free)).toBe(true);
      await expect(checkPorts({ port: free, instancePorts: [taken] })).rejects.toThrow(Refusal);
      await expect(checkPorts({ port: free, instancePorts: [taken] })).rejects.toThrow(new RegExp(`${taken}: Next.js instance 1`));
      await expect(checkPorts({ port: taken, instancePorts: [free] })).rejects.toThrow(/Cổng đang bận \(port already in use\)/);
      await expect(checkPorts({ port: free, instancePorts: [] })).resolves.toBeUndefined();
    });
  });

  it('refuses when Redis does not answer', async () => {
    // Nothing listens on port 1: the connection is refused at once.
    await expect(checkRedis('redis://127.0.0.1:1', 2_000)).rejects.toThrow(/Không kết nối được Redis.*\(Redis unreachable\)/);
  });
});

describe('shared secrets and the build', () => {
  it('generates the secrets once, mode 600, and lets the environment override them', () => {
    const dir = path.join(tmp, 'secrets');
    const first = loadSecrets(dir, {});
    const file = path.join(dir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.secrets.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(isValidActionKey(first.secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY)).toBe(true);
    expect(Buffer.from(first.secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(loadSecrets(dir, {}).secrets).toEqual(first.secrets);
    const key = Buffer.alloc(32, 7).toString('base64');
    const given = loadSecrets(dir, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key });
    expect(given.secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    expect(given.notes.join('\n')).not.toContain(key);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(first.secrets); // the file keeps its own
    expect(() => loadSecrets(dir, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/16, 24 hoặc 32 byte/);
    expect(() => loadSecrets(dir, { AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
  });

  it('rebuilds unless the build was made by serve with the same key (and deployment id)', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const build = { buildId: 'build-x', buildIdMtimeMs: 1000, manifestKey: key };
    const stamp: BuildStamp = { deploymentId: 'kqnk-a', buildIdMtimeMs: 1000, keyFingerprint: keyFingerprint(key) };
    expect(rebuildReason(stamp, build, key)).toBeNull();
    expect(rebuildReason(stamp, build, key, 'kqnk-a')).toBeNull();
    expect(rebuildReason(stamp, build, key, 'kqnk-b')).toMatch(/NEXT_DEPLOYMENT_ID/);
    expect(rebuildReason(null, build, key)).toMatch(/not made by serve/);
    expect(rebuildReason(stamp, { ...build, buildIdMtimeMs: 2000 }, key)).toMatch(/not made by serve/);
    expect(rebuildReason(stamp, { buildId: null, buildIdMtimeMs: null, manifestKey: null }, key)).toMatch(/no build yet/);
    const other = Buffer.alloc(32, 2).toString('base64');
    expect(rebuildReason(stamp, build, other)).toMatch(/another server-actions key/);
    expect(rebuildReason(stamp, { ...build, manifestKey: other }, key)).toMatch(/another server-actions key/);
    expect(newDeploymentId()).toMatch(/^[a-zA-Z0-9_-]+$/);
  });

  it('uses the same Redis key prefix as deploy/cache-handler.mjs', async () => {
    const handlerPath = path.join(root, 'deploy/cache-handler.mjs');
    const handler = (await import(/* @vite-ignore */ handlerPath)) as { cacheKeyPrefix: typeof cacheKeyPrefix };
    for (const [d, b] of [['kqnk-1', 'build-2\n'], [undefined, 'abc'], ['x', undefined]] as const) {
      expect(handler.cacheKeyPrefix(d, b)).toBe(cacheKeyPrefix(d, b));
    }
    expect(cacheKeyPrefix('kqnk-1', 'build-2\n')).toBe('kqnk:kqnk-1:build-2:');
  });
});
