import 'server-only';
/**
 * Password hashing: argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane) over the
 * NFC-normalised password, so the same passphrase typed on a Mac (decomposed accents)
 * and on Windows (composed) verifies. Never bcrypt: it silently ignores everything
 * after 72 bytes, which is ~25 Vietnamese letters.
 */
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';
import { normalisePassword } from './password-policy';

export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  isWeakPassword,
  passwordStrength,
  PASSWORD_MIN_SCORE,
  passwordLength,
  passwordProblem,
  passwordSchema,
} from './password-policy';

export const ARGON2_OPTIONS = {
  // `Algorithm.Argon2id` is a const enum, which isolatedModules cannot read: 2 is its value.
  algorithm: 2,
  memoryCost: 19_456, // KiB = 19 MiB
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

/**
 * A hash of a random value nobody knows, made with ARGON2_OPTIONS. Signing in with an email
 * that has no account verifies against it, so the answer takes as long as a wrong password.
 */
export const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$CpjqBqFh+9NBf5NQ3VOV1w$zUUlLJCBbD0HfQKLDc7jiWfqbCUNEJ2sYFkq0utCqbs';

export async function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2_OPTIONS);
}

/** True when `password` matches `passwordHash`. A malformed hash is a mismatch, not an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalisePassword(password));
  } catch {
    return false;
  }
}

/** True when the hash was made with other parameters than today's: rehash it after the next successful sign-in. */
export function passwordNeedsRehash(passwordHash: string): boolean {
  try {
    const o = parseOptions(passwordHash);
    return (
      o.algorithm !== ARGON2_OPTIONS.algorithm ||
      o.memoryCost !== ARGON2_OPTIONS.memoryCost ||
      o.timeCost !== ARGON2_OPTIONS.timeCost ||
      o.parallelism !== ARGON2_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
