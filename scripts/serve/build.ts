/**
 * What every instance of `npm run serve` must share: the secrets (generated once into
 * .data/serve/secrets.json, mode 600, unless given in the environment) and ONE build made with
 * the server-actions key and a deployment id (recorded in .data/serve/build.json, so a build
 * made otherwise — by `npm start`, `npm test` or another key — is rebuilt before serving).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type Secrets = { AUTH_SECRET: string; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string };

/** A base64 AES key of 16, 24 or 32 bytes, as Next.js requires. */
export function isValidActionKey(value: string): boolean {
  const bytes = Buffer.from(value, 'base64');
  return [16, 24, 32].includes(bytes.length) && bytes.toString('base64') === value;
}

const generators: Record<keyof Secrets, () => string> = {
  AUTH_SECRET: () => crypto.randomBytes(33).toString('base64'),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: () => crypto.randomBytes(32).toString('base64'),
};

const validators: Record<keyof Secrets, (v: string) => string | null> = {
  AUTH_SECRET: (v) => (v.length >= 32 ? null : 'AUTH_SECRET phải dài ít nhất 32 ký tự (must be at least 32 characters)'),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: (v) =>
    isValidActionKey(v)
      ? null
      : 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY phải là 16, 24 hoặc 32 byte mã hoá base64, ví dụ `openssl rand -base64 32` (must be 16, 24 or 32 bytes, base64)',
};

/**
 * The environment's value for each secret, else the one saved in `dir/secrets.json`, else a new
 * one (saved). The file is kept at mode 600. `notes` says where each came from (never the value).
 */
export function loadSecrets(dir: string, env: Record<string, string | undefined>): { secrets: Secrets; notes: string[] } {
  const file = path.join(dir, 'secrets.json');
  let saved: Partial<Secrets> = {};
  if (fs.existsSync(file)) saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets = {} as Secrets;
  const notes: string[] = [];
  let changed = false;
  for (const name of Object.keys(generators) as (keyof Secrets)[]) {
    const fromEnv = env[name]?.trim();
    const value = fromEnv || saved[name] || generators[name]();
    const problem = validators[name](value);
    if (problem) throw new Error(`${problem}${fromEnv ? '' : ` — ${file}`}`);
    if (fromEnv) notes.push(`${name}: từ môi trường (from the environment)`);
    else if (saved[name]) notes.push(`${name}: ${path.relative(process.cwd(), file) || file}`);
    else {
      notes.push(`${name}: tạo mới (generated) → ${file}`);
      changed = true;
    }
    if (!fromEnv) {
      if (saved[name] !== value) changed = true;
      saved[name] = value;
    }
    secrets[name] = value;
  }
  fs.mkdirSync(dir, { recursive: true });
  if (changed) fs.writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  return { secrets, notes };
}

/** A short, non-reversible name for a key, to tell whether a build was made with it. */
export function keyFingerprint(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** A deployment id for a new build (Next.js allows letters, digits, `-` and `_`). */
export function newDeploymentId(now = Date.now()): string {
  return `kqnk-${now.toString(36)}-${crypto.randomBytes(3).toString('hex')}`;
}

/** The Redis key prefix of one build: the same formula as deploy/cache-handler.mjs. */
export function cacheKeyPrefix(deploymentId: string | undefined, buildId: string | undefined): string {
  return `kqnk:${deploymentId || 'no-deployment'}:${(buildId || 'no-build').trim()}:`;
}

export type BuildStamp = { deploymentId: string; buildIdMtimeMs: number; keyFingerprint: string };

/** What .next holds now: when BUILD_ID was written, its content, and the server-actions key in the manifest. */
export function currentBuild(root: string): { buildId: string | null; buildIdMtimeMs: number | null; manifestKey: string | null } {
  const buildIdFile = path.join(root, '.next/BUILD_ID');
  if (!fs.existsSync(buildIdFile)) return { buildId: null, buildIdMtimeMs: null, manifestKey: null };
  let manifestKey: string | null = null;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as { encryptionKey?: string };
    manifestKey = manifest.encryptionKey ?? null;
  } catch {
    manifestKey = null;
  }
  return { buildId: fs.readFileSync(buildIdFile, 'utf8').trim(), buildIdMtimeMs: fs.statSync(buildIdFile).mtimeMs, manifestKey };
}

/**
 * Why the build in .next cannot be served as is (a reason to rebuild), or null when it was made by
 * `serve` with this key (and with the deployment id asked for, when one is given).
 */
export function rebuildReason(
  stamp: BuildStamp | null,
  build: ReturnType<typeof currentBuild>,
  key: string,
  wantedDeploymentId?: string,
): string | null {
  if (build.buildIdMtimeMs === null) return 'chưa có bản build (no build yet)';
  if (!stamp || stamp.buildIdMtimeMs !== build.buildIdMtimeMs) {
    return 'bản build hiện có không do `serve` tạo (the current build was not made by serve: no deployment id, unknown key)';
  }
  if (stamp.keyFingerprint !== keyFingerprint(key) || (build.manifestKey !== null && build.manifestKey !== key)) {
    return 'bản build được tạo với khoá server actions khác (the build was made with another server-actions key)';
  }
  if (wantedDeploymentId && stamp.deploymentId !== wantedDeploymentId) {
    return `NEXT_DEPLOYMENT_ID khác với bản build (${stamp.deploymentId}) (the build has another deployment id)`;
  }
  return null;
}

export function readStamp(dir: string): BuildStamp | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

export function writeStamp(dir: string, stamp: BuildStamp): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'build.json'), `${JSON.stringify(stamp, null, 2)}\n`);
}
