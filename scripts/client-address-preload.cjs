/**
 * Preloaded into every Next.js server the portal starts (`node --require`, scripts/start.ts and
 * scripts/serve.ts; `npm run dev` through NODE_OPTIONS): each request gets the address of the
 * socket it arrived on, in a header a client cannot choose (whatever it sent is overwritten).
 * Next.js itself passes on an X-Forwarded-For the client wrote, so without this the sign-in
 * throttle could not tell a client's real address from the one it claims (lib/auth/client-address.ts).
 */
'use strict';
const http = require('node:http');

const HEADER = 'x-kqnk-socket-address';
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
  if (event === 'request' && request && request.headers) request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || '';
  return emit.call(this, event, request, ...rest);
};
// Tells lib/auth/client-address.ts that the header above is the server's own, not a client's.
process.env.KQNK_SOCKET_ADDRESS = '1';
