/**
 * The client's address, for the per-address sign-in throttle.
 *
 * The last entry of X-Forwarded-For is the one the nearest proxy appended, the only one a
 * client cannot choose when the site sits behind a reverse proxy (nginx
 * `proxy_add_x_forwarded_for`); earlier entries are whatever the client sent. Without a proxy,
 * Next.js fills the header from the socket when the request has none, but keeps one the
 * client sent: a client talking to Next directly can then pick its address. The per-account
 * limit does not depend on this, which is why both exist.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const last = forwarded
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return normalise(last);
  }
  const real = headers.get('x-real-ip')?.trim();
  if (real) return normalise(real);
  return 'unknown';
}

function normalise(address: string): string {
  // "::ffff:127.0.0.1" and "127.0.0.1" are the same client.
  const a = address.toLowerCase().slice(0, 100);
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice('::ffff:'.length) : a;
}
