/**
 * Runs once when the Next.js server starts. On the embedded database, the server takes backup
 * requests from `npm run backup` (db/live-backup.ts): PGlite allows one process per folder, so
 * only the server itself can copy the folder it has open. It opens nothing here (the build and
 * a server on PostgreSQL need no handler); a failure to install is logged, never fatal.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    try {
      const { env } = await import('./lib/env');
      if (!env().DATABASE_URL) {
        const { installBackupHandler } = await import('./db/live-backup');
        installBackupHandler();
      }
    } catch (error) {
      console.error(`[backup] không nhận yêu cầu sao lưu (backup requests disabled): ${(error as Error).message}`);
    }
  }
}
