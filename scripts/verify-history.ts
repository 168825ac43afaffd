/** `npm run verify-history`: recompute the revision hash chain and name the first broken link. */
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/prepare';
import { verifyHistory } from '@/db/history';
import { ownerDatabaseUrl, pgliteDir } from '@/lib/env';

// As the owner (MIGRATION_DATABASE_URL when set): it applies the migrations first, which the application role may not.
const url = ownerDatabaseUrl();
const handle = await openDatabase(url ? { url } : { dataDir: pgliteDir() });
try {
  await migrateDatabase(handle);
  console.log(`Kiểm tra lịch sử (verifying history) — ${handle.location}`);
  const result = await verifyHistory(handle.db);
  if (result.ok) {
    console.log(`OK: ${result.checked} phiên bản, chuỗi mã băm toàn vẹn (hash chain intact).`);
  } else {
    const b = result.broken;
    console.error(
      `GÃY (BROKEN) tại revision #${b.revisionId}: ${b.itemType} "${b.itemKey}", phiên bản ${b.revisionNo} — ${b.problem}. ` +
        `${result.checked} phiên bản trước đó hợp lệ.`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
