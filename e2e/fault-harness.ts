/**
 * Parts the fault specs share (e2e/crash.spec.ts, e2e/db-death.spec.ts): a portal server of the
 * spec's own (scripts/start.ts, as `npm start` runs it, in its own process group, so it can be
 * stopped — or killed — whole), staff accounts made with `npm run user`, editors saving in a loop
 * through the real form and recording what each save answered, and the checks afterwards, read
 * straight from the database: every item's version equals its number of revisions, and every
 * save that answered "saved" is in the history with what was typed.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { IndicatorFormPage } from './pages/indicator-form';
import { SignInPage, type Credentials } from './pages/sign-in';
import { StaffArea } from './pages/staff-area';

export const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Where the data lives: a PostgreSQL database, or a PGlite folder. */
export type Engine = { url: string } | { dataDir: string };

/** The environment that points a process at `engine` and nothing else. */
function engineEnv(engine: Engine, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...base };
  // The main e2e server's own settings must not leak into a fault server.
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'PGLITE_DIR', 'E2E_BASE_URL']) delete env[name];
  if ('url' in engine) env.DATABASE_URL = engine.url;
  else env.PGLITE_DIR = engine.dataDir;
  return env;
}

/** What a staff save says when the database is down and the transaction never committed (lib/actions.ts). */
export const SAVE_REFUSED = 'Cơ sở dữ liệu tạm thời không truy cập được, chưa có gì được lưu';
/** … when the connection went while the COMMIT was on its way (lib/actions.ts `outcome_unknown`). */
export const SAVE_OUTCOME_UNKNOWN = 'Mất kết nối với cơ sở dữ liệu đúng lúc đang lưu, nên chưa biết thay đổi đã được lưu hay chưa';
/** The heading of the staff area's error page (app/(staff)/error.tsx). */
export const PAGE_ERROR = 'Đã có lỗi khi hiển thị trang này';

/** … when the server never answered (components/staff/use-versioned-save.tsx `NO_ANSWER`). */
export const SAVE_NO_ANSWER = 'Không nhận được trả lời từ máy chủ nên chưa biết thay đổi đã được lưu hay chưa';

const PASSWORD_TAIL = 'dùng riêng cho kiểm thử sự cố, không dùng ở nơi nào khác';

/** The first administrator (bootstrapped by the server) and editors made with `npm run user`. */
export function accounts(prefix: string, editors: number): { admin: Credentials; editors: Credentials[] } {
  return {
    admin: { email: `${prefix}-admin@example.vn`, password: `mật khẩu quản trị ${PASSWORD_TAIL}` },
    editors: Array.from({ length: editors }, (_, i) => ({
      email: `${prefix}-editor-${i + 1}@example.vn`,
      password: `mật khẩu biên tập viên số ${i + 1} ${PASSWORD_TAIL}`,
    })),
  };
}

