/**
 * Backup and restore (db/backup.ts) on the engine under test: a database with a few saves is
 * backed up and restored into a fresh one, and every open-data representation of /api/v1 answers
 * byte for byte the same from both, at the latest revision and at past ones. Then what restore
 * refuses: a target that is not empty, a dump altered after it was written, a manifest naming
 * another head, and a backup whose history was rewritten behind the triggers; each refusal
 * leaves the target as empty as it was.
 *
 * PostgreSQL: databases named kqnk_backup_* on TEST_DATABASE_URL's server, dropped at the end.
 * PGlite: folders under os.tmpdir(), removed at the end.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db';
import {
  BACKUP_MAGIC,
  BackupError,
  backupManifest,
  backupPglite,
  backupPostgres,
  postgresContents,
  readBackup,
  restorePglite,
  restorePostgres,
  type BackupManifest,
  type RestoreReport,
} from '@/db/backup';
import { reportHeads, verifyHistory } from '@/db/history';
import { parseSavedHeads } from '@/lib/report-head';
import { prepareDatabase } from '@/db/prepare';
import { createUser } from '@/db/queries/accounts';
import { createIndicator, saveIndicator, saveSection } from '@/db/queries/edits';
import { createSession } from '@/db/queries/sessions';
import { findIndicatorForEdit, findSectionForEdit } from '@/db/queries/staff';
import { revisions } from '@/db/schema';
import type { Actor } from '@/db/permissions';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { buildIndicatorsCsv } from '@/lib/open-data/csv';
import { buildIndicatorsDocument, buildReportDocument } from '@/lib/open-data/json';
import { loadOpenData } from '@/lib/open-data/load';
import { resolveRequestMoment } from '@/lib/open-data/moment';
import { indicatorEditSchema, type IndicatorEditInput } from '@/lib/validations/indicator';
import { sectionEditSchema } from '@/lib/validations/section';
import { databaseKind, testDatabaseUrl } from '../helpers/db';
import { newIndicatorInput } from '../helpers/indicator-input';

const R = 'soc-trang-2020-2025';
const reason = { kind: 'sua_loi' as const, text: 'Kiểm tra sao lưu' };

/** A database to back up, and empty targets to restore into, on the engine under test. */
type Source = { handle: DatabaseHandle; location: string; backup(file: string): Promise<BackupManifest>; cleanup(): Promise<void> };
type Target = {
  restore(file: string): Promise<RestoreReport>;
  open(): Promise<DatabaseHandle>;
  /** Nothing there beyond what an empty database or an absent folder has. */
  isEmpty(): Promise<boolean>;
  cleanup(): Promise<void>;
};

function postgresEngine(serverUrl: string) {
  const admin = () => postgres(serverUrl, { max: 1, onnotice: () => {} });
  async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
    const name = `kqnk_backup_${randomBytes(6).toString('hex')}`;
    const a = admin();
    try {
      await a.unsafe(`CREATE DATABASE "${name}"`);
    } finally {
      await a.end({ timeout: 5 });
    }
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      async drop() {
        const d = admin();
        try {
          await d.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await d.end({ timeout: 5 });
        }
      },
    };
  }
  return {
    async source(): Promise<Source> {
      const created = await createDatabase();
      const handle = await openDatabase({ url: created.url, max: 4 });
      await prepareDatabase(handle);
      return {
        handle,
        location: created.url,
        backup: (file) => backupPostgres({ url: created.url, file }),
        async cleanup() {
          await handle.close();
          await created.drop();
        },
      };
    },
    async target(): Promise<Target> {
      const created = await createDatabase();
      return {
        restore: (file) => restorePostgres({ url: created.url, file }),
        open: () => openDatabase({ url: created.url, max: 4 }),
        async isEmpty() {
          const c = postgres(created.url, { max: 1, onnotice: () => {} });
          try {
            return (await postgresContents(c)).length === 0;
          } finally {
            await c.end({ timeout: 5 });
          }
        },
        cleanup: () => created.drop(),
      };
    },
    restoreInto: (location: string, file: string) => restorePostgres({ url: location, file }),
  };
}

