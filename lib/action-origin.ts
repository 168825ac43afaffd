/**
 * Whether a server action POST comes from another site. Next refuses one itself, but with a
 * 500 and after routing; proxy.ts asks here first and answers 403 (and logs it).
 *
 * The site is the request's own Host; X-Forwarded-Host counts too only when TRUSTED_PROXY_HOPS
 * says a proxy in front sets it (otherwise a client could send one matching its own Origin).
 * The sender is the Origin header, or the Referer's origin when a browser sent no Origin. With
 * neither, the request did not come from a browser page, so it is not a cross-site forgery:
 * it is let through to the action's own checks.
 */
import { NEXT_ACTION_HEADER } from './headers';

export type ForeignOrigin = { origin: string | null; referer: string | null; host: string | null };

/** "Example.VN:443" and "example.vn" are the same site; ports other than 80/443 are kept. */
function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/:(80|443)$/, '');
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? normaliseHost(parsed.host) : null;
  } catch {
    return null; // "null" (sandboxed frames, some redirects) or garbage: not this site
  }
}

/** The origin part of a Referer (never its path or query, which may carry anything). */
function refererOrigin(referer: string | null): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * Null when `method`/`headers` are not a server action posted from elsewhere; otherwise what
 * the log should say about it.
 */
export function foreignActionOrigin(method: string, headers: Headers, trustedProxyHops: number): ForeignOrigin | null {
  if (method !== 'POST' || !headers.has(NEXT_ACTION_HEADER)) return null;
  const origin = headers.get('origin');
  const referer = refererOrigin(headers.get('referer'));
  const sender = origin ?? referer;
  if (sender === null) return null;

  const host = headers.get('host');
  const allowed = new Set<string>();
  if (host) allowed.add(normaliseHost(host));
  if (trustedProxyHops > 0) {
    // Each trusted proxy may append its own; the one the client reached is the n-th from the end.
    const forwarded = (headers.get('x-forwarded-host') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    const client = forwarded.length >= trustedProxyHops ? forwarded[forwarded.length - trustedProxyHops] : forwarded[0];
    if (client) allowed.add(normaliseHost(client));
  }
  const senderHost = hostOf(sender);
  if (senderHost !== null && allowed.has(senderHost)) return null;
  return { origin, referer, host };
}
