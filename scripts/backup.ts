/**
 * `npm run backup -- <file>`: a consistent copy of the configured database, with the head of
 * every report's history recorded in it (db/backup.ts describes the file).
 *   - PostgreSQL (MIGRATION_DATABASE_URL, else DATABASE_URL): `pg_dump -Fc` in one snapshot,
 *     while the portal runs.
 *   - Embedded (PGLITE_DIR): PGlite's data-directory dump. PGlite allows one process per folder:
 *     while the portal runs, the server writes the backup itself on request (db/live-backup.ts);
 *     when nothing uses the folder, this opens it and writes it; when a process that takes no
 *     requests (`npm run user`…) or several processes use it, this refuses and names them.
 *
 * `npm run restore -- <file>`: load a backup into an EMPTY database (the PostgreSQL database of
 * the URL above, or the PGLITE_DIR folder, which must not exist or be empty), then check that
 * each report's head equals the manifest's and run verify-history; on any failure remove what
 * was restored and exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BackupError, backupPglite, backupPostgres, readBackup, restorePglite, restorePostgres, type BackupManifest } from '@/db/backup';
import { openDatabase } from '@/db';
import { requestBackup } from '@/db/live-backup';
import { pgliteUsers } from '@/db/pglite-processes';
import { hidePassword, ownerDatabaseUrl, pgliteDir } from '@/lib/env';

const say = (line: string) => console.log(line);

/**
 * The PostgreSQL the owner reaches (MIGRATION_DATABASE_URL when set: the owner role, which restore
 * needs to create tables and which may read every table for a dump, else DATABASE_URL).
 */
const postgresUrl = () => ownerDatabaseUrl();

function describe(manifest: BackupManifest): string[] {
  return [
    `  cơ sở dữ liệu (engine): ${manifest.engine}, ${manifest.dump.kind}, ${(manifest.dump.bytes / 1024).toFixed(0)} kB, sha256 ${manifest.dump.sha256.slice(0, 16)}…`,
    `  tạo lúc (created): ${manifest.createdAt}; ${manifest.app.name} ${manifest.app.version}, ${manifest.migrations.applied} migration`,
    ...manifest.reports.map((r) => `  báo cáo (report) ${r.slug}: ${r.revisions} phiên bản (revisions), mới nhất (newest) r${r.newestRevisionId ?? '-'} ${r.newestHash ?? ''}`),
  ];
}

async function backup(file: string): Promise<void> {
  const url = postgresUrl();
  if (url) {
    say(`• Sao lưu PostgreSQL bằng pg_dump (backing up with pg_dump, one snapshot; the portal may keep running): ${hidePassword(url)}`);
    const manifest = await backupPostgres({ url, file });
    say(`Đã ghi (written) ${file}`);
    describe(manifest).forEach(say);
    return;
  }
  const dir = pgliteDir();
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new BackupError(`Không có cơ sở dữ liệu PGlite để sao lưu (no PGlite database in) ${dir}`);
  const all = pgliteUsers(dir);
  // A launcher whose child is the server (`next dev` forks it), holding nothing itself, is not a second user.
  const users = all.filter((u) => u.holdsFiles || u.takesBackupRequests || !all.some((child) => child.ppid === u.pid));
  if (users.length > 1 || (users.length === 1 && !users[0]!.takesBackupRequests)) {
    throw new BackupError(
      [
        users.length > 1
          ? `Nhiều tiến trình đang dùng cơ sở dữ liệu nhúng (several processes use the embedded database): ${dir}`
          : `Một tiến trình đang mở cơ sở dữ liệu nhúng nhưng không nhận yêu cầu sao lưu (a process has the embedded database open and takes no backup requests): ${dir}`,
        ...users.map((u) => `  pid ${u.pid}: ${u.cmd}`),
        'PGlite chỉ cho một tiến trình mỗi thư mục; mở nó lần thứ hai có thể làm hỏng dữ liệu, nên không sao lưu.',
        '(PGlite allows one process per folder; opening it a second time could corrupt it, so nothing was done.)',
        users.length > 1
          ? 'Dừng các tiến trình thừa, chỉ để lại máy chủ (stop all but the server), rồi chạy lại lệnh này.'
          : 'Đợi nó kết thúc hoặc dừng nó, rồi chạy lại lệnh này (wait for it to finish or stop it, then run this again); máy chủ `npm start` tự sao lưu khi được yêu cầu (a portal server backs up on request).',
      ].join('\n'),
    );
  }
  const [server] = users;
  if (server) {
    say(`• Yêu cầu máy chủ đang chạy (pid ${server.pid}) tự sao lưu cơ sở dữ liệu nhúng (asking the running server to back up the embedded database): ${dir}`);
    const manifest = await requestBackup({ pid: server.pid, dataDir: dir, file });
    say(`Đã ghi (written) ${file}`);
    describe(manifest).forEach(say);
    return;
  }
  say(`• Sao lưu cơ sở dữ liệu nhúng PGlite (backing up the embedded database): ${dir}`);
  const handle = await openDatabase({ dataDir: dir });
  try {
    const manifest = await backupPglite({ handle, file });
    say(`Đã ghi (written) ${file}`);
    describe(manifest).forEach(say);
  } finally {
    await handle.close();
  }
}

async function restore(file: string): Promise<void> {
  const manifest = await readBackup(file);
  say(`• Bản sao lưu (backup) ${file}`);
  describe(manifest).forEach(say);
  const url = postgresUrl();
  const report = url
    ? await restorePostgres({ url, file, log: say })
    : await restorePglite({ dataDir: pgliteDir(), file, log: say });
  say(`Đã khôi phục (restored) ${report.checkedRevisions} phiên bản vào (into) ${url ? hidePassword(url) : pgliteDir()}.`);
  if (url) {
    say('Các bảng thuộc vai trò vừa khôi phục (objects belong to the role that restored them; no grants were restored):');
    say('nếu cổng thông tin chạy bằng một vai trò riêng, cấp quyền cho nó (if the portal runs as a separate role, grant it now: `npm run db:roles`).');
  }
}

const commands: Record<string, (file: string) => Promise<void>> = { backup, restore };
const [name = '', file] = process.argv.slice(2);
const command = commands[name];
if (!command || !file) {
  console.error('Cách dùng (usage): npm run backup -- <file>   |   npm run restore -- <file>');
  process.exit(2);
}
// npm runs scripts from the package root; a relative <file> is relative to where the operator typed it.
command(path.resolve(process.env.INIT_CWD ?? process.cwd(), file)).catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : ((error as Error).stack ?? String(error)));
  process.exit(1);
});