function pgliteEngine() {
  const folders: string[] = [];
  const tempFolder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk_backup_'));
    folders.push(dir);
    return dir;
  };
  return {
    async source(): Promise<Source> {
      const dir = path.join(tempFolder(), 'pglite');
      const handle = await openDatabase({ dataDir: dir });
      await prepareDatabase(handle);
      return {
        handle,
        location: dir,
        backup: (file) => backupPglite({ handle, file }),
        async cleanup() {
          await handle.close();
        },
      };
    },
    async target(): Promise<Target> {
      const dir = path.join(tempFolder(), 'restored');
      return {
        restore: (file) => restorePglite({ dataDir: dir, file }),
        open: () => openDatabase({ dataDir: dir }),
        isEmpty: () => Promise.resolve(!fs.existsSync(dir) || fs.readdirSync(dir).length === 0),
        cleanup: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
      };
    },
    restoreInto: (location: string, file: string) => restorePglite({ dataDir: location, file }),
    removeAll() {
      for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every open-data representation of /api/v1 for one `?asOf=`, built as the routes build them. */
async function openDataBodies(db: DatabaseHandle['db'], asOf: string | null): Promise<Record<string, string>> {
  const moment = await resolveRequestMoment({ slug: R, asOf }, db);
  if (!moment.ok) return { error: JSON.stringify(moment) };
  const [all, indicatorsOnly] = await Promise.all([
    loadOpenData({ slug: R, revision: moment.moment }, db),
    loadOpenData({ slug: R, revision: moment.moment, parts: 'indicators' }, db),
  ]);
  return {
    [`/api/v1/reports/${R}`]: JSON.stringify(buildReportDocument(all!)),
    [`/api/v1/reports/${R}/indicators`]: JSON.stringify(buildIndicatorsDocument(indicatorsOnly!)),
    [`/api/v1/reports/${R}/indicators.csv`]: buildIndicatorsCsv(indicatorsOnly!),
  };
}

describe(`backup and restore (${databaseKind()})`, () => {
  const serverUrl = testDatabaseUrl();
  const pglite = serverUrl ? undefined : pgliteEngine();
  const engine = serverUrl ? postgresEngine(serverUrl) : pglite!;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk_backup_files_'));
  const targets: Target[] = [];
  let source: Source;
  let actor: Actor;
  let file: string;
  /** Revision ids of the saves made before the backup: past views to compare. */
  const saved: number[] = [];

  async function target(): Promise<Target> {
    const t = await engine.target();
    targets.push(t);
    return t;
  }

  async function indicatorEdit(db: DatabaseHandle['db'], code: string, change: (v: IndicatorEditInput) => void) {
    const item = (await findIndicatorForEdit({ reportSlug: R, code }, db))!;
    const values = indicatorFormValues(item.snapshot, item.version);
    values.reason = reason;
    change(values);
    return indicatorEditSchema.parse(values);
  }

  beforeAll(async () => {
    source = await engine.source();
    const db = source.handle.db;
    const user = await createUser({ email: 'saoluu@example.vn', displayName: 'Người sao lưu', role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử', by: 'console' }, db);
    const session = await createSession({ userId: user.id }, db);
    actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: 'Người sao lưu', email: user.email };
    saved.push((await saveIndicator({ reportSlug: R, code: 'tang-truong-grdp', edit: await indicatorEdit(db, 'tang-truong-grdp', (v) => void (v.note = 'Ghi chú trước sao lưu')) }, actor, db)).revisionId);
    const s = (await findSectionForEdit({ reportSlug: R, slug: 'kinh-te' }, db))!;
    saved.push(
      (
        await saveSection(
          { reportSlug: R, slug: 'kinh-te', edit: sectionEditSchema.parse({ ...s.snapshot, body: `${s.snapshot.body}\n\nĐoạn thêm trước sao lưu.`, translations: s.snapshot.translations, version: s.version, reason }) },
          actor,
          db,
        )
      ).revisionId,
    );
    saved.push(
      (
        await createIndicator(
          {
            reportSlug: R,
            input: newIndicatorInput({ code: 'thu-sao-luu', name: 'Chỉ tiêu thử sao lưu', reason }),
          },
          actor,
          db,
        )
      ).revisionId,
    );
    saved.push((await saveIndicator({ reportSlug: R, code: 'tang-truong-grdp', edit: await indicatorEdit(db, 'tang-truong-grdp', (v) => void (v.note = 'Ghi chú sửa lần hai')) }, actor, db)).revisionId);
    file = path.join(work, 'backup.kqnk');
  }, 180_000);

  afterAll(async () => {
    for (const t of targets) await t.cleanup().catch(() => {});
    await source?.cleanup();
    pglite?.removeAll();
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('a backup restored into a fresh database answers every open-data endpoint byte for byte the same, now and in the past', async () => {
    const manifest = await source.backup(file);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.subarray(0, BACKUP_MAGIC.length + 1).toString()).toBe(`${BACKUP_MAGIC}\n`);
    expect(await readBackup(file)).toEqual(manifest);
    expect(manifest.engine).toBe(databaseKind());
    const head = await backupManifest(source.handle.db);
    expect(manifest.reports).toEqual(head.reports);
    const [newest] = await source.handle.db.select({ id: revisions.id, hash: revisions.hash }).from(revisions).orderBy(desc(revisions.id)).limit(1);
    expect(manifest.reports).toEqual([expect.objectContaining({ slug: R, newestRevisionId: newest!.id, newestHash: newest!.hash })]);
    // The report's head in the report-wide chain, as published at /api/v1/reports/<slug>/head; the
    // manifest line is itself a head file verify-history reads (`{ heads: [...] }`).
    const [chainHead] = await reportHeads(source.handle.db);
    expect(manifest.heads).toEqual([{ slug: R, seq: chainHead!.seq, hash: chainHead!.hash, at: chainHead!.at, revisionId: newest!.id }]);
    expect(parseSavedHeads(JSON.parse(onDisk.toString('utf8').split('\n')[1]!))).toEqual([{ slug: R, seq: chainHead!.seq, hash: chainHead!.hash }]);

    const t = await target();
    expect(await t.isEmpty()).toBe(true);
    const report = await t.restore(file);
    const total = await source.handle.db.select({ n: sql<number>`count(*)::int` }).from(revisions);
    expect(report.checkedRevisions).toBe(Number(total[0]!.n));

    const restored = await t.open();
    try {
      const moments: (string | null)[] = [null, 'r1', ...saved.map((id) => `r${id}`), `r${saved[0]! - 1}`, '2000-01-01', 'không-hợp-lệ'];
      for (const asOf of moments) {
        const [before, after] = [await openDataBodies(source.handle.db, asOf), await openDataBodies(restored.db, asOf)];
        expect(Object.keys(after)).toEqual(Object.keys(before));
        for (const endpoint of Object.keys(before)) expect(after[endpoint], `${endpoint}?asOf=${asOf}`).toBe(before[endpoint]);
      }
      // The restored database takes new saves where the original left off (sequences, sessions).
      const next = await saveIndicator({ reportSlug: R, code: 'thu-sao-luu', edit: await indicatorEdit(restored.db, 'thu-sao-luu', (v) => void (v.note = 'Sau khôi phục')) }, actor, restored.db);
      expect(next.revisionId).toBe(newest!.id + 1);
      expect(await verifyHistory(restored.db)).toMatchObject({ ok: true });
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('a backup taken while an editor saves holds the head its manifest names (restore checks it)', async () => {
    const db = source.handle.db;
    const before = await backupManifest(db);
    const during = path.join(work, 'during-saves.kqnk');
    const saving = (async () => {
      for (const n of [1, 2, 3]) {
        const s = (await findSectionForEdit({ reportSlug: R, slug: 'nguyen-nhan' }, db))!;
        await saveSection(
          { reportSlug: R, slug: 'nguyen-nhan', edit: sectionEditSchema.parse({ ...s.snapshot, body: `${s.snapshot.body} (${n})`, translations: s.snapshot.translations, version: s.version, reason }) },
          actor,
          db,
        );
      }
    })();
    const [manifest] = await Promise.all([source.backup(during), saving]);
    const count = manifest.reports[0]!.revisions;
    expect(count).toBeGreaterThanOrEqual(before.reports[0]!.revisions);
    expect(count).toBeLessThanOrEqual(before.reports[0]!.revisions + 3);
    const t = await target();
    const report = await t.restore(during);
    expect(report.manifest.reports).toEqual(manifest.reports);
  }, 180_000);

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const before = await backupManifest(source.handle.db);
    const error = await engine.restoreInto(source.location, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/không trống|not empty/);
    expect(await backupManifest(source.handle.db)).toEqual(before);
  }, 60_000);

  it('refuses a dump altered after it was written, before touching the target', async () => {
    const altered = path.join(work, 'altered-dump.kqnk');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    fs.writeFileSync(altered, bytes);
    const t = await target();
    const error = await t.restore(altered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/không khớp|does not match/);
    expect(await t.isEmpty()).toBe(true);
  }, 60_000);

  it('refuses a backup whose manifest names another head, and removes what it restored', async () => {
    const lines = fs.readFileSync(file);
    const first = lines.indexOf(0x0a);
    const second = lines.indexOf(0x0a, first + 1);
    const manifest = JSON.parse(lines.subarray(first + 1, second).toString()) as BackupManifest;
    manifest.reports[0]!.newestHash = 'f'.repeat(64);
    const forged = path.join(work, 'forged-head.kqnk');
    fs.writeFileSync(forged, Buffer.concat([lines.subarray(0, first + 1), Buffer.from(JSON.stringify(manifest)), lines.subarray(second)]));
    const t = await target();
    const error = await t.restore(forged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/khác với phần mô tả|differs from the manifest/);
    expect(await t.isEmpty()).toBe(true);
  }, 180_000);

  it('refuses a backup whose manifest names a report head the restored chain does not have', async () => {
    const lines = fs.readFileSync(file);
    const first = lines.indexOf(0x0a);
    const second = lines.indexOf(0x0a, first + 1);
    const manifest = JSON.parse(lines.subarray(first + 1, second).toString()) as BackupManifest;
    manifest.heads![0]!.hash = 'e'.repeat(64);
    const forged = path.join(work, 'forged-chain-head.kqnk');
    fs.writeFileSync(forged, Buffer.concat([lines.subarray(0, first + 1), Buffer.from(JSON.stringify(manifest)), lines.subarray(second)]));
    const t = await target();
    const error = await t.restore(forged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/đầu chuỗi của báo cáo|report heads differ/i);
    expect(await t.isEmpty()).toBe(true);
  }, 180_000);

  it('refuses a backup whose history was rewritten behind the triggers, and leaves no half-restored data', async () => {
    // As the owner (PGlite and the test server's role are superusers): the triggers that refuse
    // UPDATE are switched off, an old revision's content changed, the triggers switched on again.
    const db = source.handle.db;
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table revisions disable trigger user`);
      await tx
        .update(revisions)
        .set({ snapshot: sql`jsonb_set(${revisions.snapshot}, '{note}', '"Ghi chú bị sửa lén"')` })
        .where(eq(revisions.id, saved[0]!));
      await tx.execute(sql`alter table revisions enable trigger user`);
    });
    expect(await verifyHistory(db)).toMatchObject({ ok: false, broken: { revisionId: saved[0] } });
    const tampered = path.join(work, 'tampered.kqnk');
    await source.backup(tampered);
    const t = await target();
    const error = await t.restore(tampered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/bị gãy|is broken/);
    expect((error as Error).message).toContain(`#${saved[0]}`);
    expect(await t.isEmpty()).toBe(true);
  }, 180_000);
});
