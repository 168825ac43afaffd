/**
 * `npm run db:reset` — delete the embedded PGlite folder (PGLITE_DIR, default .data/pglite) so the
 * next `npm start` creates, migrates and seeds it afresh. Refuses while any process uses the folder
 * (db/pglite-processes.ts; PGlite allows one process per folder; deleting under it corrupts it).
 *
 * `npm run db:prepare` — migrate and seed the configured database without starting a server (as the
 * owner, MIGRATION_DATABASE_URL, when it is set; then the application role's grants are re-applied).
 *
 * `npm run db:roles -- --app-role kqnk_app [--password-stdin]` — as the owner (MIGRATION_DATABASE_URL,
 * else DATABASE_URL): create the application role if it does not exist (LOGIN and nothing else),
 * apply the migrations, then its grants (db/roles.sql). Idempotent. `--password-stdin` sets its
 * password from standard input (`--password <p>` too, though it lands in the shell history).
 *
 * `tsx scripts/db.ts recreate-pg <server-url> <name>` — DROP (FORCE) and CREATE an empty PostgreSQL
 * database <name> on the server of <server-url> (used for the e2e database `kqnk_e2e`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { pgliteUsers } from '../db/pglite-processes';
import { hidePassword } from '../lib/env';
import { clearFetchCache, prepareAndBootstrap, preparationTarget, root, sayDatabaseRoles } from './start';

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
  await sayDatabaseRoles(console.log);
  await prepareAndBootstrap(await preparationTarget());
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function roles(): Promise<void> {
  process.chdir(root);
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { 'app-role': { type: 'string' }, password: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    strict: true,
  });
  const { roleOf } = await import('../lib/env');
  // Not env(): before the roles exist, the owner's URL may be the only one configured.
  const migrationUrl = process.env.MIGRATION_DATABASE_URL?.trim() || undefined;
  const ownerUrl = migrationUrl ?? (process.env.DATABASE_URL?.trim() || undefined);
  const role = values['app-role'] ?? (migrationUrl && process.env.DATABASE_URL ? roleOf(process.env.DATABASE_URL.trim()) : undefined);
  if (ownerUrl && !/^postgres(ql)?:\/\//.test(ownerUrl)) throw new Error('MIGRATION_DATABASE_URL phải là một địa chỉ postgres://… (must be a postgres:// URL)');
  if (!role || !ownerUrl) {
    throw new Error(
      [
        'Cách dùng (usage): MIGRATION_DATABASE_URL=postgres://owner@host/kqnk npm run db:roles -- --app-role kqnk_app [--password-stdin]',
        !ownerUrl ? 'Thiếu MIGRATION_DATABASE_URL (hoặc DATABASE_URL) của chủ sở hữu các bảng (the owner’s URL is required; PGlite has no roles).' : 'Thiếu --app-role (the application role’s name is required).',
      ].join('\n'),
    );
  }
  const password = values['password-stdin'] ? await readStdin() : values.password;
  if (password !== undefined && password.length === 0) throw new Error('Mật khẩu rỗng (empty password).');

  const { openDatabase } = await import('../db/index');
  const { createAppRole, grantAppRole, migrateDatabase } = await import('../db/prepare');
  console.log(`• Chủ sở hữu (owner): ${hidePassword(ownerUrl)}`);
  const handle = await openDatabase({ url: ownerUrl, max: 1 });
  try {
    const { created } = await createAppRole(handle, { role, password });
    console.log(
      `• Vai trò ứng dụng (application role) ${role}: ${created ? 'đã tạo (created)' : 'đã có (exists)'}` +
        `${password !== undefined ? ', đã đặt mật khẩu (password set)' : ''}`,
    );
    console.log('• Áp dụng migration (applying migrations)…');
    await migrateDatabase(handle);
    console.log('• Cấp quyền theo db/roles.sql (granting)…');
    await grantAppRole(handle, role);
  } finally {
    await handle.close();
  }
  const appUrl = new URL(ownerUrl);
  appUrl.username = role;
  appUrl.password = password !== undefined ? '***' : '';
  console.log(
    [
      `Xong (done). Vai trò ${role}: đọc và ghi thêm lịch sử (revisions: SELECT, INSERT), sửa nội dung, tài khoản và phiên;`,
      'không DDL, không sửa hay xoá lịch sử, không tắt trigger (no DDL, no UPDATE/DELETE/TRUNCATE on revisions, no ALTER/DROP TRIGGER).',
      'Cấu hình máy chủ (configure the server):',
      `  MIGRATION_DATABASE_URL=${hidePassword(ownerUrl)}${roleOf(ownerUrl) ? '' : '   (chủ sở hữu / the owner)'}`,
      `  DATABASE_URL=${appUrl.toString()}`,
    ].join('\n'),
  );
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

const commands: Record<string, () => Promise<void>> = { reset, prepare, roles, 'recreate-pg': recreatePostgres };
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
