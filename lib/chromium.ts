/** Debian's Chromium, headless, as both the PDF export and the browser tests launch it on these machines. */
import { env } from './env';

/** `CHROMIUM_PATH`, default Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return env().CHROMIUM_PATH;
}

// Without the background-networking flags Chromium keeps dialling out, and this network refuses it.
// `--no-sandbox` only as root, where Chromium refuses to start sandboxed; any other user keeps the sandbox.
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
export const CHROMIUM_ARGS = [
  '--headless',
  ...(asRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

