/**
 * Refresh-on-edit for the caching proxy of `npm run serve`.
 *
 * nginx keeps each public page for a second (deploy/nginx.conf.template). Waiting for that copy
 * to expire made a save visible through the proxy only after 1–2 s (nginx counts lifetimes in
 * whole seconds). Instead, once a save has cleared its cache tags, the instance that saved asks
 * nginx again for the public pages those tags show, with a header nginx honours only when it
 * carries the token of this `serve` run (`proxy_cache_bypass`): nginx renders each page anew
 * through an instance and stores the new copy in place of the old one.
 *
 * Off unless both CACHE_REFRESH_URL (nginx's own address) and CACHE_REFRESH_TOKEN are set, as
 * `npm run serve` does. Best effort: a page the refresh misses still expires within the second.
 */
import http from 'node:http';

export const REFRESH_HEADER = 'x-kqnk-refresh';

/** At most this many pages per save (a section edit can name many indicators). */
const MAX_PATHS = 48;
const CONCURRENCY = 4;
const TIMEOUT_MS = 10_000;

const LOCALE_PREFIXES = ['', '/en'];

function localized(paths: string[]): string[] {
  return LOCALE_PREFIXES.flatMap((prefix) => paths.map((p) => (p === '/' ? prefix || '/' : `${prefix}${p}`)));
}

/**
 * The public addresses that show what a list of cleared tags covers, in both languages, most
 * read first. Tags of past views and unknown tags name no page (past views never change).
 * The tag names are db/cache-tags.ts's; lib/proxy-refresh.test.ts checks them against `writeTags`.
 */
export function publicPathsFor(tags: string[]): string[] {
  const paths: string[] = [];
  const add = (...ps: string[]) => {
    for (const p of localized(ps)) if (!paths.includes(p)) paths.push(p);
  };
  const prefix = (name: string) => (tag: string) => tag.startsWith(`${name}:`) && !tag.endsWith(':past');
  const slugAfterReport = (tag: string) => tag.slice(tag.indexOf('/') + 1);
  // Pages first: the item pages a reader opens from a link, then the overviews.
  for (const tag of tags.filter(prefix('indicator')).filter((t) => t.includes('/'))) {
    const code = encodeURIComponent(slugAfterReport(tag));
    add(`/chi-tieu/${code}`, `/chi-tieu/${code}/lich-su`);
  }
  for (const tag of tags.filter(prefix('section'))) {
    const slug = encodeURIComponent(slugAfterReport(tag));
    add(`/muc/${slug}`, `/muc/${slug}/lich-su`);
  }
  if (tags.some(prefix('indicators'))) add('/', '/chi-tieu', '/du-lieu');
  if (tags.some(prefix('toc'))) add('/', '/muc');
  if (tags.some(prefix('latest'))) {
    add('/thay-doi', '/in');
    if (!paths.includes('/thay-doi.atom')) paths.push('/thay-doi.atom');
  }
  return paths.slice(0, MAX_PATHS);
}

export type RefreshTarget = { url: string; token: string };

/** The proxy to refresh, from the environment `npm run serve` gives its instances; null elsewhere. */
export function refreshTarget(env: Record<string, string | undefined> = process.env): RefreshTarget | null {
  const url = env.CACHE_REFRESH_URL?.trim();
  const token = env.CACHE_REFRESH_TOKEN?.trim();
  return url && token ? { url, token } : null;
}

/** GET one path through the proxy with the refresh header; resolves with the status (0 on a network error). */
function refreshOne(target: RefreshTarget, host: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const base = new URL(target.url);
    const req = http.request(
      {
        hostname: base.hostname,
        port: base.port || 80,
        path,
        method: 'GET',
        // The Host readers use is part of nginx's cache key: the refreshed copy is theirs.
        headers: { host, [REFRESH_HEADER]: target.token, 'user-agent': 'kqnk-refresh' },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/**
 * Refresh the proxy's copies of the pages `tags` show, for each Host readers use (the one the
 * editor saved through, and SITE_URL's). Never throws; returns how many pages answered 200.
 */
export async function refreshProxy(tags: string[], hosts: string[], target: RefreshTarget | null = refreshTarget()): Promise<number> {
  if (!target) return 0;
  const uniqueHosts = [...new Set(hosts.filter(Boolean))];
  const jobs = uniqueHosts.flatMap((host) => publicPathsFor(tags).map((path) => ({ host, path })));
  let ok = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      if ((await refreshOne(target, job.host, job.path)) === 200) ok += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  return ok;
}
