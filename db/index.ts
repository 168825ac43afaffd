/**
 * The one database client: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
 * It only connects; preparing the database (migrate + seed) is db/prepare.ts.
 */
import fs from 'node:fs';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env, pgliteDir } from '@/lib/env';
import { prepareDatabase } from './prepare';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
};

export type OpenOptions = { url?: string; dataDir?: string; max?: number };

/**
 * Open a connection. `url` → PostgreSQL; otherwise PGlite in `dataDir`
 * (or in memory when `dataDir` is 'memory://').
 */
export async function openDatabase({ url, dataDir, max = 10 }: OpenOptions): Promise<DatabaseHandle> {
  if (url) {
    const client = postgres(url, {
      max,
      onnotice: () => {},
      // When PostgreSQL is down, fail a request within seconds instead of the default 30 s:
      // cached public pages do not wait on it, staff saves say it is unavailable.
      connect_timeout: 5,
      // Idle connections are closed and reopened on demand, so none outlives an outage
      // unnoticed; a connection the server closed is dropped by the driver and the next
      // query opens a new one, so nothing here needs a restart when the database returns.
      idle_timeout: 20,
      // The wait before a new connection attempt after failed ones. The driver's default grows
      // to 10–20 s while the database is down; queries wait in its queue meanwhile, so a save
      // hung that long before saying "unavailable", and the first attempt after the database
      // returned could be that far away. Capped at 1 s: at most ~10 attempts a second (one per
      // pooled connection) against a database that is down.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    });
    const db = drizzlePostgres(client, { schema });
    return {
      db,
      kind: 'postgres',
      location: url.replace(/:[^:@/]*@/, ':***@'),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const dir = dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
  // Both drivers expose the same query builder; the cast lets the data layer take one type.
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: 'pglite', location: dir, close: () => client.close() };
}

const globalForDb = globalThis as unknown as { __kqnkDb?: Promise<DatabaseHandle> };

/**
 * The application's shared handle. Opened on first use (never at import, so
 * `next build` needs no database), then prepared (db/prepare.ts) once per process.
 */
export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.__kqnkDb ??= (async () => {
    const { DATABASE_URL } = env();
    const handle = await openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { dataDir: pgliteDir() });
    try {
      await prepareDatabase(handle);
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
    return handle;
  })().catch((error: unknown) => {
    globalForDb.__kqnkDb = undefined;
    throw error;
  });
  return globalForDb.__kqnkDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
