import 'server-only';
/**
 * Auth.js (next-auth v5): email + password through the Credentials provider, JWT cookie.
 *
 * The cookie carries only the id of a `user_sessions` row (and the user id). Who the user is,
 * their role, and whether the session still counts are read from the database on every
 * request by lib/auth.ts, so sign-out, time-outs and deactivation take effect at once.
 */
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { findUserByEmail, rehashPassword } from '@/db/queries/accounts';
import { verifySecondFactor } from '@/db/queries/second-factor';
import { createSession, revokeSession, SESSION_ABSOLUTE_TIMEOUT_MS } from '@/db/queries/sessions';
import { releaseAttempt, reserveAttempt, settleSuccess } from '@/db/queries/sign-in-throttle';
import { env } from '@/lib/env';
import { DUMMY_PASSWORD_HASH, passwordNeedsRehash, verifyPassword } from '@/lib/password';
import { securityLog } from '@/lib/security-log';
import { signInSchema } from '@/lib/validations/auth';
import { clientAddress } from './client-address';
import { SIGN_IN_PATH } from './next-path';
import { authSecret, secondFactorKey } from './secret';

declare module 'next-auth' {
  interface User {
    /** Set by `authorize`: the `user_sessions` row this sign-in created. */
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
    userId?: number;
  }
}

/** Too many failures for this email or this address: `retryAfterSeconds` tells the form how long to wait. */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super();
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The password was right and the account has a second factor: the form asks for the code (the password stays typed). */
export class SecondFactorRequired extends CredentialsSignin {
  code = 'second-factor-required';
}

/** The password was right but the code was wrong, already used (replay) or a spent recovery code. Counted as a failure. */
export class SecondFactorRefused extends CredentialsSignin {
  code = 'second-factor-invalid';
}

/**
 * Check one sign-in: email + password, then (for an account with a second factor) a TOTP code or
 * a recovery code sent with them. Every refusal but the throttle and the code is the same `null` (one generic message),
 * and an unknown email still costs one argon2 verification, so neither the answer nor its
 * timing tells whether an account exists or is deactivated; only the security log tells them
 * apart. Both ways in (the sign-in form's action and Auth.js's own POST
 * /api/auth/callback/credentials) come through here, so this is where sign-ins are logged.
 */
export async function authorize(credentials: Partial<Record<string, unknown>>, request: Request) {
  const address = clientAddress(request.headers, env().TRUSTED_PROXY_HOPS);
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) {
    securityLog.signInFailed({ reason: 'invalid_input', address });
    return null;
  }
  const { email, password, code } = parsed.data;
  const attempt = { email, address };
  const db = await getDb();

  // Counted before the password is checked, so parallel guesses cannot all slip through.
  const throttle = await reserveAttempt(attempt, {}, db);
  if (throttle.blocked) {
    securityLog.signInThrottled({ email, address, retryAfterSeconds: throttle.retryAfterSeconds });
    throw new ThrottledSignIn(throttle.retryAfterSeconds);
  }

  const user = await findUserByEmail({ email }, db);
  const matches = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !matches || !user.active) {
    const reason = !user ? 'unknown_account' : !matches ? 'wrong_password' : 'inactive_account';
    securityLog.signInFailed({ reason, email, userId: user?.id, address });
    return null; // the reservation stands as the failure
  }

  if (user.totpConfirmedAt) {
    if (!code) {
      // Not a guess of anything: the reservation is released (not forgotten) and the form asks for the code.
      await releaseAttempt(attempt, db);
      throw new SecondFactorRequired();
    }
    const check = await verifySecondFactor({ userId: user.id, code, key: secondFactorKey() }, db);
    if (check === 'invalid') {
      securityLog.signInFailed({ reason: 'wrong_second_factor', email, userId: user.id, address });
      throw new SecondFactorRefused(); // the reservation stands: a wrong code is a failure
    }
    if (check === 'recovery-code-used') securityLog.secondFactor({ actorId: user.id, action: 'recovery_code_used', targetUserId: user.id });
  }

  await settleSuccess(attempt, db);
  if (passwordNeedsRehash(user.passwordHash)) await rehashPassword({ userId: user.id, password }, db);
  const session = await createSession({ userId: user.id }, db);
  securityLog.signInSucceeded({ userId: user.id, address });
  return { id: String(user.id), sessionId: session.id };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // Read lazily (per request, cached), so `next build` neither needs a secret nor writes one.
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: Math.floor(SESSION_ABSOLUTE_TIMEOUT_MS / 1000) },
  // `Secure` cookies whenever the portal is reached over https (lib/env.ts refuses a non-local http AUTH_URL).
  useSecureCookies: env().AUTH_URL?.startsWith('https://') ?? false,
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
  providers: [
    Credentials({
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Mật khẩu', type: 'password' },
        code: { label: 'Mã xác thực', type: 'text' },
      },
      authorize,
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger }) {
      // At sign-in, replace the default token (name, email, picture) with the two ids we need.
      if (trigger === 'signIn' && user?.sessionId) return { sid: user.sessionId, uid: Number(user.id) };
      return token;
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        sessionId: typeof token.sid === 'string' ? token.sid : undefined,
        userId: typeof token.uid === 'number' ? token.uid : undefined,
      };
    },
  },
  events: {
    // Every way out ends the session row, Auth.js's own POST /api/auth/signout included.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession({ sessionId: sid });
    },
  },
  logger: {
    // A wrong password is not a server error; keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error('[auth]', error);
    },
  },
}));
