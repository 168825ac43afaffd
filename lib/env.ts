import path from 'node:path';
import { z } from 'zod';

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
  /** The public address (e.g. https://ketqua.example.vn) for absolute links; unset: the request's own address. */
  SITE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || URL.canParse(v), {
      message: 'SITE_URL phải là một địa chỉ đầy đủ, ví dụ https://ketqua.example.vn (must be an absolute URL)',
    }),
  /** The Chromium that renders /in.pdf and runs the browser tests. */
  CHROMIUM_PATH: z.string().trim().min(1).default('/usr/bin/chromium'),
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
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().PGLITE_DIR);
}
