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
