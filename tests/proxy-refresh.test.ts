/**
 * Refresh-on-edit through a real nginx (Debian's, as `npm run serve` runs it) started from
 * deploy/nginx.conf.template in front of a small HTTP server standing in for an instance: after
 * a save, the pages it changed are stored anew in nginx, so readers get the new figure from the
 * cache without waiting for the old copy to expire; a request without the run's token cannot
 * make nginx skip its cache. The public pages a save names come from db/cache-tags.ts's writeTags.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTags } from '@/db/cache-tags';
import { publicPathsFor, refreshProxy, refreshTarget } from '@/lib/proxy-refresh';
import { findMimeTypes, findNginx } from '@/scripts/serve/checks';
import { nginxArgs, renderNginxConfig, testNginxConfig, writeNginxConfig } from '@/scripts/serve/nginx';
import { startChild, stopChildren, type Child } from '@/scripts/serve/processes';

const REPORT = 'soc-trang-2020-2025';

describe('which public pages a save refreshes', () => {
  it('an indicator saved: its page and changelog, the overviews and the latest-change pages, in both languages', () => {
    const paths = publicPathsFor(writeTags.indicator(REPORT, ['1'], { saved: true }));
    expect(paths.slice(0, 4)).toEqual(['/chi-tieu/1', '/chi-tieu/1/lich-su', '/en/chi-tieu/1', '/en/chi-tieu/1/lich-su']);
    for (const p of ['/', '/en', '/chi-tieu', '/en/chi-tieu', '/du-lieu', '/thay-doi', '/en/thay-doi', '/in', '/thay-doi.atom']) expect(paths).toContain(p);
    expect(paths).not.toContain('/muc');
  });

  it('a section edited: the section, its changelog, the contents and the indicators that name it', () => {
    const paths = publicPathsFor(writeTags.section(REPORT, { sections: ['kinh-te', 'a'], indicators: ['3'] }));
    for (const p of ['/muc/kinh-te', '/en/muc/kinh-te', '/muc/kinh-te/lich-su', '/muc/a', '/chi-tieu/3', '/muc', '/en/muc', '/']) {
      expect(paths).toContain(p);
    }
  });

  it('names no page for past views, and at most 48 pages whatever the save', () => {
    expect(publicPathsFor([`report:${REPORT}:past`])).toEqual([]);
    const many = Array.from({ length: 100 }, (_, i) => `indicator:${REPORT}/${i}`);
    expect(publicPathsFor(many)).toHaveLength(48);
  });

  it('is off unless both the proxy address and the token are given', () => {
    expect(refreshTarget({})).toBeNull();
    expect(refreshTarget({ CACHE_REFRESH_URL: 'http://127.0.0.1:3000' })).toBeNull();
    expect(refreshTarget({ CACHE_REFRESH_URL: 'http://127.0.0.1:3000', CACHE_REFRESH_TOKEN: 't' })).toEqual({ url: 'http://127.0.0.1:3000', token: 't' });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('refresh-on-edit through nginx', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-refresh-test-'));
  const token = 'refresh-token-of-this-test-run';
  // The "instance": every page shows the current figure; it records the refresh header it received.
  let figure = 1;
  const seenRefreshHeaders: (string | undefined)[] = [];
  const upstream = http.createServer((req, res) => {
    seenRefreshHeaders.push(req.headers['x-kqnk-refresh'] as string | undefined);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<p>${req.url} figure ${figure}</p>`);
  });
  let nginx: Child | undefined;
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
    const upstreamPort = (upstream.address() as net.AddressInfo).port;
    const port = await freePort();
    const prefix = path.join(tmp, 'nginx');
    const { bin } = findNginx();
    // The template keeps a page 1 s; here 10 minutes, so what the test sees is the refresh, never an expiry.
    const conf = renderNginxConfig(fs.readFileSync(path.resolve(import.meta.dirname, '../deploy/nginx.conf.template'), 'utf8'), {
      prefix,
      port,
      upstreams: [`127.0.0.1:${upstreamPort}`],
      mimeTypes: findMimeTypes(),
      runAsUser: process.getuid?.() === 0 ? os.userInfo().username : undefined,
      refreshToken: token,
    }).replace('proxy_cache_valid 200 1s;', 'proxy_cache_valid 200 10m;');
    const file = writeNginxConfig(conf, prefix);
    testNginxConfig(bin, file, prefix);
    nginx = startChild('nginx', bin, nginxArgs(file, prefix), { cwd: prefix, env: process.env });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not answer on ${base}`);
  });

  afterAll(async () => {
    if (nginx) await stopChildren([nginx], 5_000);
    await new Promise<void>((r) => upstream.close(() => r()));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const read = async (p: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${p}`, { headers });
    return { body: await res.text(), cache: res.headers.get('x-cache-status') };
  };

  it('stores the changed pages anew, so the next reader gets the new figure from the cache', async () => {
    figure = 1;
    await read('/chi-tieu/7');
    expect(await read('/chi-tieu/7')).toEqual({ body: '<p>/chi-tieu/7 figure 1</p>', cache: 'HIT' });

    figure = 2; // the save
    expect((await read('/chi-tieu/7')).body).toContain('figure 1'); // nginx still has the old copy
    const refreshed = await refreshProxy(writeTags.indicator(REPORT, ['7'], { saved: true }), [new URL(base).host], { url: base, token });
    expect(refreshed).toBeGreaterThan(0);
    expect(await read('/chi-tieu/7')).toEqual({ body: '<p>/chi-tieu/7 figure 2</p>', cache: 'HIT' });
    expect((await read('/en/chi-tieu/7')).body).toContain('figure 2');
    // The token never reaches the instance.
    expect(seenRefreshHeaders.filter(Boolean)).toEqual([]);
  });

  it('ignores the refresh header without the right token: a reader cannot force a render', async () => {
    figure = 3;
    await read('/muc');
    figure = 4;
    expect(await read('/muc', { 'x-kqnk-refresh': 'guess' })).toEqual({ body: '<p>/muc figure 3</p>', cache: 'HIT' });
    expect(await read('/muc', { 'x-kqnk-refresh': '' })).toEqual({ body: '<p>/muc figure 3</p>', cache: 'HIT' });
  });
});