/** Run a script of the project with tsx, as its npm script does; resolves with its output, rejects on a non-zero exit. */
function runScript(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [TSX, ...args], { cwd: ROOT, env, timeout: 180_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve({ stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

/** `npm run user -- add …` for each editor (before the server starts: PGlite allows one process per folder). */
export async function addEditors(engine: Engine, editors: Credentials[]): Promise<void> {
  for (const [i, who] of editors.entries()) {
    await runScript(
      ['--conditions=react-server', 'scripts/user.ts', 'add', '--email', who.email, '--name', `Biên tập viên ${i + 1}`, '--role', 'editor'],
      engineEnv(engine),
      `${who.password}\n`,
    );
  }
}

/** `npm run verify-history` on `engine`: its exit status and what it printed. */
export async function verifyHistory(engine: Engine): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await runScript(['scripts/verify-history.ts'], engineEnv(engine));
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    return { ok: false, output: (error as Error).message };
  }
}

/** A `next start` of the spec's own, through scripts/start.ts (prepare, bootstrap, start), in its own process group. */
export class PortalServer {
  private child: ChildProcess | undefined;

  constructor(
    readonly port: number,
    private readonly engine: Engine,
    private readonly admin: Credentials,
    private readonly logFile: string,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The process group's id (the group leader's pid), while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async health(): Promise<number> {
    try {
      const res = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  /** Start, and wait until /api/health answers 200 (the log says why when it does not). */
  async start(): Promise<void> {
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    const log = fs.openSync(this.logFile, 'a');
    const env: NodeJS.ProcessEnv = {
      ...engineEnv(this.engine),
      PORT: String(this.port),
      NODE_ENV: 'production',
      AUTH_URL: `http://localhost:${this.port}`,
      AUTH_TRUST_HOST: 'true',
      AUTH_SECRET: 'fault-spec-secret-used-by-no-other-server-0123456789',
      ADMIN_EMAIL: this.admin.email,
      ADMIN_PASSWORD: this.admin.password,
      SECOND_FACTOR_POLICY: 'per-account',
      // Its cache stays in this process: nothing written under .next for the main e2e server.
      KQNK_CACHE: 'memory',
    };
    const child = spawn(process.execPath, [TSX, '--conditions=react-server', 'scripts/start.ts'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', log, log],
      env,
    });
    fs.closeSync(log);
    this.child = child;
    const deadline = Date.now() + 240_000;
    while ((await this.health()) !== 200) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}): ${this.logFile}`);
      if (Date.now() > deadline) throw new Error(`the server did not answer /api/health: ${this.logFile}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** How far the server's log has grown: pass it to `nextLogLine` to wait for lines written after now. */
  logOffset(): number {
    return fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
  }

  /** The first line after `offset` matching `pattern`, as soon as the server writes it (polled every 10 ms). */
  async nextLogLine(pattern: RegExp, offset: number): Promise<string> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const size = this.logOffset();
      if (size > offset) {
        const fd = fs.openSync(this.logFile, 'r');
        const buffer = Buffer.alloc(size - offset);
        fs.readSync(fd, buffer, 0, buffer.length, offset);
        fs.closeSync(fd);
        const line = buffer.toString('utf8').split('\n').find((l) => pattern.test(l));
        if (line) return line;
      }
      if (Date.now() > deadline) throw new Error(`no log line matching ${pattern} in ${this.logFile}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** SIGKILL the whole process group (tsx → start.ts → next-server), as a crash would, and wait until every process in it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await waitUntilGroupGone(child.pid);
  }

  /** Stop gracefully (SIGTERM to the group; SIGKILL after 10 s). Safe to call more than once. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + 10_000;
    while (groupMembers(child.pid).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
    await waitUntilGroupGone(child.pid);
  }
}

/** The live (not zombie) processes whose process group is `pgid`. */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') members.push(Number(entry));
    } catch {
      // exited while reading
    }
  }
  return members;
}

async function waitUntilGroupGone(pgid: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > deadline) throw new Error(`process group ${pgid} still has ${groupMembers(pgid).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sign in through the form in a browser context of its own. */
export async function signedInContext(browser: Browser, baseURL: string, who: Credentials): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new SignInPage(page).signIn(who);
  await new StaffArea(page).expectDashboard();
  return { context, page };
}

/** The codes of the indicators the public list links to, in its order. */
export async function indicatorCodes(base: string): Promise<string[]> {
  const html = await (await fetch(`${base}/chi-tieu`, { signal: AbortSignal.timeout(30_000) })).text();
  return [...new Set([...html.matchAll(/href="\/chi-tieu\/([a-z0-9-]+)"/g)].map((m) => m[1]!))];
}

export type SaveOutcome =
  | { kind: 'saved'; version: number }
  | { kind: 'refused' } // "nothing was saved"
  | { kind: 'unknown' } // the connection went while committing
  | { kind: 'no-answer' } // the server never answered
  // The server died while its answer was on the way: Next's router could not finish the page and
  // the staff error page ("Đã có lỗi khi hiển thị trang này") replaced the form, input and all.
  | { kind: 'page-error' }
  | { kind: 'conflict' }
  | { kind: 'other'; text: string };

export type SaveRecord = { editor: string; code: string; note: string; outcome: SaveOutcome; at: number };

/**
 * One editor on one indicator's edit screen: types a new note and a reason, saves, and records
 * what the form said. The form's message is emptied when a save starts (before its request
 * leaves), so the first message after the request is this save's own.
 */
export class Editor {
  readonly form: IndicatorFormPage;
  readonly records: SaveRecord[] = [];
  private count = 0;

  constructor(
    readonly name: string,
    readonly page: Page,
    readonly code: string,
  ) {
    this.form = new IndicatorFormPage(page);
  }

  async open(): Promise<void> {
    await this.form.open(this.code);
  }

  /** The form's message (role status), whatever its tone. */
  private get message() {
    return this.form.form.getByRole('status').first();
  }

  /** Type a new note and reason (kept by the form if the save fails), then save. */
  async typeAndSave(): Promise<SaveRecord> {
    this.count += 1;
    const note = `${this.name}: lần lưu ${this.count}, ${Date.now()}`;
    await this.form.setNote(note);
    await this.form.fillReason('Bổ sung', `${this.name} lưu lần ${this.count}`);
    return this.save(note);
  }

  /** Press save again with what the form holds (after a failure), as the message advises. */
  async saveAgain(): Promise<SaveRecord> {
    return this.save(await this.form.note.inputValue());
  }

  private async save(note: string): Promise<SaveRecord> {
    const path = IndicatorFormPage.path(this.code);
    const sent = this.page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === path, { timeout: 30_000 });
    await this.form.save();
    await sent;
    // The answer comes when the action has run (a save on a dead database fails within seconds: connect_timeout).
    const pageError = this.page.getByRole('heading', { name: PAGE_ERROR, level: 1 });
    await expect(this.message.or(pageError)).toHaveText(/\S/, { timeout: 60_000 });
    if (await pageError.isVisible()) {
      const record = { editor: this.name, code: this.code, note, outcome: { kind: 'page-error' } as const, at: Date.now() };
      this.records.push(record);
      return record;
    }
    const text = (await this.message.textContent({ timeout: 5_000 })) ?? '';
    const saved = /Đã lưu \(phiên bản (\d+)\)/.exec(text);
    const outcome: SaveOutcome = saved
      ? { kind: 'saved', version: Number(saved[1]) }
      : text.includes(SAVE_REFUSED)
        ? { kind: 'refused' }
        : text.includes(SAVE_OUTCOME_UNKNOWN)
          ? { kind: 'unknown' }
          : text.includes(SAVE_NO_ANSWER)
            ? { kind: 'no-answer' }
            : (await this.form.conflict.root.isVisible())
              ? { kind: 'conflict' }
              : { kind: 'other', text };
    const record = { editor: this.name, code: this.code, note, outcome, at: Date.now() };
    this.records.push(record);
    return record;
  }

  /** After a failed save: the note and the reason are still in the form, as typed. */
  async expectInputKept(record: SaveRecord): Promise<void> {
    await this.form.expectNote(record.note);
    await expect(this.form.reason.text).not.toHaveValue('');
  }
}

/** A query on `engine` from this process (PGlite: only while no server has the folder open). */
export async function withDatabase<T>(engine: Engine, use: (query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  if ('url' in engine) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(engine.url, { max: 1, onnotice: () => {} });
    try {
      return await use(async (text, params = []) => [...(await sql.unsafe(text, params as never[]))]);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(engine.dataDir);
  try {
    return await use(async (text, params = []) => (await db.query<Record<string, unknown>>(text, params)).rows);
  } finally {
    await db.close();
  }
}

/** Items whose version is not their number of revisions (a change without its revision, or the reverse). */
export const VERSION_MISMATCHES = `
  select * from (
    select 'report' as type, t.slug as key, t.version, (select count(*)::int from revisions r where r.item_type = 'report' and r.item_id = t.id) as revisions from reports t
    union all
    select 'section', t.slug, t.version, (select count(*)::int from revisions r where r.item_type = 'section' and r.item_id = t.id) from sections t
    union all
    select 'indicator', t.code, t.version, (select count(*)::int from revisions r where r.item_type = 'indicator' and r.item_id = t.id) from indicators t
    union all
    select 'entity', t.slug, t.version, (select count(*)::int from revisions r where r.item_type = 'entity' and r.item_id = t.id) from entities t
  ) items where version <> revisions`;

/** The note of an indicator's revision number `no`, or null when there is no such revision. */
export async function noteOfRevision(query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>, code: string, no: number) {
  const rows = await query(
    `select r.snapshot->>'note' as note from revisions r join indicators i on r.item_type = 'indicator' and r.item_id = i.id
      where i.code = $1 and r.revision_no = $2`,
    [code, no],
  );
  return rows.length === 0 ? null : (rows[0]!.note as string | null);
}

/** Every note an indicator's history holds. */
export async function notesInHistory(query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>, code: string): Promise<string[]> {
  const rows = await query(
    `select r.snapshot->>'note' as note from revisions r join indicators i on r.item_type = 'indicator' and r.item_id = i.id where i.code = $1`,
    [code],
  );
  return rows.map((r) => r.note as string);
}
