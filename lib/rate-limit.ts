/**
 * Per-address rate limits for the work an anonymous reader can ask for: a PDF (Chromium), a
 * search (a trigram query), the first render of a past view. A token bucket per client address
 * (lib/auth/client-address.ts): `perMinute` tokens, refilled evenly over the minute, so a reader
 * may burst up to the whole minute's allowance and then goes at the refill rate.
 *
 * Bounded: each limit remembers at most `maxAddresses` addresses in an LRU map (a Map kept in
 * use order; the least recently seen address is forgotten first). 10 000 junk addresses cost
 * at most `maxAddresses` small entries (tests/bounds.test.ts measures it); an address forgotten
 * comes back with a full bucket, which is no more than an attacker with that many addresses
 * already has.
 *
 * Process-local: under `npm run serve` each instance counts on its own, so a client spread over
 * N instances gets up to N times the limit (nginx's least_conn sends a client to several).
 * The state lives on `globalThis`, so proxy.ts and the route handlers and pages of one server
 * process count in the same buckets.
 */
import { UNKNOWN_ADDRESS } from '@/lib/auth/client-address';
import { env } from '@/lib/env';
import { RATE_COUNTED_HEADER } from '@/lib/headers';

export type RateLimitName = 'pdf' | 'search' | 'pastViews';

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; updatedMs: number };

let warnedUnknown = false;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly perMinute: number,
    readonly maxAddresses: number,
  ) {}

  /** How many addresses are remembered now (never more than `maxAddresses`). */
  get size(): number {
    return this.buckets.size;
  }

  /** Take one token for `address`; refused when its bucket is empty, with when the next one comes. */
  take(address: string, nowMs = Date.now()): RateLimitVerdict {
    if (this.perMinute <= 0) return { ok: true };
    // No address known (a server started without scripts/client-address-preload.cjs): one bucket
    // for every reader would refuse everyone at once, so nobody is limited, and that is said once.
    if (address === UNKNOWN_ADDRESS) {
      if (!warnedUnknown) {
        warnedUnknown = true;
        console.warn('[rate-limit] địa chỉ máy khách không rõ: không giới hạn theo địa chỉ (client address unknown, server started without the address preload: no per-address limits)');
      }
      return { ok: true };
    }
    const refillPerMs = this.perMinute / 60_000;
    const key = address.slice(0, 100);
    const found = this.buckets.get(key);
    const tokens = found ? Math.min(this.perMinute, found.tokens + Math.max(0, nowMs - found.updatedMs) * refillPerMs) : this.perMinute;
    // Re-inserted on every use: the Map's first key is the least recently seen address.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, updatedMs: nowMs });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, updatedMs: nowMs });
    while (this.buckets.size > this.maxAddresses) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok: true };
  }
}

const SHARED = Symbol.for('kqnk.rate-limits');
type Shared = { limiters: Map<RateLimitName, RateLimiter>; stamp: string };

function shared(): Shared {
  const g = globalThis as unknown as Record<symbol, Shared | undefined>;
  return (g[SHARED] ??= { limiters: new Map(), stamp: crypto.randomUUID() });
}

/** What proxy.ts sets in RATE_COUNTED_HEADER on a request it has counted (random, per process). */
export function countedStamp(): string {
  return shared().stamp;
}

/**
 * Take a token unless proxy.ts already took one for this request. Where the work happens (the
 * search page) calls this, so a request that reached it by another way than the proxy is counted
 * too; one that came through the proxy is not counted twice.
 */
export function takeTokenOnce(name: RateLimitName, headers: Headers, address: string): RateLimitVerdict {
  if (headers.get(RATE_COUNTED_HEADER) === countedStamp()) return { ok: true };
  return takeToken(name, address);
}

function configured(name: RateLimitName): number {
  const e = env();
  return { pdf: e.RATE_LIMIT_PDF, search: e.RATE_LIMIT_SEARCH, pastViews: e.RATE_LIMIT_PAST_VIEWS }[name];
}

/** This process's limiter for `name`, configured from the environment (RATE_LIMIT_*). */
export function rateLimiter(name: RateLimitName): RateLimiter {
  const { limiters } = shared();
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = new RateLimiter(configured(name), env().RATE_LIMIT_ADDRESSES);
    limiters.set(name, limiter);
  }
  return limiter;
}

/** Take one token of `name` for `address`. */
export function takeToken(name: RateLimitName, address: string): RateLimitVerdict {
  return rateLimiter(name).take(address);
}

const WHAT: Record<RateLimitName, { vi: string; en: string }> = {
  pdf: { vi: 'tải bản PDF', en: 'PDF downloads' },
  search: { vi: 'tìm kiếm', en: 'searches' },
  pastViews: { vi: 'mở các phiên bản cũ của báo cáo', en: 'opening past versions of the report' },
};

const escape = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The 429 answer: `Retry-After`, never cached, a short readable page in Vietnamese and English
 * (plain text when the client did not ask for HTML).
 */
export function tooManyRequests(name: RateLimitName, retryAfterSeconds: number, { html = true, home = '/' } = {}): Response {
  const what = WHAT[name];
  const vi = `Bạn đã ${what.vi} quá nhiều lần trong một phút. Xin thử lại sau ${retryAfterSeconds} giây.`;
  const en = `Too many ${what.en} from your address in a minute. Please try again in ${retryAfterSeconds} s.`;
  const headers = {
    'Retry-After': String(retryAfterSeconds),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
  };
  if (!html) return new Response(`${vi}\n${en}\n`, { status: 429, headers });
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Quá nhiều yêu cầu · Too many requests</title></head><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6"><h1 style="font-size:1.4rem">Quá nhiều yêu cầu</h1><p>${escape(vi)}</p><p lang="en">${escape(en)}</p><p><a href="${escape(home)}">Trang chủ</a></p></body></html>`;
  return new Response(page, { status: 429, headers });
}

/** Whether the client asked for a web page (a browser) rather than data. */
export function wantsHtml(headers: Headers): boolean {
  return (headers.get('accept') ?? '').includes('text/html');
}
