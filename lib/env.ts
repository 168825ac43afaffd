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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The site's public address, without a trailing slash: SITE_URL, or http://localhost:PORT. */
export function siteUrl(): string {
  const { SITE_URL, PORT } = env();
  return SITE_URL ?? `http://localhost:${PORT}`;
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().PGLITE_DIR);
}
