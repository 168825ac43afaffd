/**
 * Crash safety (issue 11 point 4): a save the editor saw succeed is on disk. On each engine, three
 * editors (each in a browser context of their own, each on their own indicator) save through the
 * real form in a loop; right after a save commits (the server logs it), while others are on their
 * way, the server is killed with SIGKILL (its whole process group: tsx → scripts/start.ts →
 * next-server), as a crash or the OOM killer would.
 * Then, before anything is restarted: `npm run verify-history` opens the database and passes,
 * every item's version equals its number of revisions, the revision committed just before the
 * kill is there, and every save that had answered
 * "Đã lưu (phiên bản N)" is revision N of its indicator with the note that was typed. Then the
 * server starts again on the same data and the editors' kept input saves (or, when the save that
 * never answered had committed after all, the form shows the newer version: a conflict).
 *
 * Engines: PostgreSQL (a cluster of this spec's own, e2e/private-postgres.ts, port CRASH_PG_PORT,
 * default 5592; the server on CRASH_PORT, default 3692) and the embedded PGlite (a temporary
 * folder; the server on CRASH_PORT + 1). Needs a build (`next build`), not E2E_BASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  accounts,
  addEditors,
  Editor,
  indicatorCodes,
  noteOfRevision,
  notesInHistory,
  PortalServer,
  ROOT,
  signedInContext,
  VERSION_MISMATCHES,
  verifyHistory,
  withDatabase,
  type Engine,
  type SaveRecord,
} from './fault-harness';
import { PrivatePostgres } from './private-postgres';

const PG_PORT = Number(process.env.CRASH_PG_PORT ?? 5592);
const PORT = Number(process.env.CRASH_PORT ?? 3692);
const EDITORS = 3;
/** Saves each editor has seen succeed before the server is killed. */
const SAVED_BEFORE_KILL = 2;

let cluster: PrivatePostgres | undefined;
let pgliteDir: string | undefined;
const servers: PortalServer[] = [];

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  for (const server of servers) await server.stop();
  cluster?.destroy();
  cluster = undefined;
  if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
});

