/**
 * PostgreSQL dying mid-load (issue 11 point 5). Public readers keep requesting pages and two
 * editors (browser contexts of their own, each on their own indicator) keep saving through the
 * real form; while a save is on its way, every process of the PostgreSQL server is killed with
 * SIGKILL (e2e/private-postgres.ts `killHard`: no shutdown, no checkpoint), and 5 s later it is
 * started again (crash recovery from the WAL). The portal server is never restarted.
 *
 * - A save that failed says so plainly, and the form keeps what was typed: "nothing was saved"
 *   (the transaction never reached its COMMIT), or "not known whether it was saved" (the
 *   connection went while the COMMIT was on its way). The editors press save again, as the
 *   message says; a save said "nothing was saved" is never found saved afterwards.
 * - Saves in flight committed whole or not at all: every item's version equals its number of
 *   revisions, `npm run verify-history` passes, every save that answered success is its
 *   indicator's revision N with the note that was typed.
 * - The portal reconnects by itself within 30 s of the database returning: /api/health answers
 *   200, and each editor's save succeeds.
 *
 * A cluster of this spec's own (port DB_DEATH_PG_PORT, default 5591) and a `next start` of its own
 * (DB_DEATH_PORT, default 3691); never the shared server at 5432. Needs a build, not E2E_BASE_URL.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import {
  accounts,
  addEditors,
  Editor,
  indicatorCodes,
  noteOfRevision,
  PortalServer,
  ROOT,
  signedInContext,
  VERSION_MISMATCHES,
  verifyHistory,
  withDatabase,
  type SaveRecord,
} from './fault-harness';
import { PrivatePostgres } from './private-postgres';

const PG_PORT = Number(process.env.DB_DEATH_PG_PORT ?? 5591);
const PORT = Number(process.env.DB_DEATH_PORT ?? 3691);
/** The issue's own deadline: back by itself within 30 s of the database returning. */
const RECONNECT_DEADLINE_MS = 30_000;
const DOWN_FOR_MS = 5_000;
const READERS = 3;
const WHO = accounts('db-death', 1);

