/**
 * The database parts of `npm run bench`: a temporary PostgreSQL database, saves through the data
 * layer, a grown history, the staff sign-in for the staff pages, verify-history, and the bench's
 * own administrator (on PostgreSQL or PGlite).
 */
import type { DatabaseTarget } from '../start';

export const BENCH_EMAIL = 'bench-editor@example.vn';
export const BENCH_PASSWORD = 'mật khẩu chỉ dùng cho bench';
export const BENCH_ADMIN_EMAIL = 'bench-admin@example.vn';
export const BENCH_ADMIN_PASSWORD = 'mật khẩu quản trị chỉ dùng cho bench';

export async function tryCreatePgDatabase(pgAdminUrl: string) {
  const { default: postgres } = await import('postgres');
  const admin = postgres(pgAdminUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const name = `kqnk_bench_${Date.now().toString(36)}`;
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } catch {
    return null;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const u = new URL(pgAdminUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    async drop() {
      const a = postgres(pgAdminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
}

const ms = (ns: bigint) => Number(ns) / 1e6;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Saves through the same data function the server action calls: one transaction, version check, revision. */
export async function benchSaves(url: string): Promise<void> {
  const { openDatabase } = await import('../../db/index');
  const { createUser } = await import('../../db/queries/accounts');
  const { createSession } = await import('../../db/queries/sessions');
  const { saveIndicator } = await import('../../db/queries/edits');
  const { findIndicatorForEdit, listIndicatorsForStaff } = await import('../../db/queries/staff');
  const handle = await openDatabase({ url, max: 10 });
  try {
    const user = await createUser({ email: BENCH_EMAIL, displayName: 'Bench', role: 'editor', password: BENCH_PASSWORD, by: 'console' }, handle.db);
    const session = await createSession({ userId: user.id }, handle.db);
    const actor = { userId: user.id, sessionId: session.id, role: 'editor' as const, displayName: 'Bench', email: BENCH_EMAIL };
    const codes = (await listIndicatorsForStaff({ reportSlug: 'soc-trang-2020-2025' }, handle.db)).map((i) => i.key);
    let n = 0;
    const saveOnce = async (code: string) => {
      const item = (await findIndicatorForEdit({ reportSlug: 'soc-trang-2020-2025', code }, handle.db))!;
      const { values, sectionId: _s, reportId: _r, code: _c, position: _p, ...fields } = item.snapshot;
      const started = process.hrtime.bigint();
      await saveIndicator(
        {
          reportSlug: 'soc-trang-2020-2025',
          code,
          edit: { ...fields, note: `bench ${++n}`, values, version: item.version, reason: { kind: 'bien_tap', text: 'bench' } } as never,
        },
        actor,
        handle.db,
      );
      return ms(process.hrtime.bigint() - started);
    };
    const sequential: number[] = [];
    for (let i = 0; i < 200; i++) sequential.push(await saveOnce(codes[i % codes.length]!));
    sequential.sort((a, b) => a - b);
    const writers = Math.min(8, codes.length);
    const perWriter = 50;
    const started = process.hrtime.bigint();
    const concurrent = (
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const out: number[] = [];
          for (let i = 0; i < perWriter; i++) out.push(await saveOnce(codes[w]!));
          return out;
        }),
      )
    )
      .flat()
      .sort((a, b) => a - b);
    const seconds = ms(process.hrtime.bigint() - started) / 1000;
    console.log('\n• Lưu chỉ tiêu (saves, through saveIndicator: check actor, lock, update, values, revision, one transaction)');
    console.log(`  tuần tự (sequential) 200: p50 ${percentile(sequential, 50).toFixed(1)} ms, p99 ${percentile(sequential, 99).toFixed(1)} ms`);
    console.log(
      `  ${writers} người lưu cùng lúc (concurrent writers) × ${perWriter}: ${((writers * perWriter) / seconds).toFixed(0)} lần lưu/s, p50 ${percentile(concurrent, 50).toFixed(1)} ms, p99 ${percentile(concurrent, 99).toFixed(1)} ms\n`,
    );
  } finally {
    await handle.close();
  }
}

/** Append synthetic, correctly chained revisions until the table holds `total` rows. */
export async function growHistory(url: string, total: number): Promise<void> {
  const { openDatabase } = await import('../../db/index');
  const { revisions } = await import('../../db/schema');
  const { reportChainHash, revisionHash } = await import('../../lib/revision-hash');
  const { sql } = await import('drizzle-orm');
  const handle = await openDatabase({ url, max: 2 });
  try {
    const started = Date.now();
    const [{ count }] = (await handle.db.select({ count: sql<number>`count(*)::int` }).from(revisions)) as [{ count: number }];
    const missing = total - count;
    if (missing <= 0) return;
    const latest = await handle.db
      .selectDistinctOn([revisions.itemType, revisions.itemId])
      .from(revisions)
      .where(sql`${revisions.itemType} in ('indicator', 'section') and ${revisions.snapshot} is not null`)
      .orderBy(revisions.itemType, revisions.itemId, sql`${revisions.revisionNo} desc`);
    const [{ max }] = (await handle.db.select({ max: sql<number>`max(id)::int` }).from(revisions)) as [{ max: number }];
    const [bench] = await handle.db.execute<{ id: number }>(sql`select id from users where email = ${BENCH_EMAIL}`);
    // Each report's chain continues from its head (ids rise with it, as appends under the lock do).
    const reportHeads = new Map(
      (
        await handle.db
          .selectDistinctOn([revisions.reportId], { reportId: revisions.reportId, seq: revisions.reportSeq, hash: revisions.reportHash })
          .from(revisions)
          .orderBy(revisions.reportId, sql`${revisions.reportSeq} desc`)
      ).map((h) => [h.reportId, { seq: h.seq, hash: h.hash }]),
    );
    let id = max;
    const t0 = Date.now() - 365 * 24 * 3600 * 1000;
    const step = (365 * 24 * 3600 * 1000) / missing;
    const heads = latest.map((r) => ({ ...r }));
    let batch: (typeof revisions.$inferInsert)[] = [];
    for (let i = 0; i < missing; i++) {
      const head = heads[i % heads.length]!;
      const snapshot = { ...(head.snapshot as Record<string, unknown>), note: `bench ${i}` };
      const content = {
        reportId: head.reportId,
        itemType: head.itemType,
        itemId: head.itemId,
        itemKey: head.itemKey,
        itemLabel: head.itemLabel,
        revisionNo: head.revisionNo + 1,
        action: 'update' as const,
        snapshot,
        authorId: bench?.id ?? null,
        authorName: 'Bench',
        reasonKind: 'bien_tap' as const,
        reasonText: `bench ${i}`,
        createdAt: new Date(Math.max(t0 + i * step, head.createdAt.getTime() + 1)),
        previousId: head.id,
        previousHash: head.hash,
      };
      const hash = revisionHash(content);
      const reportHead = reportHeads.get(head.reportId)!;
      const link = { reportId: head.reportId, reportSeq: reportHead.seq + 1, reportPreviousHash: reportHead.hash, hash };
      const reportHash = reportChainHash(link);
      reportHeads.set(head.reportId, { seq: link.reportSeq, hash: reportHash });
      const row = { ...content, ...link, id: ++id, reportHash };
      Object.assign(head, row);
      batch.push(row);
      if (batch.length === 2000) {
        await handle.db.insert(revisions).values(batch);
        batch = [];
      }
    }
    if (batch.length) await handle.db.insert(revisions).values(batch);
    await handle.db.execute(sql`select setval(pg_get_serial_sequence('revisions', 'id'), ${id})`);
    await handle.db.execute(sql`analyze revisions`);
    console.log(`• Lịch sử (history): thêm ${missing.toLocaleString('vi-VN')} phiên bản, tổng ${total.toLocaleString('vi-VN')} — ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

/** Sign in as the bench editor through Auth.js's credentials endpoint; returns the Cookie header. */
export async function signIn(base: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!.trim(), v.join('='));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ email: BENCH_EMAIL, password: BENCH_PASSWORD, csrfToken }).toString(),
  });
  keep(res);
  const check = await fetch(`${base}/quan-tri/thay-doi`, { headers: { cookie: cookie() }, redirect: 'manual' });
  if (check.status !== 200) {
    console.log(`  cảnh báo: đăng nhập cho bench không thành công (HTTP ${check.status}); bỏ qua các trang quản trị`);
    return null;
  }
  return cookie();
}

export async function timeVerify(url: string): Promise<void> {
  const { openDatabase } = await import('../../db/index');
  const { verifyHistory } = await import('../../db/history');
  const handle = await openDatabase({ url, max: 1 });
  try {
    const started = Date.now();
    const result = await verifyHistory(handle.db);
    console.log(`• verify-history: ${result.checked.toLocaleString('vi-VN')} phiên bản, ${result.ok ? 'toàn vẹn (ok)' : 'GÃY (broken)'} — ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

/** Create the bench's administrator (for the save → visible measurement) before the server starts. */
export async function createBenchAdmin(target: DatabaseTarget): Promise<void> {
  const { openDatabase } = await import('../../db/index');
  const { createUser } = await import('../../db/queries/accounts');
  const handle = await openDatabase('url' in target ? { url: target.url, max: 1 } : { dataDir: target.dataDir });
  try {
    await createUser({ email: BENCH_ADMIN_EMAIL, displayName: 'Bench admin', role: 'admin', password: BENCH_ADMIN_PASSWORD, by: 'console' }, handle.db);
  } finally {
    await handle.close();
  }
}

/** A real revision id for a past view of an indicator: its first revision (as the report was loaded). */
export async function firstRevisionOf(target: DatabaseTarget, code: string): Promise<number | null> {
  const { openDatabase } = await import('../../db/index');
  const { revisions } = await import('../../db/schema');
  const { and, asc, eq } = await import('drizzle-orm');
  const handle = await openDatabase('url' in target ? { url: target.url, max: 1 } : { dataDir: target.dataDir });
  try {
    const [row] = await handle.db
      .select({ id: revisions.id })
      .from(revisions)
      .where(and(eq(revisions.itemType, 'indicator'), eq(revisions.itemKey, code)))
      .orderBy(asc(revisions.id))
      .limit(1);
    return row?.id ?? null;
  } finally {
    await handle.close();
  }
}
