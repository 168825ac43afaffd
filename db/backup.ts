/**
 * Backups of either engine, and restoring them into an empty database. No `server-only`:
 * `npm run backup` / `npm run restore` (scripts/backup.ts) and the tests call it outside Next.js.
 *
 * A backup file is three parts, so that `head -n 2 FILE` shows what it holds:
 *
 *     kqnk-backup 1\n
 *     {the manifest, one line of JSON}\n
 *     the dump: `pg_dump -Fc` output (PostgreSQL) or PGlite's data-directory tarball, gzip (embedded)
 *
 * `tail -n +3 FILE > dump` extracts the dump for the engine's own tools (`pg_restore -l dump`).
 * The manifest names the engine, the dump's size and SHA-256, and the head of every report's
 * history as the dump holds it; restore checks all three.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type DatabaseHandle, type DbOrTx } from './index';
import { describeBrokenLink, reportHeads, verifyHistory } from './history';
import { migrateDatabase, migrationsFolder } from './prepare';
import { hidePassword } from '@/lib/env';
import { reports, revisions } from './schema';

export const BACKUP_MAGIC = 'kqnk-backup 1';

export type Engine = DatabaseHandle['kind'];

/** How many revisions a report has, the newest one and its hash (its place in the report-wide chain is `heads`). */
export type ReportHistoryCount = { slug: string; revisions: number; newestRevisionId: number | null; newestHash: string | null };

export type BackupManifest = {
  format: typeof BACKUP_MAGIC;
  engine: Engine;
  createdAt: string;
  app: { name: string; version: string };
  /** Migrations applied in the database backed up (drizzle's journal), and the newest one's timestamp. */
  migrations: { applied: number; newest: number | null };
  reports: ReportHistoryCount[];
  /**
   * Each report's head in the report-wide chain (db/history.ts reportHeads): restore proves it is in
   * the restored history, and `verify-history -- --head` reads this manifest line as it is. Absent in
   * a backup of a database from before that chain (migration 0008).
   */
  heads?: ChainHead[];
  dump: { kind: 'pg_dump-custom' | 'pglite-datadir-tar-gz'; bytes: number; sha256: string };
};

export type ChainHead = { slug: string; seq: number; hash: string; at: string; revisionId: number };

/** A backup or restore that was refused or failed, with a message for the operator. */
export class BackupError extends Error {
  override name = 'BackupError';
}

type ManifestBody = Omit<BackupManifest, 'format' | 'engine' | 'createdAt' | 'dump'>;

/** The rows of a raw `execute()`: postgres.js returns them as an array, PGlite as `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

function appIdentity(): { name: string; version: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}

/**
 * What a backup records of the database it copies: the app, the migrations applied, and each
 * report's history head. The one place that says what "the head" is: restore recomputes it on
 * the restored database with this same function and requires equality.
 */
