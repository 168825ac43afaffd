/**
 * `npm run db:reset` — delete the embedded PGlite folder (PGLITE_DIR, default .data/pglite) so the
 * next `npm start` creates, migrates and seeds it afresh. Refuses while any process uses the folder
 * (db/pglite-processes.ts; PGlite allows one process per folder; deleting under it corrupts it).
 *
 * `npm run db:prepare` — migrate and seed the configured database without starting a server.
 *
 * `tsx scripts/db.ts recreate-pg <server-url> <name>` — DROP (FORCE) and CREATE an empty PostgreSQL
 * database <name> on the server of <server-url> (used for the e2e database `kqnk_e2e`).
 */
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { pgliteUsers } from '../db/pglite-processes';
import { clearFetchCache, hidePassword, prepareAndBootstrap, root } from './start';

async function reset(): Promise<void> {
  process.chdir(root);
  const { env, pgliteDir } = await import('../lib/env');
  const config = env();
  const dir = pgliteDir();
  if (config.DATABASE_URL) {
    console.log('DATABASE_URL đang được đặt: lệnh này chỉ xoá thư mục PGlite, không động tới PostgreSQL.');
    console.log('(DATABASE_URL is set: this only deletes the PGlite folder; PostgreSQL is left alone.)');
  }
  if (!fs.existsSync(dir)) {
    console.log(`Không có thư mục PGlite để xoá (nothing to delete): ${dir}`);
    clearFetchCache(console.log);
    return;
  }
  const users = pgliteUsers(dir);
  if (users.length > 0) {
    console.error(`Một tiến trình đang dùng ${dir} — dừng nó trước khi xoá cơ sở dữ liệu:`);
    console.error('(a process is using this PGlite folder, e.g. a Next.js server — stop it before resetting the database)');
    for (const s of users) console.error(`  pid ${s.pid}: ${s.cmd}`);
    process.exit(1);
  }
  // Refuse anything that does not look like a PGlite data folder, so a mistyped PGLITE_DIR deletes nothing else.
  if (!fs.existsSync(path.join(dir, 'PG_VERSION')) && fs.readdirSync(dir).length > 0) {
    console.error(`${dir} không giống thư mục PGlite (no PG_VERSION inside): không xoá (refusing to delete).`);
    process.exit(1);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`Đã xoá cơ sở dữ liệu PGlite (deleted): ${dir}`);
  clearFetchCache(console.log);
  console.log('Lần `npm start` tới sẽ tạo lại, migrate và nạp dữ liệu (~10 s). (next `npm start` recreates and seeds it)');
}

async function prepare(): Promise<void> {
  process.chdir(root);
  const { env, pgliteDir } = await import('../lib/env');
  const config = env();
  await prepareAndBootstrap(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: pgliteDir() });
}

async function recreatePostgres(): Promise<void> {
  const [serverUrl, name] = process.argv.slice(3);
  if (!serverUrl || !name || !/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error('usage: tsx scripts/db.ts recreate-pg <postgres://server/any-db> <database_name>');
  }
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  console.log(`Đã tạo mới cơ sở dữ liệu (recreated database) ${name}: ${hidePassword(u.toString())}`);
}

const commands: Record<string, () => Promise<void>> = { reset, prepare, 'recreate-pg': recreatePostgres };
const name = process.argv[2] ?? '';
const command = commands[name];
if (!command) {
  console.error(`Cách dùng (usage): tsx scripts/db.ts <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error((error as Error).message ?? error);
  process.exit(1);
});
