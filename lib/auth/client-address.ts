/**
 * The client's address, for the sign-in throttle and the security log.
 *
 * By default (`TRUSTED_PROXY_HOPS=0`) it is the address of the socket the request arrived on,
 * which scripts/client-address-preload.cjs writes into SOCKET_ADDRESS_HEADER; X-Forwarded-For
 * is ignored, since with no proxy in front a client writes it. With `TRUSTED_PROXY_HOPS=n`
 * (`npm run serve` sets 1 for its nginx), the n proxies in front each appended the address they
 * saw, so the client is the n-th entry from the end of X-Forwarded-For; entries before it are
 * whatever the client sent.
 */
export const SOCKET_ADDRESS_HEADER = 'x-kqnk-socket-address';

/** The answer when no address is known (a server started without the preload, and no trusted proxy). */
export const UNKNOWN_ADDRESS = 'unknown';

export function clientAddress(headers: Headers, trustedHops: number, preloaded = process.env.KQNK_SOCKET_ADDRESS === '1'): string {
  const socket = preloaded ? headers.get(SOCKET_ADDRESS_HEADER)?.trim() : undefined;
  if (trustedHops > 0) {
    const entries = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const client = entries.length >= trustedHops ? entries[entries.length - trustedHops] : entries[0];
    if (client) return normalise(client);
  }
  return socket ? normalise(socket) : UNKNOWN_ADDRESS;
}

function normalise(address: string): string {
  // "::ffff:127.0.0.1" and "127.0.0.1" are the same client.
  const a = address.toLowerCase().slice(0, 100);
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice('::ffff:'.length) : a;
}
