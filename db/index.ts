/**
 * The one database client: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
 * It only connects; preparing the database (migrate + seed) is db/prepare.ts. With
 * MIGRATION_DATABASE_URL, the owner prepares and DATABASE_URL (the application role) serves.
 */
import fs from 'node:fs';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { databaseSetup, env, hidePassword, pgliteDir } from '@/lib/env';
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

export type OpenOptions = {
  url?: string;
  dataDir?: string;
  max?: number;
  /** PGlite only: fill the new `dataDir` from a data-directory dump first (restore, db/backup.ts). */
  loadDataDir?: Blob;
};

/**
 * Open a connection. `url` → PostgreSQL; otherwise PGlite in `dataDir`
 * (or in memory when `dataDir` is 'memory://').
 */
export async function openDatabase({ url, dataDir, max = 10, loadDataDir }: OpenOptions): Promise<DatabaseHandle> {
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
      location: hidePassword(url),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const dir = dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, { extensions: { unaccent, pg_trgm }, loadDataDir });
  // Both drivers expose the same query builder; the cast lets the data layer take one type.
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: 'pglite', location: dir, close: () => client.close() };
}

const globalForDb = globalThis as unknown as { __kqnkDb?: Promise<DatabaseHandle> };

/**
 * The application's shared handle. Opened on first use (never at import, so
 * `next build` needs no database), then prepared (db/prepare.ts) once per process: with two
 * roles, by a short-lived owner connection (which also re-applies the application role's
 * grants), after which only the application role's connection stays open.
 */
export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.__kqnkDb ??= (async () => {
    const setup = databaseSetup();
    // Started by `npm start` / `npm run serve`, which prepared the database as the owner before
    // starting this server and gave it only the application role's URL (scripts/start.ts serverEnv).
    if (env().KQNK_DATABASE_PREPARED === '1') return openDatabase(setup.kind === 'pglite' ? { dataDir: pgliteDir() } : { url: setup.kind === 'two-roles' ? setup.appUrl : setup.url });
    if (setup.kind === 'two-roles') {
      const owner = await openDatabase({ url: setup.ownerUrl, max: 1 });
      try {
        await prepareDatabase(owner, { appRole: setup.appRole });
      } finally {
        await owner.close().catch(() => {});
      }
      return openDatabase({ url: setup.appUrl });
    }
    const handle = await openDatabase(setup.kind === 'one-role' ? { url: setup.url } : { dataDir: pgliteDir() });
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
