import 'server-only';
/**
 * The secret that signs and encrypts the session cookie.
 *
 * AUTH_SECRET wins when set (required when several servers share sessions). When it is
 * unset we do not refuse to start: `npm start` must work on a fresh checkout with no
 * configuration. Instead a random secret is made once and kept in `.data/auth-secret`
 * (git-ignored, mode 0600, beside the embedded database), so it stays the same across
 * restarts and differs per install. Deleting the file signs everyone out; the session rows
 * in the database still decide who is signed in, so a leaked cookie dies with its row.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { deriveSecretKey } from '@/lib/second-factor';

let cached: string | undefined;

export function authSecretFile(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), '.data', 'auth-secret');
}

export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);

  const file = authSecretFile();
  let secret: string;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    secret = randomBytes(48).toString('base64url');
    // 'wx': if another process made it first, keep theirs (read below).
    fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    console.info(`[auth] Chưa đặt AUTH_SECRET: đã tạo khoá riêng cho bản cài đặt này tại ${file} (no AUTH_SECRET: created a per-install secret)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new Error(
        `Không tạo được ${file} để lưu khoá phiên đăng nhập; hãy đặt biến AUTH_SECRET (could not create the session secret file; set AUTH_SECRET): ${(error as Error).message}`,
      );
    }
    secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length < 32) throw new Error(`${file} không chứa khoá hợp lệ; hãy xoá tệp này hoặc đặt AUTH_SECRET (invalid secret file)`);
  }
  return (cached = secret);
}

let secondFactorKeyCache: Buffer | undefined;

/** The AES key for stored TOTP secrets, derived from the session secret. Changing AUTH_SECRET makes stored secrets unreadable: enrolled staff then sign in with a recovery code and an admin resets their second factor. */
export function secondFactorKey(): Buffer {
  return (secondFactorKeyCache ??= deriveSecretKey(authSecret()));
}
