'use server';
import { CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { errorResult, invalidResult, type ActionResult } from '@/lib/actions';
import { SecondFactorRefused, SecondFactorRequired, signIn, signOut, ThrottledSignIn } from '@/lib/auth/config';
import { safeNextPath } from '@/lib/auth/next-path';
import {
  SECOND_FACTOR_ASKED_MESSAGE,
  SECOND_FACTOR_FAILED_MESSAGE,
  SIGN_IN_FAILED_MESSAGE,
  signInSchema,
  throttledMessage,
} from '@/lib/validations/auth';

const signInActionSchema = signInSchema.extend({ next: z.string().optional() });

/**
 * Check email + password, and the second factor's code when the account has one
 * (lib/auth/config.ts `authorize`: throttle, hash, code, session row) and, on success, go to `next` (same-site paths only) or the staff home. On failure the form gets
 * one generic message, or how long to wait when throttled.
 */
export async function signInAction(input: unknown): Promise<ActionResult<never>> {
  const parsed = signInActionSchema.safeParse(input);
  if (!parsed.success) return invalidResult(parsed.error);
  const { email, password, code, next } = parsed.data;
  try {
    await signIn('credentials', { email, password, ...(code ? { code } : {}), redirect: false });
  } catch (error) {
    if (error instanceof ThrottledSignIn) {
      return { ok: false, code: 'forbidden', message: throttledMessage(error.retryAfterSeconds) };
    }
    // A field error on `code` is what makes the form show its second step.
    if (error instanceof SecondFactorRequired) {
      return { ok: false, code: 'invalid', message: SECOND_FACTOR_ASKED_MESSAGE, fieldErrors: { code: [SECOND_FACTOR_ASKED_MESSAGE] } };
    }
    if (error instanceof SecondFactorRefused) {
      return { ok: false, code: 'invalid', message: SECOND_FACTOR_FAILED_MESSAGE, fieldErrors: { code: [SECOND_FACTOR_FAILED_MESSAGE] } };
    }
    if (error instanceof CredentialsSignin) return { ok: false, code: 'unauthenticated', message: SIGN_IN_FAILED_MESSAGE };
    return errorResult(error);
  }
  redirect(safeNextPath(next)); // outside try: redirect() works by throwing
}

/** End this session: Auth.js's sign-out event revokes its row (so a copied cookie dies too, lib/auth/config.ts) and the cookie is cleared; go home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect('/');
}
