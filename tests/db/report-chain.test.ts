/**
 * The report-wide chain: sequence numbers in commit order with no gap, the same hash in SQL
 * (migration 0008) and in JS, a published head, and verify-history catching what the item
 * chains alone miss (a removed newest revision, a removed item, a rewrite with its item hash
 * recomputed, a reordering), naming the first bad link; a saved head proves the history has
 * only grown since. Tampering runs as the owner, with the append-only triggers disabled inside a
 * transaction that is rolled back, so each case starts from the same intact history.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { openDatabase, type DatabaseHandle, type DbOrTx, type Tx } from '@/db';
import { appendRevision, findReportHead, REPORT_CHAIN_LOCK, reportHeads, verifyHistory, type HistoryCheck } from '@/db/history';
import { migrationsFolder, prepareDatabase } from '@/db/prepare';
import { saveIndicator } from '@/db/queries/edits';
import { findIndicatorForEdit } from '@/db/queries/staff';
import { createUser } from '@/db/queries/accounts';
import { createSession } from '@/db/queries/sessions';
import { indicators, reports, revisions, type Revision } from '@/db/schema';
import type { Actor } from '@/db/permissions';
import { indicatorEditSchema } from '@/lib/validations/indicator';
import { indicatorFormValues } from '@/components/staff/indicator-form-values';
import { reportChainHash, revisionHash } from '@/lib/revision-hash';
import { buildHeadDocument, parseSavedHeads } from '@/lib/report-head';
import { createPostgresDatabase, createTestDatabase, databaseKind, testDatabaseUrl, type TestDatabase } from '../helpers/db';

const R = 'soc-trang-2020-2025';
const reason = { kind: 'sua_loi' as const, text: 'Kiểm tra chuỗi của báo cáo' };
const CODES = ['tang-truong-grdp', 'gia-tri-xuat-khau', 'dao-tao-can-bo', 'xa-nong-thon-moi-kieu-mau', 'huyen-nong-thon-moi', 'chi-so-san-xuat-cong-nghiep'];

class Rollback extends Error {}

describe(`the report chain and its head (${databaseKind()})`, () => {
  let t: TestDatabase;
  let actor: Actor;
  let reportId: number;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestDatabase();
    const user = await createUser({ email: 'chain@example.vn', displayName: 'Người sửa', role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử', by: 'console' }, t.db);
    const session = await createSession({ userId: user.id }, t.db);
    actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: 'Người sửa', email: user.email };
    reportId = (await t.db.select({ id: reports.id }).from(reports).where(eq(reports.slug, R)))[0]!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function save(code: string) {
    const item = (await findIndicatorForEdit({ reportSlug: R, code }, t.db))!;
    const values = indicatorFormValues(item.snapshot, item.version);
    values.reason = reason;
    values.note = `ghi chú ${++counter}`;
    return saveIndicator({ reportSlug: R, code, edit: indicatorEditSchema.parse(values) }, actor, t.db);
  }

  const chainOf = (conn: DbOrTx) => conn.select().from(revisions).where(eq(revisions.reportId, reportId)).orderBy(asc(revisions.reportSeq));
  const newestOf = async (conn: DbOrTx, code: string) =>
    (await conn.select().from(revisions).where(and(eq(revisions.itemType, 'indicator'), eq(revisions.itemKey, code))).orderBy(desc(revisions.revisionNo)).limit(1))[0]!;

  /** Tamper as the owner inside a transaction, check there, then roll everything back. */
  async function tampered(change: (tx: Tx) => Promise<void>, check: (tx: Tx) => Promise<HistoryCheck> = (tx) => verifyHistory(tx, { batchSize: 97 })) {
    let result: HistoryCheck | undefined;
    try {
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`alter table revisions disable trigger user`);
        await change(tx);
        result = await check(tx);
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    expect((await verifyHistory(t.db)).ok).toBe(true);
    return result!;
  }

  it('the seed is one gapless chain per report, ids rising with the sequence, and its head is the newest revision', async () => {
    const chain = await chainOf(t.db);
    expect(chain.map((r) => r.reportSeq)).toEqual(chain.map((_, i) => i + 1));
    expect(chain.map((r) => r.id)).toEqual([...chain.map((r) => r.id)].sort((a, b) => a - b));
    expect(chain[0]!.reportPreviousHash).toBeNull();
    for (const [i, r] of chain.entries()) {
      expect(r.reportHash).toBe(reportChainHash({ reportId, reportSeq: r.reportSeq, reportPreviousHash: i ? chain[i - 1]!.reportHash : null, hash: r.hash }));
    }
    const last = chain.at(-1)!;
    const heads = await reportHeads(t.db);
    expect(heads).toEqual([{ reportId, slug: R, seq: last.reportSeq, hash: last.reportHash, at: last.createdAt.toISOString(), revisionId: last.id }]);
    expect(await findReportHead({ slug: R }, t.db)).toEqual(heads[0]);
    const check = await verifyHistory(t.db);
    expect(check).toMatchObject({ ok: true, checked: chain.length, heads });
  });

  it('the database computes the same report hash as the application (migration 0008 backfills with it)', async () => {
    const [first, second] = await chainOf(t.db);
    const rows = await t.db.execute<{ a: string; b: string }>(sql`select
      revision_report_hash(${reportId}, 1, null, ${first!.hash}) as a,
      revision_report_hash(${reportId}, 2, ${first!.reportHash}, ${second!.hash}) as b`);
    const [row] = Array.isArray(rows) ? rows : (rows as unknown as { rows: { a: string; b: string }[] }).rows;
    expect(row).toEqual({ a: first!.reportHash, b: second!.reportHash });
  });

  it('concurrent saves of different items of one report get the next sequence numbers, gapless, in commit (= id) order', async () => {
    const before = (await findReportHead({ slug: R }, t.db))!;
    const saved = await Promise.all(CODES.map((code) => save(code)));
    const added = await t.db.select().from(revisions).where(and(eq(revisions.reportId, reportId), gt(revisions.reportSeq, before.seq))).orderBy(asc(revisions.reportSeq));
    expect(added.map((r) => r.reportSeq)).toEqual(CODES.map((_, i) => before.seq + 1 + i));
    expect(added.map((r) => r.id).sort((a, b) => a - b)).toEqual(saved.map((s) => s.revisionId).sort((a, b) => a - b));
    // Sequence order is id order is time order: each append read the one before it.
    for (let i = 1; i < added.length; i++) {
      expect(added[i]!.id).toBeGreaterThan(added[i - 1]!.id);
      expect(added[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(added[i - 1]!.createdAt.getTime());
      expect(added[i]!.reportPreviousHash).toBe(added[i - 1]!.reportHash);
    }
    expect(added[0]!.reportPreviousHash).toBe(before.hash);
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });

  it('an append waits for the report lock held by an uncommitted append, then follows it', async () => {
    const input = (code: string, itemId: number) => ({
      reportId,
      itemType: 'indicator' as const,
      itemId,
      itemKey: code,
      itemLabel: code,
      action: 'update' as const,
      snapshot: { note: code },
      author: { id: null, name: 'Kiểm thử' },
      reason,
    });
    const ids = await t.db.select({ id: indicators.id, code: indicators.code }).from(indicators).where(eq(indicators.reportId, reportId)).limit(2);
    const [x, y] = ids as [{ id: number; code: string }, { id: number; code: string }];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstSeen!: (r: Revision) => void;
    const firstAppended = new Promise<Revision>((resolve) => (firstSeen = resolve));
    const first = t.db.transaction(async (tx) => {
      const row = await appendRevision(input(x.code, x.id), tx);
      firstSeen(row);
      await gate;
      return row;
    });
    await firstAppended;
    const second = appendRevision(input(y.code, y.id), t.db);
    if (databaseKind() === 'postgres') {
      // The second append is queued on the report's lock while the first transaction is open.
      for (;;) {
        const waiting = await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and classid = ${REPORT_CHAIN_LOCK} and objid = ${reportId}`,
        );
        if ((waiting as unknown as { n: number }[])[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(b.reportSeq).toBe(a.reportSeq + 1);
    expect(b.reportPreviousHash).toBe(a.reportHash);
    expect(b.id).toBeGreaterThan(a.id);
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });

  it('deleting the newest revision of an item (not the report’s newest) breaks the report chain at the next revision', async () => {
    await save('tang-truong-grdp');
    const victim = await newestOf(t.db, 'tang-truong-grdp');
    await save('gia-tri-xuat-khau');
    const check = await tampered(async (tx) => {
      await tx.delete(revisions).where(eq(revisions.id, victim.id));
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const [next] = await t.db.select().from(revisions).where(and(eq(revisions.reportId, reportId), eq(revisions.reportSeq, victim.reportSeq + 1)));
    expect(check.broken).toMatchObject({ chain: 'report', revisionId: next!.id, reportSlug: R, reportSeq: victim.reportSeq + 1, itemKey: 'gia-tri-xuat-khau' });
    expect(check.broken.problem).toBe(`số thứ tự trong báo cáo nhảy từ ${victim.reportSeq - 1} lên ${victim.reportSeq + 1}: thiếu 1 phiên bản`);
  });

  it('deleting the report’s newest revision leaves a shorter consistent chain: caught against the head saved before', async () => {
    const saved = parseSavedHeads(JSON.parse(JSON.stringify(buildHeadDocument((await findReportHead({ slug: R }, t.db))!))));
    const check = await tampered(
      async (tx) => {
        const head = (await findReportHead({ slug: R }, tx))!;
        await tx.delete(revisions).where(eq(revisions.id, head.revisionId));
      },
      async (tx) => {
        expect((await verifyHistory(tx)).ok).toBe(true);
        return verifyHistory(tx, { heads: saved });
      },
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.broken).toMatchObject({ chain: 'head', revisionId: null, reportSlug: R, reportSeq: saved[0]!.seq });
    expect(check.broken.problem).toContain(`lịch sử hiện chỉ đến số ${saved[0]!.seq - 1}`);
  });

  it('deleting a whole item’s chain is caught at its first revision’s place in the report', async () => {
    const [item] = await t.db.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.reportId, reportId), eq(indicators.code, 'dao-tao-can-bo')));
    const gone = await t.db.select().from(revisions).where(and(eq(revisions.itemType, 'indicator'), eq(revisions.itemId, item!.id))).orderBy(asc(revisions.reportSeq));
    expect(gone.length).toBeGreaterThan(1);
    const check = await tampered(async (tx) => {
      await tx.delete(revisions).where(and(eq(revisions.itemType, 'indicator'), eq(revisions.itemId, item!.id)));
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const firstGap = gone[0]!.reportSeq;
    let next = firstGap + 1;
    while (gone.some((g) => g.reportSeq === next)) next++;
    const [after] = await t.db.select().from(revisions).where(and(eq(revisions.reportId, reportId), eq(revisions.reportSeq, next)));
    expect(check.broken).toMatchObject({ chain: 'report', revisionId: after!.id, reportSeq: next });
    expect(check.broken.problem).toContain(`nhảy từ ${firstGap - 1} lên ${next}`);
  });

  it('a revision rewritten with its item hash recomputed is caught by the report chain, at that revision', async () => {
    await save('xa-nong-thon-moi-kieu-mau');
    const victim = await newestOf(t.db, 'xa-nong-thon-moi-kieu-mau');
    await save('huyen-nong-thon-moi');
    const check = await tampered(async (tx) => {
      const { id: _id, hash: _hash, reportSeq: _s, reportPreviousHash: _p, reportHash: _h, ...content } = victim;
      const forged = { ...content, snapshot: content.snapshot ?? null, reasonText: 'Lý do bị sửa lén' };
      await tx.update(revisions).set({ reasonText: forged.reasonText, hash: revisionHash(forged) }).where(eq(revisions.id, victim.id));
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.broken).toMatchObject({ chain: 'report', revisionId: victim.id, reportSeq: victim.reportSeq, itemKey: 'xa-nong-thon-moi-kieu-mau', revisionNo: victim.revisionNo });
    expect(check.broken.problem).toMatch(/mã băm trong chuỗi của báo cáo không khớp/);
  });

  it('a rewrite with every hash after it recomputed passes on its own, and is caught against a saved head', async () => {
    const saved = parseSavedHeads([buildHeadDocument((await findReportHead({ slug: R }, t.db))!)]);
    const victim = await newestOf(t.db, 'chi-so-san-xuat-cong-nghiep');
    const check = await tampered(
      async (tx) => {
        const { id: _id, hash: _hash, reportSeq: _s, reportPreviousHash: _p, reportHash: _h, ...content } = victim;
        const forged = { ...content, snapshot: content.snapshot ?? null, reasonText: 'Lý do bị sửa lén' };
        await tx.update(revisions).set({ reasonText: forged.reasonText, hash: revisionHash(forged) }).where(eq(revisions.id, victim.id));
        let previous = (await tx.select().from(revisions).where(and(eq(revisions.reportId, reportId), eq(revisions.reportSeq, victim.reportSeq - 1))))[0]!.reportHash;
        for (const row of await tx.select().from(revisions).where(and(eq(revisions.reportId, reportId), gt(revisions.reportSeq, victim.reportSeq - 1))).orderBy(asc(revisions.reportSeq))) {
          const reportHash = reportChainHash({ reportId, reportSeq: row.reportSeq, reportPreviousHash: previous, hash: row.hash });
          await tx.update(revisions).set({ reportPreviousHash: previous, reportHash }).where(eq(revisions.id, row.id));
          previous = reportHash;
        }
      },
      async (tx) => {
        expect((await verifyHistory(tx)).ok).toBe(true);
        return verifyHistory(tx, { heads: saved });
      },
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.broken).toMatchObject({ chain: 'head', reportSeq: saved[0]!.seq });
    expect(check.broken.problem).toMatch(/khác với đầu chuỗi đã lưu/);
  });

  it('two revisions swapping their sequence numbers are caught at the lower one', async () => {
    const chain = await chainOf(t.db);
    const [a, b] = [chain.at(-5)!, chain.at(-3)!];
    const check = await tampered(async (tx) => {
      await tx.update(revisions).set({ reportSeq: -1 }).where(eq(revisions.id, a.id));
      await tx.update(revisions).set({ reportSeq: a.reportSeq }).where(eq(revisions.id, b.id));
      await tx.update(revisions).set({ reportSeq: b.reportSeq }).where(eq(revisions.id, a.id));
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.broken).toMatchObject({ chain: 'report', revisionId: b.id, reportSeq: a.reportSeq });
  });

  it('a saved head is accepted after more saves; one with a different hash, or ahead of the history, is refused', async () => {
    const head = (await findReportHead({ slug: R }, t.db))!;
    const saved = parseSavedHeads(JSON.parse(JSON.stringify(buildHeadDocument(head))));
    await save('tang-truong-grdp');
    await save('dao-tao-can-bo');
    const now = (await findReportHead({ slug: R }, t.db))!;
    expect(now.seq).toBe(head.seq + 2);
    expect(now.hash).not.toBe(head.hash);
    expect(await verifyHistory(t.db, { heads: saved })).toMatchObject({ ok: true, heads: [now] });
    // The head at a past revision is that revision's place in the chain: what ?asOf=r<id> publishes.
    expect(await findReportHead({ slug: R, revisionId: head.revisionId }, t.db)).toEqual(head);

    const forged = [{ ...saved[0]!, hash: 'f'.repeat(64) }];
    const refused = await verifyHistory(t.db, { heads: forged });
    expect(refused).toMatchObject({ ok: false, broken: { chain: 'head', revisionId: head.revisionId, reportSeq: head.seq } });
    const ahead = await verifyHistory(t.db, { heads: [{ ...saved[0]!, seq: now.seq + 1 }] });
    expect(ahead).toMatchObject({ ok: false, broken: { chain: 'head', revisionId: null } });
    expect(await verifyHistory(t.db, { heads: [{ ...saved[0]!, slug: 'khong-co' }] })).toMatchObject({ ok: false, broken: { chain: 'head' } });
  });
});

/**
 * Existing data: a database at migration 0007 with revisions written before the report chain,
 * then migrated: every revision gets its place in id order and verify-history passes.
 */
describe(`migration 0008 chains the existing history (${databaseKind()})`, () => {
  let handle: DatabaseHandle;
  let drop: (() => Promise<void>) | null = null;
  const dir = mkdtempSync(path.join(tmpdir(), 'kqnk-0008-'));

  async function migrateFolder(folder: string) {
    if (handle.kind === 'postgres') await migratePostgres(handle.db, { migrationsFolder: folder });
    else {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(handle.db as never, { migrationsFolder: folder });
    }
  }

  beforeAll(async () => {
    const adminUrl = testDatabaseUrl();
    if (adminUrl) {
      const created = await createPostgresDatabase(adminUrl);
      drop = created.drop;
      handle = await openDatabase({ url: created.url, max: 2 });
    } else {
      handle = await openDatabase({ dataDir: 'memory://' });
    }
    // The migrations folder as it was before 0008.
    const before = path.join(dir, 'migrations');
    cpSync(migrationsFolder, before, { recursive: true, filter: (src) => !/0008_/.test(path.basename(src)) });
    const journal = JSON.parse(readFileSync(path.join(before, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0008');
    writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal));
    await migrateFolder(before);
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('assigns sequence numbers in id order per report, the same hashes the application computes, and verify-history passes', async () => {
    // Old-style revisions: two reports interleaved, item chains only.
    const previous = new Map<string, { id: number; no: number; hash: string }>();
    const written: { id: number; reportId: number; hash: string }[] = [];
    const at = new Date('2026-01-02T03:04:05.678Z');
    const order: [reportId: number, itemId: number][] = [[1, 10], [2, 20], [1, 11], [1, 10], [2, 20], [1, 12]];
    for (const [i, [reportId, itemId]] of order.entries()) {
      const before = previous.get(`${reportId}/${itemId}`);
      const content = {
        reportId,
        itemType: 'indicator' as const,
        itemId,
        itemKey: `chi-tieu-${itemId}`,
        itemLabel: `Chỉ tiêu ${itemId}`,
        revisionNo: (before?.no ?? 0) + 1,
        action: before ? ('update' as const) : ('import' as const),
        snapshot: { n: i },
        authorId: null,
        authorName: 'Trước 0008',
        reasonKind: 'sua_loi' as const,
        reasonText: `lần ${i}`,
        createdAt: at,
        previousId: before?.id ?? null,
        previousHash: before?.hash ?? null,
      };
      const hash = revisionHash(content);
      const rows = await handle.db.execute<{ id: number }>(sql`insert into revisions
        (report_id, item_type, item_id, item_key, item_label, revision_no, action, snapshot, author_id, author_name, reason_kind, reason_text, created_at, previous_id, previous_hash, hash)
        values (${reportId}, 'indicator', ${itemId}, ${content.itemKey}, ${content.itemLabel}, ${content.revisionNo}, ${content.action}, ${JSON.stringify(content.snapshot)}::jsonb,
                null, ${content.authorName}, ${content.reasonKind}, ${content.reasonText}, ${at.toISOString()}::timestamptz, ${content.previousId}, ${content.previousHash}, ${hash})
        returning id::int as id`);
      const id = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: number }[] }).rows)[0]!.id;
      previous.set(`${reportId}/${itemId}`, { id, no: content.revisionNo, hash });
      written.push({ id, reportId, hash });
    }

    await migrateFolder(migrationsFolder);

    const rows = await handle.db.select().from(revisions).orderBy(asc(revisions.id));
    const last = new Map<number, { seq: number; hash: string }>();
    for (const [i, row] of rows.entries()) {
      const before = last.get(row.reportId);
      const seq = (before?.seq ?? 0) + 1;
      expect(row.id).toBe(written[i]!.id);
      expect(row.reportSeq).toBe(seq);
      expect(row.reportPreviousHash).toBe(before?.hash ?? null);
      expect(row.reportHash).toBe(reportChainHash({ reportId: row.reportId, reportSeq: seq, reportPreviousHash: before?.hash ?? null, hash: written[i]!.hash }));
      last.set(row.reportId, { seq, hash: row.reportHash });
    }
    expect(await verifyHistory(handle.db)).toMatchObject({ ok: true, checked: 6 });

    // The chain goes on from there, and the triggers refuse changes again.
    const next = await appendRevision(
      { reportId: 1, itemType: 'indicator', itemId: 11, itemKey: 'chi-tieu-11', itemLabel: 'Chỉ tiêu 11', action: 'update', snapshot: { n: 9 }, author: { id: null, name: 'Sau 0008' }, reason },
      handle.db,
    );
    expect(next).toMatchObject({ reportSeq: 5, reportPreviousHash: last.get(1)!.hash, revisionNo: 2 });
    expect((await verifyHistory(handle.db)).ok).toBe(true);
    await expect(handle.db.execute(sql`update revisions set report_seq = 99 where id = ${next.id}`)).rejects.toThrow();
  });
});

/** The command itself: `npm run verify-history -- --head <file>`, its exit codes. */
describe(`npm run verify-history -- --head (${databaseKind()})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kqnk-head-'));
  let env: Record<string, string>;
  let drop: (() => Promise<void>) | null = null;
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/verify-history.ts', ...args], {
      env: { ...process.env, ...env },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  afterAll(async () => {
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a head saved before more saves, and refuses a forged one with a non-zero exit', async () => {
    const adminUrl = testDatabaseUrl();
    let handle: DatabaseHandle;
    if (adminUrl) {
      const created = await createPostgresDatabase(adminUrl);
      drop = created.drop;
      handle = await openDatabase({ url: created.url, max: 2 });
      env = { DATABASE_URL: created.url };
    } else {
      handle = await openDatabase({ dataDir: path.join(dir, 'pglite') });
      env = { DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'pglite') };
    }
    try {
      await prepareDatabase(handle);
      const head = (await findReportHead({ slug: R }, handle.db))!;
      writeFileSync(path.join(dir, 'head.json'), JSON.stringify(buildHeadDocument(head)));
      writeFileSync(path.join(dir, 'forged.json'), JSON.stringify({ ...buildHeadDocument(head), hash: '0'.repeat(64) }));
      const [row] = await handle.db.select().from(revisions).where(eq(revisions.id, head.revisionId));
      await appendRevision(
        { reportId: row!.reportId, itemType: row!.itemType, itemId: row!.itemId, itemKey: row!.itemKey, itemLabel: row!.itemLabel, action: 'update', snapshot: { later: true }, author: { id: null, name: 'Kiểm thử' }, reason },
        handle.db,
      );
    } finally {
      await handle.close();
    }
    const good = await run('--head', path.join(dir, 'head.json'));
    expect(good.out).toContain('vẫn nằm trong lịch sử');
    expect(good.code).toBe(0);
    const bad = await run('--head', path.join(dir, 'forged.json'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('đầu chuỗi đã lưu (saved head)');
    const unreadable = await run('--head', path.join(dir, 'missing.json'));
    expect(unreadable.code).toBe(2);
  });
});
