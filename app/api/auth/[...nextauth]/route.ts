// Auth.js endpoints (session, CSRF token, sign-in callback, sign-out). The site's own forms use server actions.
import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';

export const { POST } = handlers;

/**
 * As Auth.js answers, except that /api/auth/session tells the browser only whether it is signed
 * in and until when: the session row's id and the user id stay on the server (lib/auth.ts reads them).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  if (!request.nextUrl.pathname.endsWith('/session') || !response.ok) return response;
  const session = (await response.json()) as { expires?: string } | null;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return Response.json(session ? { expires: session.expires } : null, { status: response.status, headers });
}