export async function backupManifest(conn: DbOrTx): Promise<ManifestBody> {
  const [journal] = rowsOf<{ table: string | null }>(await conn.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as table`));
  if (!journal?.table) {
    throw new BackupError(
      'Cơ sở dữ liệu chưa được chuẩn bị (no migrations table, drizzle.__drizzle_migrations): không phải cơ sở dữ liệu của cổng thông tin, hoặc chưa từng chạy `npm start` / `npm run db:prepare`.',
    );
  }
  const applied = rowsOf<{ applied: number; newest: string | null }>(
    await conn.execute(sql`select count(*)::int as applied, max(created_at)::text as newest from drizzle.__drizzle_migrations`),
  )[0];
  // Only id, report_id and hash: columns every version of the schema has.
  const counts = await conn
    .select({ slug: reports.slug, revisions: sql<number>`count(${revisions.id})::int`, newestRevisionId: sql<string | null>`max(${revisions.id})::text` })
    .from(reports)
    .leftJoin(revisions, eq(revisions.reportId, reports.id))
    .groupBy(reports.slug)
    .orderBy(reports.slug);
  const withHashes: ReportHistoryCount[] = [];
  for (const h of counts) {
    const newestRevisionId = h.newestRevisionId === null ? null : Number(h.newestRevisionId);
    const [newest] =
      newestRevisionId === null ? [] : await conn.select({ hash: revisions.hash }).from(revisions).where(eq(revisions.id, newestRevisionId));
    withHashes.push({ slug: h.slug, revisions: Number(h.revisions), newestRevisionId, newestHash: newest?.hash ?? null });
  }
  const [chained] = rowsOf<{ chained: boolean }>(
    await conn.execute(
      sql`select exists (select 1 from information_schema.columns where table_schema = 'public' and table_name = 'revisions' and column_name = 'report_seq') as chained`,
    ),
  );
  const chainHeads = chained?.chained
    ? (await reportHeads(conn)).map(({ slug, seq, hash, at, revisionId }) => ({ slug, seq, hash, at, revisionId }))
    : undefined;
  return {
    app: appIdentity(),
    migrations: { applied: applied?.applied ?? 0, newest: applied?.newest ? Number(applied.newest) : null },
    reports: withHashes,
    ...(chainHeads ? { heads: chainHeads } : {}),
  };
}

/** How many migrations this version of the portal has (db/migrations/meta/_journal.json). */
export function knownMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

// ---------------------------------------------------------------------------------------------
// The container

async function sha256File(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Write header + dump to `file` atomically (a temporary name beside it, then a rename). */
async function writeContainer(file: string, manifest: BackupManifest, dumpFile: string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    const out = fs.openSync(partial, 'wx', 0o600);
    try {
      fs.writeSync(out, `${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`);
      const input = fs.openSync(dumpFile, 'r');
      try {
        const buffer = Buffer.alloc(1 << 20);
        for (;;) {
          const n = fs.readSync(input, buffer, 0, buffer.length, null);
          if (n === 0) break;
          fs.writeSync(out, buffer, 0, n);
        }
      } finally {
        fs.closeSync(input);
      }
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Read a backup's manifest, and copy its dump into `dumpFile` after checking its size and SHA-256. */
export async function readBackup(file: string, dumpFile?: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new BackupError(`Không có tệp sao lưu (no such backup file): ${file}`);
  const fd = fs.openSync(file, 'r');
  let manifest: BackupManifest;
  let offset: number;
  try {
    // The header is two lines; the manifest of even many reports is a few kB.
    const head = Buffer.alloc(4 << 20);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const first = head.indexOf(0x0a);
    const second = first < 0 ? -1 : head.indexOf(0x0a, first + 1);
    if (first < 0 || second < 0 || second >= n || head.subarray(0, first).toString('utf8') !== BACKUP_MAGIC) {
      throw new BackupError(`${file} không phải tệp sao lưu của cổng thông tin (not a backup of this portal: the first line is not "${BACKUP_MAGIC}").`);
    }
    try {
      manifest = JSON.parse(head.subarray(first + 1, second).toString('utf8')) as BackupManifest;
    } catch {
      throw new BackupError(`${file}: phần mô tả (manifest, line 2) không đọc được (is not JSON).`);
    }
    offset = second + 1;
  } finally {
    fs.closeSync(fd);
  }
  if (manifest.format !== BACKUP_MAGIC || (manifest.engine !== 'postgres' && manifest.engine !== 'pglite') || !manifest.dump || !Array.isArray(manifest.reports)) {
    throw new BackupError(`${file}: phần mô tả thiếu trường bắt buộc (manifest lacks format, engine, dump or reports).`);
  }
  if (dumpFile) {
    await new Promise<void>((resolve, reject) => {
      const input = fs.createReadStream(file, { start: offset });
      const output = fs.createWriteStream(dumpFile, { mode: 0o600 });
      input.on('error', reject);
      output.on('error', reject);
      output.on('finish', resolve);
      input.pipe(output);
    });
    const actual = await sha256File(dumpFile);
    if (actual.bytes !== manifest.dump.bytes || actual.sha256 !== manifest.dump.sha256) {
      throw new BackupError(
        `${file}: bản dump không khớp với phần mô tả (the dump does not match its manifest: ${actual.bytes} bytes, sha256 ${actual.sha256.slice(0, 12)}…; ` +
          `expected ${manifest.dump.bytes} bytes, ${manifest.dump.sha256.slice(0, 12)}…). Tệp bị hỏng hoặc bị sửa (truncated or altered).`,
      );
    }
  }
  return manifest;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-backup-'));
}

/**
 * Run a PostgreSQL client tool against `url`; its stderr becomes the error message. The password
 * goes in PGPASSWORD, not on the command line, where any user of the machine could read it.
 */
function run(command: string, args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, `--dbname=${u.toString()}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PGCONNECT_TIMEOUT: '10', ...(password ? { PGPASSWORD: password } : {}) },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `Không tìm thấy ${command} (not on PATH): cài gói postgresql-client cùng phiên bản chính với máy chủ (install the PostgreSQL client tools).`
            : `${command}: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} thất bại (failed, exit ${code}):\n${stderr.trim()}`))));
  });
}

