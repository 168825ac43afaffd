import 'server-only';
/**
 * The one wrapper for staff server actions: session → role → parse → handler → one result shape.
 *
 *   export const saveIndicatorAction = staffAction('editor', indicatorEditSchema, async (data, actor) => {
 *     return saveIndicator({ ...data, actor });   // the data function re-checks `actor` in its transaction
 *   });
 *
 * Server actions are public POST endpoints: the wrapper checks the session itself and never
 * trusts the proxy or the page that rendered the form. Schemas are zod objects, which drop
 * keys they do not declare, so a field the user may not set (role, author, timestamps, the
 * version of another item) cannot arrive by being added to the request: leave it out of the
 * schema (and never use `.passthrough()` / `.loose()`).
 */
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { requireRole, type Actor, type Role } from '@/lib/auth';
import { AuthError, ConflictError, InvalidError, NotFoundError } from '@/lib/errors';

export { ConflictError, InvalidError, NotFoundError };

export type ActionErrorCode = 'unauthenticated' | 'forbidden' | 'invalid' | 'conflict' | 'not_found' | 'error';

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ActionErrorCode;
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** With code 'conflict': what is stored now, for the form to show beside the user's text. */
      conflict?: unknown;
    };

export const actionMessages = {
  unauthenticated:
    'Phiên đăng nhập đã hết hạn hoặc bạn chưa đăng nhập. Nội dung bạn nhập vẫn được giữ; hãy đăng nhập lại ở thẻ khác rồi lưu lại.',
  forbidden: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  invalid: 'Vui lòng kiểm tra lại các ô được đánh dấu.',
  error: 'Đã có lỗi ở máy chủ nên chưa lưu được. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên.',
} as const;

/** Map any error thrown by a handler (or by the checks before it) to a result the form can show. */
export function errorResult(error: unknown): ActionResult<never> {
  if (error instanceof AuthError) return { ok: false, code: error.code, message: actionMessages[error.code] };
  if (error instanceof ConflictError) return { ok: false, code: 'conflict', message: error.message, conflict: error.current };
  if (error instanceof NotFoundError) return { ok: false, code: 'not_found', message: error.message };
  if (error instanceof InvalidError) return { ok: false, code: 'invalid', message: error.message, fieldErrors: error.fieldErrors };
  // Unknown: log it here, show nothing of it there.
  console.error('[action] unexpected error:', error);
  return { ok: false, code: 'error', message: actionMessages.error };
}

/** A zod failure as a result: one message for the form, the rest beside each field. */
export function invalidResult(error: z.ZodError): ActionResult<never> {
  const { fieldErrors, formErrors } = z.flattenError(error);
  return {
    ok: false,
    code: 'invalid',
    message: formErrors[0] ?? actionMessages.invalid,
    fieldErrors: fieldErrors as Record<string, string[]>,
  };
}

/**
 * Build a server action for signed-in staff with at least `role` (admin ⊇ editor).
 * `handler` receives the parsed input and the actor read from the database just now; it may
 * throw ConflictError / NotFoundError / InvalidError, or call redirect() / notFound().
 */
export function staffAction<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  handler: (data: z.output<S>, actor: Actor) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    try {
      const actor = await requireRole(role);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return invalidResult(parsed.error);
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and friends are not failures
      return errorResult(error);
    }
  };
}
