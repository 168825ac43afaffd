/**
 * Preparing a database: apply the committed migrations, then load the seed reports once.
 * One function for `npm start`, the tests, the scripts and the client's first use alike.
 * No `server-only`: scripts and Vitest call it outside Next.js.
 */
import path from 'node:path';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DatabaseHandle } from './index';
import { seedAll } from './seed';

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** Apply the committed drizzle-kit migrations; the same folder serves both drivers. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    await migratePostgres(handle.db, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
}

export type PrepareStep = 'migrate' | 'seed';

/**
 * Migrate, then seed every report kept in the repository (idempotent). Returns the slugs
 * loaded now (empty when they were there already). `onStep` lets `npm start` print progress.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  { onStep }: { onStep?: (step: PrepareStep, phase: 'start' | 'done', loaded?: string[]) => void } = {},
): Promise<{ seeded: string[] }> {
  onStep?.('migrate', 'start');
  await migrateDatabase(handle);
  onStep?.('migrate', 'done');
  onStep?.('seed', 'start');
  const seeded = await seedAll(handle.db);
  onStep?.('seed', 'done', seeded);
  return { seeded };
}