async function crashWhileSaving(engineName: 'postgres' | 'pglite', engine: Engine, port: number, browser: Browser) {
  const who = accounts(`crash-${engineName}`, EDITORS - 1);
  await addEditors(engine, who.editors);
  const server = new PortalServer(port, engine, who.admin, path.join(ROOT, `test-results/crash-${engineName}-server.log`));
  servers.push(server);
  await server.start();

  const codes = (await indicatorCodes(server.base)).slice(0, EDITORS);
  expect(codes, 'an indicator for each editor').toHaveLength(EDITORS);
  const editors: Editor[] = [];
  for (const [i, account] of [who.admin, ...who.editors].entries()) {
    const { page } = await signedInContext(browser, server.base, account);
    const editor = new Editor(`Biên tập viên ${i + 1}`, page, codes[i]!);
    await editor.open();
    editors.push(editor);
  }

  // ---- Everyone saves in a loop; once each has seen SAVED_BEFORE_KILL saves succeed, the next
  // save request to leave a browser is the moment: the server is killed while it is on its way.
  let killed = false;
  let enough: () => void = () => {};
  const enoughSaved = new Promise<void>((resolve) => (enough = resolve));
  const saved = (e: Editor) => e.records.filter((r) => r.outcome.kind === 'saved').length;
  const loops = editors.map(async (editor) => {
    for (;;) {
      const record = await editor.typeAndSave();
      if (editors.every((e) => saved(e) >= SAVED_BEFORE_KILL)) enough();
      if (record.outcome.kind !== 'saved' || killed) return;
    }
  });
  await enoughSaved;
  // The moment: a save has just committed (the server logs `staff_write` right after its COMMIT,
  // before answering), while the others are on their way. The newest commit is the one a lazy
  // flush would lose.
  const lastCommit = JSON.parse(await server.nextLogLine(/"event":"staff_write"/, server.logOffset())) as { revisionId: number; itemKey: string };
  killed = true;
  await server.kill();
  await Promise.all(loops);

  const records: SaveRecord[] = editors.flatMap((e) => e.records);
  await test.info().attach(`${engineName}-saves.json`, { body: JSON.stringify(records, null, 2), contentType: 'application/json' });
  const succeeded = records.filter((r) => r.outcome.kind === 'saved');
  expect(succeeded.length, 'saves that answered success before the kill').toBeGreaterThanOrEqual(EDITORS * SAVED_BEFORE_KILL);

  await test.step('a save the server never answered says so, and the form keeps the input', async () => {
    for (const editor of editors) {
      const last = editor.records.at(-1)!;
      // 'page-error': the server died while its answer (with the refreshed page) was streaming; the
      // staff error page shows instead of the form, and the typed text is gone from the screen.
      // Known, and said in the README; what was committed is checked below all the same.
      expect(['saved', 'no-answer', 'page-error'], `${editor.name}: ${JSON.stringify(last.outcome)}`).toContain(last.outcome.kind);
      if (last.outcome.kind === 'page-error') test.info().annotations.push({ type: `${engineName}, at the kill`, description: `${editor.name}: the staff error page replaced the form` });
      if (last.outcome.kind === 'no-answer') await editor.expectInputKept(last);
    }
  });

  await test.step('the database opens and `npm run verify-history` passes, before anything restarts', async () => {
    const verified = await verifyHistory(engine);
    expect(verified.ok, verified.output).toBe(true);
    expect(verified.output).toContain('OK:');
  });

  await test.step('every item version equals its number of revisions, and every save that answered success is there', async () => {
    await withDatabase(engine, async (query) => {
      expect(await query(VERSION_MISMATCHES)).toEqual([]);
      const logged = await query('select item_key from revisions where id = $1', [lastCommit.revisionId]);
      expect(logged, `revision ${lastCommit.revisionId}, committed just before the kill`).toEqual([{ item_key: lastCommit.itemKey }]);
      for (const record of succeeded) {
        const version = record.outcome.kind === 'saved' ? record.outcome.version : 0;
        expect(await noteOfRevision(query, record.code, version), `${record.code} revision ${version}`).toBe(record.note);
      }
    });
  });

  await test.step('the server starts again on the same data; each kept input saves, or shows the newer version if it had committed', async () => {
    await server.start();
    for (const editor of editors) {
      const last = editor.records.at(-1)!;
      if (last.outcome.kind !== 'no-answer') continue;
      const again = await editor.saveAgain();
      test.info().annotations.push({ type: `${engineName}, after the restart`, description: `${editor.name}: the save that never answered ${again.outcome.kind === 'conflict' ? 'had committed (conflict)' : 'had not committed (saved now)'}` });
      expect(['saved', 'conflict'], `${editor.name} saving again: ${JSON.stringify(again.outcome)}`).toContain(again.outcome.kind);
    }
  });

  await test.step('stopped again: the history is still whole, with every save that answered success', async () => {
    await server.stop();
    const verified = await verifyHistory(engine);
    expect(verified.ok, verified.output).toBe(true);
    await withDatabase(engine, async (query) => {
      expect(await query(VERSION_MISMATCHES)).toEqual([]);
      for (const editor of editors) {
        const notes = await notesInHistory(query, editor.code);
        for (const record of editor.records.filter((r) => r.outcome.kind === 'saved')) expect(notes, editor.name).toContain(record.note);
      }
    });
  });
}

test('PostgreSQL: the server killed (SIGKILL) while three editors save loses no save that answered success', async ({ browser }) => {
  test.setTimeout(420_000);
  cluster = PrivatePostgres.create(PG_PORT);
  cluster.start();
  cluster.createDatabase('kqnk_crash');
  await crashWhileSaving('postgres', { url: cluster.url('kqnk_crash') }, PORT, browser);
});

test('PGlite: the server killed (SIGKILL) while three editors save loses no save that answered success, and the folder opens again', async ({ browser }) => {
  test.setTimeout(420_000);
  pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-pglite-crash-'));
  await crashWhileSaving('pglite', { dataDir: path.join(pgliteDir, 'data') }, PORT + 1, browser);
});
