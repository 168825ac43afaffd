/**
 * `npm run verify-history`: recompute both hash chains (each item's, each report's) and name the
 * first broken link. `-- --head <file or URL>` (repeatable) also proves that a head kept earlier
 * (the JSON of /api/v1/reports/<slug>/head, or a backup's list of heads) is still in today's
 * history with the same hash: the history has only grown since.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/prepare';
import { describeBrokenLink, verifyHistory } from '@/db/history';
import { ownerDatabaseUrl, pgliteDir } from '@/lib/env';
import { parseSavedHeads, type SavedHead } from '@/lib/report-head';

async function readHeads(source: string): Promise<SavedHead[]> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    text = await res.text();
  } else {
    text = await readFile(source, 'utf8');
  }
  try {
    return parseSavedHeads(JSON.parse(text));
  } catch (error) {
    throw new Error(`${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
}


const { values } = parseArgs({ options: { head: { type: 'string', multiple: true } } });
let saved: SavedHead[] = [];
try {
  saved = (await Promise.all((values.head ?? []).map(readHeads))).flat();
} catch (error) {
  console.error(`Không đọc được đầu chuỗi đã lưu (cannot read the saved head): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

// As the owner (MIGRATION_DATABASE_URL when set): it applies the migrations first, which the application role may not.
const url = ownerDatabaseUrl();
const handle = await openDatabase(url ? { url } : { dataDir: pgliteDir() });
try {
  await migrateDatabase(handle);
  console.log(`Kiểm tra lịch sử (verifying history) — ${handle.location}`);
  const result = await verifyHistory(handle.db, { heads: saved });
  if (result.ok) {
    console.log(`OK: ${result.checked} phiên bản, hai chuỗi mã băm toàn vẹn (item and report hash chains intact).`);
    for (const h of saved) {
      const now = result.heads.find((n) => n.slug === h.slug)!;
      console.log(`OK: đầu chuỗi đã lưu "${h.slug}" số ${h.seq} (${h.hash.slice(0, 12)}…) vẫn nằm trong lịch sử; lịch sử chỉ thêm ${now.seq - h.seq} phiên bản từ đó.`);
    }
    for (const h of result.heads) console.log(`Đầu chuỗi (head) "${h.slug}": số ${h.seq}, ${h.hash}, ${h.at}`);
  } else {
    console.error(`${describeBrokenLink(result.broken)} ${result.checked} phiên bản trước đó hợp lệ.`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
