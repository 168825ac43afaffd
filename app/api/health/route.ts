import { sql } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/index';
import { securityLog } from '@/lib/security-log';

export const dynamic = 'force-dynamic';

// Opening an embedded database for the first time takes seconds; a query should not.
const OPEN_TIMEOUT_MS = 15000;
const QUERY_TIMEOUT_MS = 3000;

/**
 * 200 when the database answers; 503 when it does not. The answer is public, so it says only
 * that the database is unavailable: the driver's message (host, port, role, …) goes to the log.
 */
export async function GET() {
  try {
    const handle = await withTimeout(getDatabaseHandle(), OPEN_TIMEOUT_MS);
    await withTimeout(handle.db.execute(sql`select 1`), QUERY_TIMEOUT_MS);
    return Response.json({ status: 'ok', database: handle.kind }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    securityLog.healthUnavailable({ detail: describe(error) });
    return Response.json({ status: 'unavailable', reason: 'database unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

/** The error's message and its causes' ("Failed query: …" ← "connect ECONNREFUSED 127.0.0.1:5432"). */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && parts.length < 4; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error');
  }
  return parts.join(' ← ');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
