/**
 * Test databases: a migrated, seeded handle per call.
 *
 * - `TEST_DATABASE_URL` set → a fresh, uniquely named database (`kqnk_t_<random>`) on that
 *   PostgreSQL server, opened with postgres.js; `close()` drops it.
 * - otherwise → an in-memory PGlite (~3-4 s to start: share one per test file).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '@/db';
import { migrateDatabase, prepareDatabase } from '@/db/prepare';

export type TestDatabase = DatabaseHandle & {
  /** Slugs that the initial seeding loaded. */
  seeded: string[];
};

export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url ? url : undefined;
}

/** 'postgres' or 'pglite': which engine `createTestDatabase()` will use; handy in test names. */
export function databaseKind(): 'postgres' | 'pglite' {
  return testDatabaseUrl() ? 'postgres' : 'pglite';
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Create an empty database on the server of `adminUrl`; returns its name and URL, and a way to drop it. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `kqnk_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    name,
    url: withDatabaseName(adminUrl, name),
    async drop() {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
}

/** Open an empty, migrated database (no seed). */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(handle);
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
    return handle;
  }
  const created = await createPostgresDatabase(adminUrl);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ url: created.url, max: 4 });
  } catch (error) {
    await created.drop().catch(() => {});
    throw error;
  }
  const dropping: DatabaseHandle = {
    ...handle,
    async close() {
      try {
        await handle.close();
      } finally {
        await created.drop();
      }
    },
  };
  try {
    await migrateDatabase(dropping);
  } catch (error) {
    await dropping.close().catch(() => {});
    throw error;
  }
  return dropping;
}

/** A prepared database (migrated, every seed file loaded), as the portal prepares its own. Call `close()` in `afterAll`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const handle = await createEmptyTestDatabase();
  try {
    const { seeded } = await prepareDatabase(handle);
    return { ...handle, seeded };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