// ---------------------------------------------------------------------------------------------
// Backup

/**
 * PostgreSQL: `pg_dump -Fc` of the database at `url`, taken in the snapshot the manifest is read
 * in (a REPEATABLE READ transaction exports it; pg_dump imports it with --snapshot), so the head
 * recorded is exactly the dump's even while editors keep saving.
 */
export async function backupPostgres({ url, file }: { url: string; file: string }): Promise<BackupManifest> {
  const work = tempDir();
  const dumpFile = path.join(work, 'dump');
  const handle = await openDatabase({ url, max: 1 });
  try {
    const body = await handle.db.transaction(
      async (tx) => {
        const [exported] = rowsOf<{ snapshot: string }>(await tx.execute(sql`select pg_export_snapshot() as snapshot`));
        const manifest = await backupManifest(tx);
        await run('pg_dump', ['--format=custom', `--snapshot=${exported!.snapshot}`, `--file=${dumpFile}`], url);
        return manifest;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const manifest: BackupManifest = {
      format: BACKUP_MAGIC,
      engine: 'postgres',
      createdAt: new Date().toISOString(),
      ...body,
      dump: { kind: 'pg_dump-custom', ...(await sha256File(dumpFile)) },
    };
    await writeContainer(file, manifest, dumpFile);
    return manifest;
  } finally {
    await handle.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function pgliteClient(handle: DatabaseHandle): PGlite {
  if (handle.kind !== 'pglite') throw new BackupError('not an embedded (PGlite) database');
  return (handle.db as unknown as { $client: PGlite }).$client;
}

/**
 * Embedded: PGlite's data-directory tarball, from the process that has the database open. The
 * manifest and the dump are taken inside one transaction: PGlite runs every query and
 * transaction of the process one at a time, so no save can land between them, and
 * `dumpDataDir` reads the files under PGlite's query lock after a CHECKPOINT, giving a
 * crash-consistent image whose head is the manifest's. Safe to call from the process that
 * serves the portal; another process must not open the folder (scripts/backup.ts refuses).
 */
export async function backupPglite({ handle, file }: { handle: DatabaseHandle; file: string }): Promise<BackupManifest> {
  const client = pgliteClient(handle);
  const work = tempDir();
  const dumpFile = path.join(work, 'dump');
  try {
    await client.exec('CHECKPOINT');
    const { body, tarball } = await handle.db.transaction(async (tx) => ({
      body: await backupManifest(tx),
      tarball: await client.dumpDataDir('gzip'),
    }));
    fs.writeFileSync(dumpFile, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    const manifest: BackupManifest = {
      format: BACKUP_MAGIC,
      engine: 'pglite',
      createdAt: new Date().toISOString(),
      ...body,
      dump: { kind: 'pglite-datadir-tar-gz', ...(await sha256File(dumpFile)) },
    };
    await writeContainer(file, manifest, dumpFile);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

export type RestoreReport = { manifest: BackupManifest; checkedRevisions: number; migrated: number };

/**
 * The checks every restore makes on the restored database before declaring it good: the heads
 * equal the manifest's, the migrations this version adds are applied (as `npm start` would),
 * and verify-history passes. Throws BackupError naming the first problem.
 */
async function checkRestored(handle: DatabaseHandle, manifest: BackupManifest, log: (line: string) => void): Promise<Omit<RestoreReport, 'manifest'>> {
  const restored = await backupManifest(handle.db);
  const expected = JSON.stringify(manifest.reports);
  if (JSON.stringify(restored.heads ?? null) !== JSON.stringify(manifest.heads ?? null)) {
    throw new BackupError(
      `Đầu chuỗi của báo cáo sau khi khôi phục khác với phần mô tả (the restored report heads differ from the manifest): ` +
        `${JSON.stringify(restored.heads ?? null)} ≠ ${JSON.stringify(manifest.heads ?? null)}`,
    );
  }
  if (JSON.stringify(restored.reports) !== expected) {
    const differs = manifest.reports.find((h, i) => JSON.stringify(h) !== JSON.stringify(restored.reports[i])) ?? restored.reports[manifest.reports.length];
    throw new BackupError(
      `Đầu lịch sử sau khi khôi phục khác với phần mô tả (the restored history head differs from the manifest)` +
        (differs ? ` — báo cáo (report) "${differs.slug}": ${JSON.stringify(restored.reports.find((r) => r.slug === differs.slug) ?? null)} ≠ ${JSON.stringify(manifest.reports.find((r) => r.slug === differs.slug) ?? null)}` : ''),
    );
  }
  log(`  đầu lịch sử khớp phần mô tả (heads match the manifest): ${restored.reports.map((r) => `${r.slug} r${r.newestRevisionId ?? '-'} (${r.revisions})`).join(', ')}`);
  const missing = knownMigrations() - restored.migrations.applied;
  if (missing > 0) {
    log(`• Áp dụng ${missing} migration mới hơn bản sao lưu (applying ${missing} migration(s) newer than the backup)…`);
    await migrateDatabase(handle);
  }
  log('• Kiểm tra lịch sử (verify-history)…');
  // With the manifest's heads: each must be in the restored chain with the same hash.
  const check = await verifyHistory(handle.db, { heads: manifest.heads ?? [] });
  if (!check.ok) {
    throw new BackupError(`Chuỗi lịch sử trong bản sao lưu bị gãy (the backup's history chain is broken): ${describeBrokenLink(check.broken)}`);
  }
  log(`  OK: ${check.checked} phiên bản, chuỗi mã băm toàn vẹn (hash chain intact).`);
  return { checkedRevisions: check.checked, migrated: Math.max(0, missing) };
}

function refuseNewerBackup(manifest: BackupManifest): void {
  if (manifest.migrations.applied > knownMigrations()) {
    throw new BackupError(
      `Bản sao lưu được tạo bởi phiên bản mới hơn (the backup has ${manifest.migrations.applied} migrations, this portal knows ${knownMigrations()}): ` +
        `cập nhật mã nguồn trước khi khôi phục (update the portal first).`,
    );
  }
}

/** What a PostgreSQL database already holds beyond a fresh CREATE DATABASE; empty when it is empty. */
export async function postgresContents(sqlClient: postgres.Sql): Promise<string[]> {
  // Tables first: the listing a refusal quotes should name what matters.
  const rows = await sqlClient<{ what: string }[]>`
    select what from (
      select 1 as rank, 'relation ' || n.nspname || '.' || c.relname as what from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not in ('information_schema', 'pg_catalog', 'pg_toast') and n.nspname not like 'pg\\_temp%' and n.nspname not like 'pg\\_toast\\_temp%'
      union all
      select 2, 'schema ' || nspname from pg_namespace
       where nspname not in ('public', 'information_schema') and nspname not like 'pg\\_%'
      union all
      select 3, 'extension ' || extname from pg_extension where extname <> 'plpgsql'
      union all
      select 4, 'function ' || n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
      union all
      select 5, 'type ' || n.nspname || '.' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
       where n.nspname = 'public' and t.typtype in ('e', 'd', 'c') and not exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind <> 'c')
    ) contents order by rank, what`;
  return rows.map((r) => r.what);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Undo a restore into a database that was empty before it: drop every schema, extension and
 * object it created, and put the public schema back as CREATE DATABASE makes it (PostgreSQL 15).
 */
async function emptyPostgres(sqlClient: postgres.Sql): Promise<void> {
  await sqlClient.begin(async (tx) => {
    const schemas = await tx<{ name: string }[]>`
      select nspname as name from pg_namespace where nspname not in ('public', 'information_schema') and nspname not like 'pg\\_%'`;
    for (const s of schemas) await tx.unsafe(`drop schema ${quoteIdent(s.name)} cascade`);
    const extensions = await tx<{ name: string }[]>`select extname as name from pg_extension where extname <> 'plpgsql'`;
    for (const e of extensions) await tx.unsafe(`drop extension if exists ${quoteIdent(e.name)} cascade`);
    // Schema public itself stays (the restoring role may have CREATE there without owning it): what
    // the restore put in it goes, and the restoring role owns all of that (pg_restore --no-owner).
    const inPublic = async (query: string) => (await tx.unsafe<{ name: string }[]>(query)).map((r) => r.name);
    const kinds = { r: 'table', p: 'table', v: 'view', m: 'materialized view', f: 'foreign table' } as const;
    for (const [relkind, kind] of Object.entries(kinds)) {
      for (const name of await inPublic(`select quote_ident(relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = '${relkind}'`)) {
        await tx.unsafe(`drop ${kind} if exists public.${name} cascade`);
      }
    }
    for (const name of await inPublic(`select quote_ident(relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S'`)) {
      await tx.unsafe(`drop sequence if exists public.${name} cascade`);
    }
    for (const name of await inPublic(`select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public'`)) {
      await tx.unsafe(`drop function if exists ${name} cascade`);
    }
    for (const name of await inPublic(`select quote_ident(t.typname) as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typtype in ('e', 'd', 'c', 'r') and not exists (select 1 from pg_class c where c.reltype = t.oid)`)) {
      await tx.unsafe(`drop type if exists public.${name} cascade`);
    }
  });
}

/**
 * PostgreSQL: `pg_restore` into the empty database at `url` (refused when it holds anything),
 * then the checks of checkRestored. On any failure what the restore created is dropped again,
 * leaving the database empty as it was; if even that fails, the message says to drop it.
 * Objects belong to the restoring role (`--no-owner`) and carry no grants (`--no-privileges`):
 * on a server with separate roles, grant the application role afterwards (`npm run db:roles`).
 */
export async function restorePostgres({ url, file, log = () => {} }: { url: string; file: string; log?: (line: string) => void }): Promise<RestoreReport> {
  const work = tempDir();
  const dumpFile = path.join(work, 'dump');
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const manifest = await readBackup(file, dumpFile);
    if (manifest.engine !== 'postgres') {
      throw new BackupError('Đây là bản sao lưu của cơ sở dữ liệu nhúng (PGlite) (this is a backup of the embedded database): khôi phục khi không đặt DATABASE_URL (restore it with DATABASE_URL unset).');
    }
    refuseNewerBackup(manifest);
    const contents = await postgresContents(admin);
    if (contents.length > 0) {
      throw new BackupError(
        `Cơ sở dữ liệu đích không trống (the target database is not empty: ${contents.slice(0, 5).join(', ')}${contents.length > 5 ? `, … ${contents.length} in all` : ''}). ` +
          'Khôi phục chỉ vào một cơ sở dữ liệu trống, ví dụ vừa tạo bằng `createdb` (restore only into an empty database, e.g. a new one from `createdb`).',
      );
    }
    log(`• pg_restore → ${hidePassword(url)}`);
    try {
      await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dumpFile], url);
      const handle = await openDatabase({ url, max: 2 });
      try {
        return { manifest, ...(await checkRestored(handle, manifest, log)) };
      } finally {
        await handle.close();
      }
    } catch (error) {
      try {
        await emptyPostgres(admin);
        log('  đã xoá những gì vừa khôi phục; cơ sở dữ liệu đích trống như trước (removed what was restored; the target is empty again).');
      } catch (cleanup) {
        throw new BackupError(
          `${(error as Error).message}\nKHÔNG dọn được dữ liệu đã khôi phục dở (could NOT remove the partly restored data: ${(cleanup as Error).message}): ` +
            'hãy xoá cơ sở dữ liệu đích và tạo lại (drop and recreate the target database) trước khi dùng.',
        );
      }
      throw error;
    }
  } finally {
    await admin.end({ timeout: 5 });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Embedded: unpack the data-directory tarball into `dataDir`, which must not exist or be empty,
 * then the checks of checkRestored. On any failure the folder is removed again (an empty folder
 * that was there before is left empty).
 */
export async function restorePglite({ dataDir, file, log = () => {} }: { dataDir: string; file: string; log?: (line: string) => void }): Promise<RestoreReport> {
  const work = tempDir();
  const dumpFile = path.join(work, 'dump');
  try {
    const manifest = await readBackup(file, dumpFile);
    if (manifest.engine !== 'pglite') {
      throw new BackupError('Đây là bản sao lưu PostgreSQL (this is a PostgreSQL backup): khôi phục với DATABASE_URL trỏ tới một cơ sở dữ liệu trống (restore it with DATABASE_URL set to an empty database).');
    }
    refuseNewerBackup(manifest);
    const existed = fs.existsSync(dataDir);
    if (existed && fs.readdirSync(dataDir).length > 0) {
      throw new BackupError(
        `Thư mục đích đã có dữ liệu (the target folder is not empty): ${dataDir}. ` +
          'Khôi phục vào một thư mục mới (PGLITE_DIR=…), hoặc dừng máy chủ và `npm run db:reset` trước (restore into a new folder, or stop the server and reset first).',
      );
    }
    log(`• Giải nén thư mục dữ liệu PGlite (unpacking the PGlite data folder) → ${dataDir}`);
    try {
      const handle = await openDatabase({ dataDir, loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
      try {
        return { manifest, ...(await checkRestored(handle, manifest, log)) };
      } finally {
        await handle.close();
      }
    } catch (error) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (existed) fs.mkdirSync(dataDir, { recursive: true });
      log(`  đã xoá thư mục vừa khôi phục (removed the restored folder): ${dataDir}`);
      throw error;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

