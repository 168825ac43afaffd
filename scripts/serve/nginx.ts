/**
 * The nginx configuration of `npm run serve`: deploy/nginx.conf.template rendered into a private
 * prefix folder (pid, logs, temp files and cache all inside it), checked with `nginx -t`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type NginxVars = {
  /** The folder nginx runs in (`-p`): pid, logs/, tmp/, cache/ are created under it. */
  prefix: string;
  port: number;
  /** host:port of each Next.js instance. */
  upstreams: string[];
  mimeTypes: string;
  /** Run as root: workers would become `nobody` and could not write the prefix; keep them root. */
  runAsUser?: string;
  /** The secret of refresh-on-edit requests (X-Kqnk-Refresh), new for each run: lib/proxy-refresh.ts. */
  refreshToken: string;
};

/** Replace every {{NAME}}; an unknown or missing placeholder is an error, not an empty string. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  const out = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return value;
  });
  return out;
}

export function renderNginxConfig(template: string, vars: NginxVars): string {
  if (vars.upstreams.length === 0) throw new Error('no upstream instance');
  if (!/^[A-Za-z0-9_-]{16,}$/.test(vars.refreshToken)) throw new Error('refresh token: at least 16 letters, digits, - or _');
  return renderTemplate(template, {
    PREFIX: vars.prefix,
    PORT: String(vars.port),
    MIME_TYPES: vars.mimeTypes,
    UPSTREAM_SERVERS: vars.upstreams.map((u) => `        server ${u} max_fails=1 fail_timeout=2s;`).join('\n'),
    REFRESH_TOKEN: vars.refreshToken,
    USER_DIRECTIVE: vars.runAsUser ? `user ${vars.runAsUser};` : '# (not root: nginx runs as the current user)',
  });
}

/** The user directive for the current process: only root needs one. */
export function currentUserDirective(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return os.userInfo().username;
}

/** Write the rendered file and create the folders it names. Returns the config file's path. */
export function writeNginxConfig(text: string, prefix: string, name = 'nginx.conf'): string {
  for (const dir of ['logs', 'tmp', 'cache']) fs.mkdirSync(path.join(prefix, dir), { recursive: true });
  const file = path.join(prefix, name);
  fs.writeFileSync(file, text);
  return file;
}

/** `nginx -t`: throws with nginx's own words when the configuration is refused. */
export function testNginxConfig(bin: string, file: string, prefix: string): void {
  try {
    execFileSync(bin, ['-t', '-q', '-p', prefix, '-e', path.join(prefix, 'logs/error.log'), '-c', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`nginx -t: ${(e.stderr || e.message).trim()}`);
  }
}

/** Arguments that run nginx in the foreground on that file (`daemon off;` is in the template). */
export function nginxArgs(file: string, prefix: string): string[] {
  return ['-p', prefix, '-e', path.join(prefix, 'logs/error.log'), '-c', file];
}
