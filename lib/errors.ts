/**
 * Typed errors that cross layers: data functions and permission checks throw them,
 * the action wrapper (lib/actions.ts) turns each into one result code.
 * No imports here, so every layer (db/queries, lib/auth, the CLI) can use them without cycles.
 */

/** `second_factor_required`: signed in, but the account must enrol a second factor before anything else. */
export type AuthErrorCode = 'unauthenticated' | 'forbidden' | 'second_factor_required';

/** The caller is not signed in (or the session ended), or is signed in without the needed role. */
export class AuthError extends Error {
  readonly code: AuthErrorCode;
  /** The account refused, when one was signed in (for the security log). */
  readonly userId?: number;
  constructor(code: AuthErrorCode, { message, userId }: { message?: string; userId?: number } = {}) {
    super(message ?? (code === 'unauthenticated' ? 'Not signed in or session ended' : code === 'forbidden' ? 'Not allowed' : 'Second factor required'));
    this.name = 'AuthError';
    this.code = code;
    this.userId = userId;
  }
}

/**
 * Someone else changed the item first (e.g. its version moved on). `current` is what the
 * form needs to show the newer state; it must be plain, serialisable data.
 */
export class ConflictError<T = unknown> extends Error {
  readonly current: T;
  constructor(current: T, message = 'Nội dung này vừa được người khác thay đổi. Hãy xem bản mới nhất rồi lưu lại.') {
    super(message);
    this.name = 'ConflictError';
    this.current = current;
  }
}

/** The item the action is about does not exist (any more). */
export class NotFoundError extends Error {
  constructor(message = 'Không tìm thấy mục này; có thể nó đã bị xoá.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/**
 * The input is well-formed but breaks a rule only the data can tell (an email already
 * in use, removing the last active administrator). `message` is shown to the user.
 */
export class InvalidError extends Error {
  readonly fieldErrors?: Record<string, string[]>;
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = 'InvalidError';
    this.fieldErrors = fieldErrors;
  }
}

/**
 * The connection to the database was lost after the transaction's last statement, while its
 * COMMIT was on the way: it may have committed or not, and only reading the item again tells.
 * (Lost any earlier, the transaction cannot have committed: that is "unavailable".)
 */
export class OutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('The connection was lost while committing: the write may or may not have been saved', { cause });
    this.name = 'OutcomeUnknownError';
  }
}

/** PostgreSQL's unique_violation (23505), however deep the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Error codes that mean "the database could not be reached", not "the query was wrong":
 * the socket's (refused, reset, timed out, name not found), postgres.js's own (connection
 * closed, ended, destroyed, connect timeout), SQLSTATE class 08 (connection exception) and
 * 57P01–57P03 (the server is shutting down, crashed, or is still starting).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  '57P01', '57P02', '57P03',
]);

/** The database is down or unreachable, however deep the driver (or Auth.js: `cause.err`) wrapped it. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 10) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    queue.push((e as { cause?: unknown }).cause, (e as { err?: unknown }).err);
  }
  return false;
}