let cluster: PrivatePostgres | undefined;
let server: PortalServer | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = PrivatePostgres.create(PG_PORT);
  cluster.start();
  cluster.createDatabase('kqnk_db_death');
  const engine = { url: cluster.url('kqnk_db_death') };
  await addEditors(engine, WHO.editors);
  server = new PortalServer(PORT, engine, WHO.admin, path.join(ROOT, 'test-results/db-death-server.log'));
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  server = undefined;
  cluster?.destroy();
  cluster = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('PostgreSQL killed (SIGKILL) under readers and two editors, back 5 s later: saves whole or not at all, clear messages with input kept, reconnects by itself', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const base = server!.base;
  const engine = { url: cluster!.url('kqnk_db_death') };

  const codes = (await indicatorCodes(base)).slice(0, 2);
  const editors: Editor[] = [];
  for (const [i, who] of [WHO.admin, ...WHO.editors].entries()) {
    const { page } = await signedInContext(browser, base, who);
    const editor = new Editor(`Biên tập viên ${i + 1}`, page, codes[i]!);
    await editor.open();
    editors.push(editor);
  }

  // ---- Readers: public pages and health, round and round, until told to stop. This server shares
  // .next with the main e2e server and could find that server's pages on disk, never having read
  // their data itself: a first save by each editor clears their tags, so the first reads below
  // render them here, as on a server that has been running for a while (e2e/outage.spec.ts does
  // the same).
  for (const editor of editors) expect((await editor.typeAndSave()).outcome.kind).toBe('saved');
  const pages = ['/', '/chi-tieu', '/muc', ...codes.map((c) => `/chi-tieu/${c}`), '/en/chi-tieu', '/api/health'];
  for (const p of pages) {
    const res = await fetch(`${base}${p}`); // rendered here while the database is up
    await res.arrayBuffer();
    expect(res.status, p).toBe(200);
  }
  let reading = true;
  const answers = new Map<string, number>(); // "status" → count; "error" for no HTTP answer at all
  const readers = Array.from({ length: READERS }, async (_, r) => {
    for (let i = r; reading; i++) {
      const p = pages[i % pages.length]!;
      let key: string;
      try {
        const res = await fetch(`${base}${p}`, { signal: AbortSignal.timeout(30_000), redirect: 'manual' });
        await res.arrayBuffer();
        key = p === '/api/health' ? `health ${res.status}` : String(res.status);
      } catch (error) {
        key = `error: ${(error as Error).message}`;
      }
      answers.set(key, (answers.get(key) ?? 0) + 1);
    }
  });

  // ---- Editors: save; after a failure, check the message and the kept input, then press save
  // again a second later with the same input, as the message says; stop at the first save that
  // succeeds once the database is back.
  let backAt: number | undefined;
  const recoveredAt = new Map<Editor, number>();
  /** Saves that committed but whose answer ended on the staff error page (checked: the form then holds them). */
  const committedBehindErrorPage = new Set<SaveRecord>();
  let enough: () => void = () => {};
  const enoughSaved = new Promise<void>((resolve) => (enough = resolve));
  const saved = (e: Editor) => e.records.filter((r) => r.outcome.kind === 'saved').length;
  const loops = editors.map(async (editor) => {
    let retry = false;
    for (;;) {
      const record = retry ? await editor.saveAgain() : await editor.typeAndSave();
      const { kind } = record.outcome;
      if (editors.every((e) => saved(e) >= 3)) enough();
      if (kind === 'saved') {
        retry = false;
        if (backAt !== undefined && record.at > backAt) {
          recoveredAt.set(editor, record.at);
          return;
        }
      } else if (kind === 'refused' || kind === 'unknown') {
        await editor.expectInputKept(record);
        retry = true;
        await sleep(1_000);
      } else if (kind === 'conflict') {
        // The save whose outcome was unknown had committed: take the stored version and go on.
        await editor.open();
        retry = false;
      } else if (kind === 'page-error') {
        // The save committed, then the page its answer carries (re-rendered because the save
        // cleared its cache tags) needed the database as it went away: the staff error page shows
        // instead of the form. Nothing was lost: once the database is back, the form holds the text.
        await expect.poll(() => backAt !== undefined, { timeout: 60_000 }).toBe(true);
        await expect
          .poll(async () => editor.open().then(() => true, () => false), { timeout: RECONNECT_DEADLINE_MS, intervals: [1_000] })
          .toBe(true);
        await editor.form.expectNote(record.note);
        committedBehindErrorPage.add(record);
        retry = false;
      } else {
        return; // anything else fails the checks below, with the record
      }
    }
  });

  await enoughSaved;
  // The moment: a save request has just left a browser.
  await Promise.race(editors.map((e) => e.page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/quan-tri/chi-tieu/'))));
  await sleep(50);
  await cluster!.killHard();
  const killedAt = Date.now();
  expect(cluster!.pid()).toBeNull();
  await sleep(DOWN_FOR_MS);
  cluster!.start(); // crash recovery, then accepting connections
  backAt = Date.now();
  test.info().annotations.push({ type: 'outage', description: `killed, started ${backAt - killedAt} ms later` });

  await test.step('the portal reconnects by itself: /api/health answers 200 within 30 s of the database returning', async () => {
    await expect.poll(() => server!.health(), { timeout: RECONNECT_DEADLINE_MS, intervals: [250, 500, 1000] }).toBe(200);
    test.info().annotations.push({ type: 'reconnected', description: `health 200 ${Date.now() - backAt!} ms after the database returned` });
  });

  await test.step('each editor saves again successfully within 30 s of the database returning', async () => {
    await Promise.all(loops);
    for (const editor of editors) {
      const at = recoveredAt.get(editor);
      expect(at, `${editor.name}: ${JSON.stringify(editor.records.slice(-3))}`).toBeDefined();
      expect(at! - backAt!, `${editor.name} saved within 30 s of the database returning`).toBeLessThan(RECONNECT_DEADLINE_MS);
      test.info().annotations.push({ type: 'saved again', description: `${editor.name}: ${at! - backAt!} ms after the database returned` });
    }
  });
  reading = false;
  await Promise.all(readers);

  const records: SaveRecord[] = editors.flatMap((e) => e.records);
  await test.info().attach('saves.json', { body: JSON.stringify(records, null, 2), contentType: 'application/json' });
  await test.info().attach('reader-answers.json', { body: JSON.stringify(Object.fromEntries(answers), null, 2), contentType: 'application/json' });

  await test.step('every failed save said plainly what happened (and kept the input, checked as it failed)', async () => {
    for (const record of records) {
      if (committedBehindErrorPage.has(record)) continue;
      expect(['saved', 'refused', 'unknown', 'conflict'], JSON.stringify(record)).toContain(record.outcome.kind);
    }
    for (const editor of editors) {
      expect(
        editor.records.some((r) => r.outcome.kind === 'refused' || r.outcome.kind === 'unknown'),
        `${editor.name} saved while the database was down and was told so`,
      ).toBe(true);
    }
  });

  await test.step('"nothing was saved" was true: pressing save again never met that same save already stored', async () => {
    for (const editor of editors) {
      editor.records.forEach((record, i) => {
        const next = editor.records[i + 1];
        if (record.outcome.kind === 'refused' && next) expect(next.outcome.kind, JSON.stringify([record, next])).not.toBe('conflict');
      });
    }
  });

  await test.step('readers always got an answer from the same server; public pages answered 200 throughout', async () => {
    const seen = JSON.stringify(Object.fromEntries(answers));
    expect([...answers.keys()].filter((k) => k.startsWith('error')), seen).toEqual([]);
    // Pages read before the outage are served from Next's cache (stale, for those a save had cleared).
    expect([...answers.keys()].filter((k) => !k.startsWith('health')), seen).toEqual(['200']);
    expect(server!.pid, 'the portal server was not restarted').toBeDefined();
  });

  await test.step('saves in flight committed whole or not at all: versions equal revision counts, verify-history passes', async () => {
    await withDatabase(engine, async (query) => {
      expect(await query(VERSION_MISMATCHES)).toEqual([]);
      for (const record of records) {
        if (record.outcome.kind !== 'saved') continue;
        expect(await noteOfRevision(query, record.code, record.outcome.version), `${record.code} revision ${record.outcome.version}`).toBe(record.note);
      }
    });
    const verified = await verifyHistory(engine);
    expect(verified.ok, verified.output).toBe(true);
    expect(verified.output).toContain('OK:');
  });
});
