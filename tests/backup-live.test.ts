/**
 * `npm run backup` on the embedded database while the portal runs (db/live-backup.ts). A real
 * child process stands in for the server (tests/helpers/embedded-portal.ts: it opens the PGlite
 * folder as the server does, installs the handler instrumentation.ts installs, and keeps saving
 * through the versioned write); the backup command itself (scripts/backup.ts) is run as a child
 * too, as the operator would run it. The backup is restored into an empty folder and checked.
 * Then what the command refuses: a folder held by two processes, and one held by a process that
 * takes no backup requests (which must not be signalled: SIGUSR2 would kill it).
 *
 * PGlite folders under os.tmpdir(), removed at the end; every child is killed by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { backupManifest, BackupError, readBackup, restorePglite } from '@/db/backup';
import { verifyHistory } from '@/db/history';
import { backupRequestsDir, requestBackup } from '@/db/live-backup';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk_live_backup_'));
const dataDir = path.join(work, 'pglite');
const children: ChildProcess[] = [];

type Running = { child: ChildProcess; output: () => string };

/** Start `node --conditions=react-server --import tsx <args>` in the repository: one process, so its pid is the one holding the folder. */
function start(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, SECURITY_LOG: 'off', DATABASE_URL: '', MIGRATION_DATABASE_URL: '', PGLITE_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  return { child, output: () => output };
}

/** Run the backup command to the end: its exit code and everything it printed. */
async function backupCommand(file: string): Promise<{ code: number | null; output: string }> {
  const run = start(['scripts/backup.ts', 'backup', file]);
  const code = await new Promise<number | null>((resolve) => run.child.on('close', resolve));
  return { code, output: run.output() };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Revision ids the stand-in server has reported committed, in order. */
const saves = (server: Running) => [...server.output().matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1]));

describe('backup of the embedded database while the portal runs', () => {
  let server: Running;

  beforeAll(async () => {
    server = start(['tests/helpers/embedded-portal.ts']);
    await until(() => /^ready$/m.test(server.output()) || !alive(server.child));
    expect(server.output()).toMatch(/^ready$/m);
  }, 180_000);

  afterAll(async () => {
    for (const child of children) {
      if (child.pid === undefined || !alive(child)) continue;
      const closed = new Promise((resolve) => child.on('close', resolve));
      process.kill(child.pid, 'SIGKILL');
      await closed;
    }
    fs.rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('the server writes a consistent copy while an editor keeps saving; it restores into an empty folder with the head it names', async () => {
    await until(() => saves(server).length >= 3);
    const savedBefore = saves(server).at(-1)!;
    const file = path.join(work, 'live.kqnk');

    const { code, output } = await backupCommand(file);
    expect(output).toContain(`pid ${server.child.pid}`);
    expect(code, output).toBe(0);
    const manifest = await readBackup(file);
    const [head] = manifest.reports;
    // Every save that had committed before the request is in the copy.
    expect(head!.newestRevisionId).toBeGreaterThanOrEqual(savedBefore);

    // The server is still up and still saving after it.
    const countAfter = saves(server).length;
    await until(() => saves(server).length >= countAfter + 2 || !alive(server.child));
    expect(alive(server.child)).toBe(true);
    expect(saves(server).at(-1)!).toBeGreaterThan(head!.newestRevisionId!);
    // Nothing is left behind in the request folder.
    expect(fs.readdirSync(backupRequestsDir(dataDir))).toEqual([]);

    const restoredDir = path.join(work, 'restored');
    const report = await restorePglite({ dataDir: restoredDir, file });
    expect(report.checkedRevisions).toBe(head!.revisions);
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      expect(await verifyHistory(restored.db)).toMatchObject({ ok: true, checked: head!.revisions });
      expect((await backupManifest(restored.db)).reports).toEqual(manifest.reports);
    } finally {
      await restored.close();
    }
  }, 240_000);

  it('a request the server cannot carry out is answered with its error, and the server keeps running', async () => {
    const error = await requestBackup({ pid: server.child.pid!, dataDir, file: path.join(work, 'no-such-folder', 'x.kqnk') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/không sao lưu được \(the server could not back up\): .*ENOENT/);
    const count = saves(server).length;
    await until(() => saves(server).length >= count + 2 || !alive(server.child));
    expect(alive(server.child)).toBe(true);
  }, 120_000);

  it('refuses, naming both, when two processes hold the folder, and signals neither', async () => {
    const holder = start(['-e', `require('node:fs').openSync(${JSON.stringify(path.join(dataDir, 'PG_VERSION'))}, 'r'); console.log('holding'); setInterval(() => {}, 1 << 30);`]);
    await until(() => holder.output().includes('holding'));
    const file = path.join(work, 'refused.kqnk');
    const { code, output } = await backupCommand(file);
    expect(code, output).toBe(1);
    expect(output).toMatch(/several processes use the embedded database/);
    expect(output).toContain(`pid ${server.child.pid}:`);
    expect(output).toContain(`pid ${holder.child.pid}:`);
    expect(fs.existsSync(file)).toBe(false);
    expect(alive(holder.child)).toBe(true);
    expect(alive(server.child)).toBe(true);
  }, 120_000);

  it('refuses, naming it, when the one process holding the folder takes no backup requests, and leaves it running', async () => {
    const otherDir = path.join(work, 'other', 'pglite');
    fs.mkdirSync(otherDir, { recursive: true });
    fs.writeFileSync(path.join(otherDir, 'PG_VERSION'), '18\n');
    const holder = start(['-e', `require('node:fs').openSync(${JSON.stringify(path.join(otherDir, 'PG_VERSION'))}, 'r'); console.log('holding'); setInterval(() => {}, 1 << 30);`], {
      PGLITE_DIR: otherDir,
    });
    await until(() => holder.output().includes('holding'));
    const file = path.join(work, 'refused-other.kqnk');
    const run = start(['scripts/backup.ts', 'backup', file], { PGLITE_DIR: otherDir });
    const code = await new Promise<number | null>((resolve) => run.child.on('close', resolve));
    expect(code, run.output()).toBe(1);
    expect(run.output()).toMatch(/takes no backup requests/);
    expect(run.output()).toContain(`pid ${holder.child.pid}:`);
    expect(fs.existsSync(file)).toBe(false);
    expect(alive(holder.child)).toBe(true);
  }, 120_000);
});
