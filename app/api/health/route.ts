import { sql } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/index';

export const dynamic = 'force-dynamic';

// Opening an embedded database for the first time takes seconds; a query should not.
const OPEN_TIMEOUT_MS = 15000;
const QUERY_TIMEOUT_MS = 3000;

/** 200 when the database answers; 503 with a short reason when it does not. */
export async function GET() {
  try {
    const handle = await withTimeout(getDatabaseHandle(), OPEN_TIMEOUT_MS);
    await withTimeout(handle.db.execute(sql`select 1`), QUERY_TIMEOUT_MS);
    return Response.json({ status: 'ok', database: handle.kind }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    return Response.json(
      { status: 'unavailable', reason: `database unreachable: ${reason}` },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
