import 'server-only';
/**
 * The one wrapper for staff server actions: session → role → parse → handler → cache
 * invalidation → one result shape.
 *
 *   export async function saveSectionAction(slug: string, input: unknown) {
 *     return staffAction('editor', sectionEditSchema, (edit, actor) =>
 *       saveSection({ reportSlug, slug, edit }, actor), // re-checks `actor` in its transaction
 *     )(input);
 *   }
 *
 * A handler that returns a write's result (`{ …, invalidate: [tags] }`) has those tags cleared
 * here (`updateTag`: the editor reads their own write), and the list is not sent to the browser.
 *
 * Server actions are public POST endpoints: the wrapper checks the session itself and never
 * trusts the proxy or the page that rendered the form. Schemas are zod objects, which drop
 * keys they do not declare, so a field the user may not set (role, author, timestamps, the
 * version of another item) cannot arrive by being added to the request: leave it out of the
 * schema (and never use `.passthrough()` / `.loose()`).
 */
import { updateTag } from 'next/cache';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { requireRole, type Actor, type Role } from '@/lib/auth';
import type { Invalidation } from '@/db/cache-tags';
import { AuthError, ConflictError, InvalidError, NotFoundError, OutcomeUnknownError, isDatabaseUnavailable } from '@/lib/errors';
import { PATHNAME_HEADER } from '@/lib/headers';
import { refreshProxy, refreshTarget } from '@/lib/proxy-refresh';
import { securityLog } from '@/lib/security-log';
import { siteUrl } from '@/lib/env';

export { ConflictError, InvalidError, NotFoundError };

export type ActionErrorCode = 'unauthenticated' | 'forbidden' | 'second_factor_required' | 'invalid' | 'conflict' | 'not_found' | 'unavailable' | 'outcome_unknown' | 'error';

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
  second_factor_required:
    'Tài khoản của bạn phải bật xác thực hai bước trước khi làm việc khác. Hãy mở trang Bảo mật tài khoản (/quan-tri/bao-mat) để bật.',
  invalid: 'Vui lòng kiểm tra lại các ô được đánh dấu.',
  unavailable:
    'Cơ sở dữ liệu tạm thời không truy cập được, chưa có gì được lưu. Nội dung bạn nhập vẫn được giữ trên trang này; hãy thử lưu lại sau ít phút.',
  outcome_unknown:
    'Mất kết nối với cơ sở dữ liệu đúng lúc đang lưu, nên chưa biết thay đổi đã được lưu hay chưa. Nội dung bạn nhập vẫn được giữ trên trang này. Khi cơ sở dữ liệu trở lại, hãy bấm lưu lại: nếu lần trước đã lưu được, trang sẽ báo có phiên bản mới hơn và cho bạn so sánh.',
  error: 'Đã có lỗi ở máy chủ nên chưa lưu được. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên.',
} as const;

/** Map any error thrown by a handler (or by the checks before it) to a result the form can show. */
export function errorResult(error: unknown): ActionResult<never> {
  if (error instanceof AuthError) return { ok: false, code: error.code, message: actionMessages[error.code] };
  if (error instanceof ConflictError) return { ok: false, code: 'conflict', message: error.message, conflict: error.current };
  if (error instanceof NotFoundError) return { ok: false, code: 'not_found', message: error.message };
  if (error instanceof InvalidError) return { ok: false, code: 'invalid', message: error.message, fieldErrors: error.fieldErrors };
  // The connection went while the COMMIT was on its way: saying "nothing was saved" could be false.
  if (error instanceof OutcomeUnknownError) {
    console.error('[action] connection lost while committing:', error.cause instanceof Error ? error.cause.message : error.cause);
    return { ok: false, code: 'outcome_unknown', message: actionMessages.outcome_unknown };
  }
  // The transaction never committed (or never began): say so, and that the form still holds the input.
  if (isDatabaseUnavailable(error)) {
    console.error('[action] database unavailable:', error instanceof Error ? error.message : error);
    return { ok: false, code: 'unavailable', message: actionMessages.unavailable };
  }
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

/** What the browser receives of a handler's result: a write's tag list stays on the server. */
export type Published<T> = T extends { invalidate: Invalidation } ? Omit<T, 'invalidate'> : T;

/** Clear the cache tags a write returned, and drop the list from what is sent back. */
function applyInvalidation<T>(result: T): Published<T> {
  if (result && typeof result === 'object' && 'invalidate' in result && Array.isArray(result.invalidate)) {
    const { invalidate, ...data } = result as T & { invalidate: Invalidation };
    for (const tag of invalidate) updateTag(tag);
    refreshProxyAfterResponse(invalidate);
    return data as Published<T>;
  }
  return result as Published<T>;
}

/**
 * Behind `npm run serve`: once the response is sent (the tags are cleared by then), have nginx
 * store fresh copies of the public pages the write changed (lib/proxy-refresh.ts), for the Host
 * the editor used and SITE_URL's.
 */
function refreshProxyAfterResponse(invalidate: Invalidation): void {
  if (!refreshTarget() || invalidate.length === 0) return;
  after(async () => {
    const requestHeaders = await headers();
    const hosts = [requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? '', new URL(siteUrl()).host];
    await refreshProxy(invalidate, hosts);
  });
}

/** The staff page an action was posted to (proxy.ts sets the header on every staff request); undefined outside a request. */
async function postedTo(): Promise<string | undefined> {
  try {
    return (await headers()).get(PATHNAME_HEADER) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Build a server action for signed-in staff with at least `role` (admin ⊇ editor) and no second
 * factor due (`allowSecondFactorDue`: the enrolment page's own actions).
 * `handler` receives the parsed input and the actor read from the database just now; it may
 * throw ConflictError / NotFoundError / InvalidError, or call redirect() / notFound().
 */
export function staffAction<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  handler: (data: z.output<S>, actor: Actor) => Promise<T>,
  options: { allowSecondFactorDue?: boolean } = {},
): (input: unknown) => Promise<ActionResult<Published<T>>> {
  return async (input: unknown) => {
    try {
      const actor = await requireRole(role, options);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return invalidResult(parsed.error);
      return { ok: true, data: applyInvalidation(await handler(parsed.data, actor)) };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and friends are not failures
      // Refused before the handler, or by the write's own re-check inside its transaction.
      if (error instanceof AuthError) {
        securityLog.actionRefused({ reason: error.code, requiredRole: role, userId: error.userId, path: await postedTo() });
      }
      return errorResult(error);
    }
  };
}
