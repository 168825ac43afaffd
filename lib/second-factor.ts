/**
 * The second factor's pure parts: TOTP (RFC 6238 through `otpauth`: SHA-1, 6 digits, 30 s, one
 * step either side for clock drift), the secret's encryption at rest, recovery codes, and the
 * rule of who must have a factor. No database here: db/queries/second-factor.ts stores, this computes.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { SecondFactorPolicy, UserRole } from './vocabulary';

export const TOTP_ISSUER = 'Kết quả nhiệm kỳ';
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: a phone clock 30 s off still works. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** Must this account have a second factor? Admins always under the default policy; anyone an admin marked. */
export function secondFactorRequired(
  user: { role: UserRole; secondFactorRequired: boolean },
  policy: SecondFactorPolicy = 'admins',
): boolean {
  return user.secondFactorRequired || (policy === 'admins' && user.role === 'admin');
}

/** Must this account enrol before doing anything else? */
export function secondFactorDue(
  user: { role: UserRole; secondFactorRequired: boolean; secondFactorSince: Date | null },
  policy: SecondFactorPolicy = 'admins',
): boolean {
  return user.secondFactorSince === null && secondFactorRequired(user, policy);
}

// ------------------------------------------------------------------ TOTP

/** A fresh 160-bit secret, base32 (what the manual key shows). */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// address that the QR code carries. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totp(secretBase32, accountEmail).toString();
}

/** The code for `now` (tests and the e2e fixture compute codes the way a phone would). */
export function totpCode(secretBase32: string, now: Date = new Date()): string {
  return totp(secretBase32).generate({ timestamp: now.getTime() });
}

export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The 30-second step `code` belongs to (within the window around `now`), or null when it matches none. */
export function matchTotp(secretBase32: string, code: string, now: Date = new Date()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : timeStep(now) + delta;
}

/** Six digits (spaces allowed): a TOTP code; anything else is tried as a recovery code. */
export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ''));
}

/** Shows the manual key in groups of four, as authenticator apps print it. */
export function groupKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

// ------------------------------------------------------------------ the secret at rest

const KEY_INFO = 'kqnk/second-factor/totp-secret/v1';

/** The AES-256 key for TOTP secrets, derived (HKDF-SHA-256) from the session secret. */
export function deriveSecretKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, Buffer.alloc(0), KEY_INFO, 32));
}

/** "v1.<iv>.<ciphertext>.<tag>" (base64url): AES-256-GCM, bound to the account id so a secret cannot be moved to another row. */
export function encryptTotpSecret(secretBase32: string, key: Buffer, userId: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return ['v1', iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The base32 secret, or null when the value was not made with this key for this account (AUTH_SECRET changed, row tampered). */
export function decryptTotpSecret(stored: string, key: Buffer, userId: number): string | null {
  const [version, iv, body, tag] = stored.split('.');
  if (version !== 'v1' || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`user:${userId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ recovery codes

// Crockford-style alphabet without I, L, O, U: nothing to misread when copied from paper.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "ABCDE-FGHJK": 10 characters of 32 = 50 bits each. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Upper case, no spaces or dashes, and the letters people confuse with digits read as those digits. */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function hashRecoveryCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${normaliseRecoveryCode(code)}`).digest('base64url');
}

export function newRecoveryCodeHash(code: string): { salt: string; codeHash: string } {
  const salt = randomBytes(16).toString('base64url');
  return { salt, codeHash: hashRecoveryCode(code, salt) };
}

export function recoveryCodeMatches(code: string, { salt, codeHash }: { salt: string; codeHash: string }): boolean {
  const a = Buffer.from(hashRecoveryCode(code, salt));
  const b = Buffer.from(codeHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
