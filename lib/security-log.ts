/**
 * The security log: one JSON line per event on stdout (pino), for whoever watches the server —
 * sign-ins, refusals, foreign origins, every staff write and account change, the health check's
 * failures. Each event has its own function, so a caller cannot forget a field or add one
 * that should never be written: no password, second-factor code, token, cookie or session id
 * is ever passed here, and `redact` blanks those keys anyway should one slip into an object.
 *
 *   {"level":30,"time":"2026-12-02T14:31:07.512Z","log":"security","event":"sign_in_succeeded","userId":3,"address":"10.0.0.7"}
 *
 * `SECURITY_LOG=off` (lib/env.ts) silences it; the tests set it and capture lines with
 * `captureSecurityLog`.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '@/lib/env';
import type { UserRole } from '@/lib/vocabulary';

/** Keys blanked wherever they appear (top level or one level down): a safety net, not the policy. */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'passwordHash',
  'code',
  'totp',
  'recoveryCode',
  'token',
  'csrfToken',
  'sessionId',
  'sid',
  'secret',
  'cookie',
  'authorization',
] as const;

function build(destination: DestinationStream | undefined, enabled: boolean): Logger {
  const options = {
    enabled,
    base: { log: 'security' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

let logger: Logger | undefined;
function log(): Logger {
  logger ??= build(undefined, env().SECURITY_LOG !== 'off');
  return logger;
}

/** Tests: send the events to `destination` until the returned function is called. */
export function captureSecurityLog(destination: DestinationStream): () => void {
  const previous = logger;
  logger = build(destination, true);
  return () => {
    logger = previous;
  };
}

/** Every event name, for whoever searches the log (and for the tests). */
export type SecurityEvent =
  | 'sign_in_succeeded'
  | 'sign_in_failed'
  | 'sign_in_throttled'
  | 'action_refused'
  | 'page_refused'
  | 'bad_origin'
  | 'staff_write'
  | 'account_write'
  | 'second_factor'
  | 'health_unavailable';

function info(event: SecurityEvent, fields: object): void {
  log().info({ event, ...fields });
}
function warn(event: SecurityEvent, fields: object): void {
  log().warn({ event, ...fields });
}

/** Why a sign-in was refused. The form says the same thing for all of them; only the log tells them apart. */
export type SignInFailure = 'invalid_input' | 'unknown_account' | 'wrong_password' | 'inactive_account' | 'wrong_second_factor';

export const securityLog = {
  signInSucceeded(e: { userId: number; address: string }): void {
    info('sign_in_succeeded', e);
  },
  /** `email` only once it parsed as an address (so a password typed into the email box is never written). */
  signInFailed(e: { reason: SignInFailure; email?: string; userId?: number; address?: string }): void {
    warn('sign_in_failed', e);
  },
  signInThrottled(e: { email: string; address: string; retryAfterSeconds: number }): void {
    warn('sign_in_throttled', e);
  },
  /** A server action refused before its handler ran. `path`: the page it was posted to, when known. */
  actionRefused(e: { reason: 'unauthenticated' | 'forbidden' | 'second_factor_required'; requiredRole: UserRole; userId?: number; path?: string }): void {
    warn('action_refused', e);
  },
  /** A staff page refused: sent to sign-in, or to "not allowed". */
  pageRefused(e: { reason: 'unauthenticated' | 'forbidden'; requiredRole: UserRole; userId?: number; path: string }): void {
    warn('page_refused', e);
  },
  /** A server action posted from another site (proxy.ts), answered 403 before Next saw it. */
  badOrigin(e: { path: string; origin: string | null; referer: string | null; host: string | null }): void {
    warn('bad_origin', e);
  },
  /** One committed save, creation, deletion or restore (db/versioned-write.ts). */
  staffWrite(e: { actorId: number; action: string; itemType: string; itemId: number; itemKey: string; revisionId: number }): void {
    info('staff_write', e);
  },
  /** One committed account change (db/queries/accounts.ts); `actorId` 'console' is the operator at the server. */
  accountWrite(e: {
    actorId: number | 'console';
    action: 'create' | 'update' | 'reset_password';
    targetUserId: number;
    /** With 'update': what changed. */
    changed?: ('displayName' | 'role' | 'active')[];
    role?: UserRole;
    active?: boolean;
  }): void {
    info('account_write', e);
  },
  /** A second-factor change, once committed: enrolled, reset by an administrator or the operator, required or not; a recovery code spent at sign-in. */
  secondFactor(e: { actorId: number | 'console'; action: 'enrolled' | 'reset' | 'required' | 'not_required' | 'recovery_code_used'; targetUserId: number }): void {
    info('second_factor', e);
  },
  /** /api/health could not reach the database: the detail stays here, the answer says only "unavailable". */
  healthUnavailable(e: { detail: string }): void {
    warn('health_unavailable', e);
  },
};
