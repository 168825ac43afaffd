/**
 * The yardstick: Debian's nginx serving saved copies of pages as plain files
 * (deploy/nginx-static.conf.template, the same template as `npm run serve:bench-static`), in a
 * private prefix (its own config, pid, logs and temp folders), in the foreground (`daemon off`),
 * in its own process group, stopped by pid.
 *
 * Each page is saved as `html/page-N.html`, so two addresses that differ only by their query
 * (`/chi-tieu/x` and `/chi-tieu/x?asOf=r5`) get a file each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../start';
import { findMimeTypes, findNginx, isPortFree } from '../serve/checks';
import { currentUserDirective, nginxArgs, renderTemplate, testNginxConfig, writeNginxConfig } from '../serve/nginx';
import { startChild, stopChildren } from '../serve/processes';

export type StaticReference = {
  /** nginx's version, for the report. */
  version: string;
  /** nginx's master process, the leader of its own process group. */
  pid: number | undefined;
  /** The address of the i-th page's copy. */
  urlFor(index: number): string;
  stop(): Promise<void>;
};

/** Fetch each page once from `base` and return its HTML (throws on a non-2xx answer). */
export async function snapshotPages(base: string, paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const res = await fetch(base + p, { redirect: 'manual' });
    const body = await res.text();
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    out.push(body);
  }
  return out;
}

/**
 * Write `pages` under `prefix/html`, render the template into `prefix`, `nginx -t` it and start
 * nginx on `port`; resolves once the first copy answers. Throws (a Refusal, from checks.ts)
 * when nginx or its mime.types are missing.
 */
export async function startStaticReference(pages: string[], { prefix, port }: { prefix: string; port: number }): Promise<StaticReference> {
  const nginx = findNginx();
  const mimeTypes = findMimeTypes();
  if (!(await isPortFree(port))) throw new Error(`port ${port} is in use`);
  const html = path.join(prefix, 'html');
  fs.mkdirSync(html, { recursive: true });
  pages.forEach((body, i) => fs.writeFileSync(path.join(html, `page-${i}.html`), body));
  const user = currentUserDirective();
  const template = fs.readFileSync(path.join(root, 'deploy/nginx-static.conf.template'), 'utf8');
  const conf = writeNginxConfig(
    renderTemplate(template, { PREFIX: prefix, PORT: String(port), MIME_TYPES: mimeTypes, USER_DIRECTIVE: user ? `user ${user};` : '' }),
    prefix,
  );
  testNginxConfig(nginx.bin, conf, prefix);
  const child = startChild('nginx-static', nginx.bin, nginxArgs(conf, prefix), { cwd: prefix, env: process.env });
  const urlFor = (i: number) => `http://127.0.0.1:${port}/page-${i}.html`;
  const stop = () => stopChildren([child]);
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
        throw new Error(`nginx exited (${child.proc.exitCode ?? child.proc.signalCode}); see ${path.join(prefix, 'logs/error.log')}`);
      }
      const ok = await fetch(urlFor(0)).then(
        async (r) => (await r.arrayBuffer(), r.ok),
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`nginx did not answer ${urlFor(0)} within 10 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { version: nginx.version, pid: child.proc.pid, urlFor, stop };
}
