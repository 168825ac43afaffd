import path from 'node:path';
import { z } from 'zod';
import { SECOND_FACTOR_POLICIES } from './vocabulary';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A public address: an absolute http(s) URL, and https unless it is this machine (a session
 * cookie over plain http is sent without `Secure`, and a citation would name an insecure site).
 */
const publicAddress = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      const url = URL.canParse(v) ? new URL(v) : null;
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        ctx.addIssue({ code: 'custom', message: `${name} phải là một địa chỉ đầy đủ, ví dụ https://ketqua.example.vn (must be an absolute http(s) URL)` });
      } else if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} phải dùng https khi không phải máy này (must be https unless it is localhost): ${url.origin}`,
        });
      }
    });

/** An empty value counts as unset (z.coerce would read it as 0, which would lift a limit). */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

/** Requests a minute per client address; 0: no limit. */
const rateLimit = (name: string, fallback: number) =>
  blankAsUnset(
    z.coerce
      .number({ error: `${name} phải là một số nguyên (must be an integer)` })
      .int({ error: `${name} phải là một số nguyên (must be an integer)` })
      .min(0, { error: `${name} phải từ 0 đến 100 000 (must be 0–100 000)` })
      .max(100_000, { error: `${name} phải từ 0 đến 100 000 (must be 0–100 000)` })
      .default(fallback),
  );

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_URL phải là một địa chỉ postgres://… (must be a postgres:// URL)',
    }),
  /**
   * The owner of the tables: migrations, seeding, the first administrator, `npm run user` and
   * `npm run db:*`. Set, DATABASE_URL is the application role (`npm run db:roles`), which may not
   * change or remove revisions nor alter their triggers.
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'MIGRATION_DATABASE_URL phải là một địa chỉ postgres://… (must be a postgres:// URL)',
    }),
  /**
   * Set to 1 by `npm start` and `npm run serve` on the servers they start, after preparing the
   * database themselves (as the owner with two roles): the server then opens DATABASE_URL and
   * neither migrates nor seeds, and never holds the owner's URL. Not for setting by hand.
   */
  KQNK_DATABASE_PREPARED: z.enum(['1']).optional(),
  PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Signs the session cookie. Unset: a per-install secret in .data/auth-secret (see lib/auth/secret.ts). */
  AUTH_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, {
      message: 'AUTH_SECRET phải dài ít nhất 32 ký tự, ví dụ `openssl rand -base64 33` (must be at least 32 characters)',
    }),
  /** With ADMIN_PASSWORD: the first administrator, created at start-up only while no active admin exists. */
  ADMIN_EMAIL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || z.email().safeParse(v.toLowerCase()).success, {
      message: 'ADMIN_EMAIL phải là một địa chỉ email (must be an email address)',
    }),
  /**
   * The public address (e.g. https://ketqua.example.vn): the only source of absolute links,
   * citations, feeds and PDFs (request headers never choose them). Unset: http://localhost:PORT.
   */
  SITE_URL: publicAddress('SITE_URL'),
  /** Where Auth.js is reached (its redirects and whether cookies are `Secure`); `npm start` sets it from PORT. */
  AUTH_URL: publicAddress('AUTH_URL'),
  /** How many proxies in front may be believed about the client's address (X-Forwarded-For); 0: none, the socket's address counts. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The security log (lib/security-log.ts): JSON lines on stdout, or `off` (the unit tests, which capture it themselves). */
  SECURITY_LOG: z.enum(['stdout', 'off'], { error: 'SECURITY_LOG phải là stdout hoặc off (must be stdout or off)' }).default('stdout'),
  /**
   * Who must have a second factor: `admins` (default) — every administrator, and each editor an
   * administrator marked; `per-account` — only the marked accounts (for test servers, whose
   * shared admin signs in many times a minute; never in production).
   */
  SECOND_FACTOR_POLICY: z.enum(SECOND_FACTOR_POLICIES, {
    error: 'SECOND_FACTOR_POLICY phải là admins hoặc per-account (must be admins or per-account)',
  }).default('admins'),
  /** The Chromium that renders /in.pdf and runs the browser tests. */
  CHROMIUM_PATH: z.string().trim().min(1).default('/usr/bin/chromium'),
  /**
   * Per-address rate limits (lib/rate-limit.ts), requests a minute from one client address, per
   * instance; 0 turns that limit off. `/in.pdf` (Chromium), searches, and first renders of past views.
   */
  RATE_LIMIT_PDF: rateLimit('RATE_LIMIT_PDF', 6),
  RATE_LIMIT_SEARCH: rateLimit('RATE_LIMIT_SEARCH', 60),
  RATE_LIMIT_PAST_VIEWS: rateLimit('RATE_LIMIT_PAST_VIEWS', 60),
  /** How many client addresses the limiter remembers (least recently seen forgotten first). */
  RATE_LIMIT_ADDRESSES: blankAsUnset(
    z.coerce
      .number({ error: 'RATE_LIMIT_ADDRESSES phải là một số nguyên (must be an integer)' })
      .int()
      .min(100, { error: 'RATE_LIMIT_ADDRESSES phải từ 100 đến 1 000 000 (must be 100–1 000 000)' })
      .max(1_000_000, { error: 'RATE_LIMIT_ADDRESSES phải từ 100 đến 1 000 000 (must be 100–1 000 000)' })
      .default(10_000),
  ),
  /** The past-view cache of each instance (deploy/bounded-cache.mjs reads the same variables). */
  PAST_VIEW_CACHE_ENTRIES: blankAsUnset(
    z.coerce
      .number({ error: 'PAST_VIEW_CACHE_ENTRIES phải là một số nguyên (must be an integer)' })
      .int()
      .min(0, { error: 'PAST_VIEW_CACHE_ENTRIES phải từ 0 đến 100 000 (must be 0–100 000)' })
      .max(100_000, { error: 'PAST_VIEW_CACHE_ENTRIES phải từ 0 đến 100 000 (must be 0–100 000)' })
      .default(2_000),
  ),
  PAST_VIEW_CACHE_MB: blankAsUnset(
    z.coerce
      .number({ error: 'PAST_VIEW_CACHE_MB phải là một số (must be a number)' })
      .min(0, { error: 'PAST_VIEW_CACHE_MB phải từ 0 đến 4096 (must be 0–4096)' })
      .max(4096, { error: 'PAST_VIEW_CACHE_MB phải từ 0 đến 4096 (must be 0–4096)' })
      .default(64),
  ),
  /** Never printed. Checked against the password policy when the admin is created. Not trimmed. */
  ADMIN_PASSWORD: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type Env = z.infer<typeof envSchema>;

/** The role a postgres:// URL signs in as, when it names one. */
export function roleOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}

function databaseNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  } catch {
    return '';
  }
}

/** An application role's name: plain lower-case, so it needs no quoting anywhere (db/roles.sql). */
export const APP_ROLE_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Which database, and as whom:
 * - `pglite`: no DATABASE_URL, the embedded database (a superuser);
 * - `one-role`: DATABASE_URL only, which migrates and serves (it owns the tables);
 * - `two-roles`: MIGRATION_DATABASE_URL prepares as the owner, DATABASE_URL (the application
 *   role `appRole`) serves.
 */
export type DatabaseSetup =
  | { kind: 'pglite' }
  | { kind: 'one-role'; url: string }
  | { kind: 'two-roles'; ownerUrl: string; appUrl: string; appRole: string };

const databaseSetupSchema = envSchema
  .pick({ DATABASE_URL: true, MIGRATION_DATABASE_URL: true })
  .superRefine(({ DATABASE_URL, MIGRATION_DATABASE_URL }, ctx) => {
    if (!MIGRATION_DATABASE_URL) return;
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message });
    if (!DATABASE_URL) {
      issue('MIGRATION_DATABASE_URL cần DATABASE_URL của vai trò ứng dụng (needs DATABASE_URL, the application role; PGlite has no roles)');
      return;
    }
    const appRole = roleOf(DATABASE_URL);
    if (!appRole || !APP_ROLE_PATTERN.test(appRole)) {
      issue(
        'khi có MIGRATION_DATABASE_URL, DATABASE_URL phải ghi rõ vai trò ứng dụng, ví dụ postgres://kqnk_app@host/kqnk ' +
          '(DATABASE_URL must name the application role, lower-case letters, digits and _)',
      );
    } else if (appRole === roleOf(MIGRATION_DATABASE_URL)) {
      issue('MIGRATION_DATABASE_URL và DATABASE_URL dùng cùng một vai trò (both URLs use the same role): DATABASE_URL phải là vai trò ứng dụng (must be the application role)');
    }
    if (databaseNameOf(DATABASE_URL) !== databaseNameOf(MIGRATION_DATABASE_URL)) {
      issue('MIGRATION_DATABASE_URL và DATABASE_URL phải trỏ tới cùng một cơ sở dữ liệu (must name the same database)');
    }
  });

let cached: Env | undefined;

/** Read and validate configuration once; a bad variable stops start-up with a message that names it. */
export function env(): Env {
  if (cached) return cached;
  cached = parseEnv(process.env);
  return cached;
}

/** Validate `source` as configuration; throws a message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  const roles = databaseSetupSchema.safeParse(source);
  const issues = [...(parsed.error?.issues ?? []), ...(parsed.success ? (roles.error?.issues ?? []) : [])];
  if (!parsed.success || issues.length > 0) {
    const lines = issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Which database and roles the configuration names (validated by `parseEnv`). */
export function databaseSetup(config: Pick<Env, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'> = env()): DatabaseSetup {
  const { DATABASE_URL, MIGRATION_DATABASE_URL } = config;
  if (!DATABASE_URL) return { kind: 'pglite' };
  if (!MIGRATION_DATABASE_URL) return { kind: 'one-role', url: DATABASE_URL };
  return { kind: 'two-roles', ownerUrl: MIGRATION_DATABASE_URL, appUrl: DATABASE_URL, appRole: roleOf(DATABASE_URL)! };
}

/** A database URL without its password, for printing (also one a URL parser refuses). */
export function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^@]*@/, ':***@');
  }
}

/** The URL that owns the tables (migrations, seed, accounts from the console); undefined on PGlite. */
export function ownerDatabaseUrl(config: Pick<Env, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'> = env()): string | undefined {
  return config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
}

/**
 * What `npm start`, `npm run serve` and `npm run db:prepare` say once at start about how safe the
 * revision history is with this configuration (Vietnamese, then English); null with two roles.
 */
export function databaseSafetyNotice(setup: DatabaseSetup): string | null {
  if (setup.kind === 'pglite') {
    return [
      'Lưu ý: cơ sở dữ liệu nhúng PGlite chạy với quyền superuser, nên chính máy chủ này có thể tắt các trigger',
      'giữ cho lịch sử phiên bản chỉ được ghi thêm. Nó dành cho một máy và để dùng thử; khi vận hành thật, hãy dùng',
      'PostgreSQL với hai vai trò: MIGRATION_DATABASE_URL (chủ sở hữu) và DATABASE_URL (vai trò ứng dụng, `npm run db:roles`).',
      '(Note: the embedded PGlite database runs as a superuser, so this very server could disable the triggers that keep',
      'the revision history append-only. It is for one machine and for trying the portal out; in production use',
      'PostgreSQL with two roles: MIGRATION_DATABASE_URL, the owner, and DATABASE_URL, the application role made by',
      '`npm run db:roles` — README, "Operations → Database roles".)',
    ].join('\n');
  }
  if (setup.kind === 'one-role') {
    const role = roleOf(setup.url);
    const named = role ? `“${role}”` : 'của DATABASE_URL';
    return [
      `Lưu ý: chỉ có DATABASE_URL, nên máy chủ migrate và phục vụ bằng cùng một vai trò PostgreSQL (${named}).`,
      'Vai trò đó sở hữu các bảng và có thể tắt các trigger giữ cho lịch sử phiên bản chỉ được ghi thêm: lịch sử chỉ an toàn',
      'bằng vai trò đó. Hãy đặt MIGRATION_DATABASE_URL cho chủ sở hữu và cho DATABASE_URL một vai trò ứng dụng (`npm run db:roles`).',
      `(Note: only DATABASE_URL is set, so the portal migrates and serves as the same PostgreSQL role${role ? ` (“${role}”)` : ''}.`,
      'That role owns the tables and could disable the triggers that keep the revision history append-only: the history',
      'is only as safe as that role. Set MIGRATION_DATABASE_URL to the owner and give DATABASE_URL an application role',
      'made by `npm run db:roles` — README, "Operations → Database roles".)',
    ].join('\n');
  }
  return null;
}

/** The site's public address, without a trailing slash: SITE_URL, or http://localhost:PORT. */
export function siteUrl(): string {
  const { SITE_URL, PORT } = env();
  return SITE_URL ?? `http://localhost:${PORT}`;
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().PGLITE_DIR);
}
