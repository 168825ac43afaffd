/**
 * Everything `npm run bench` starts is registered here as it starts, and stopped here by pid (the
 * process group of each child started detached), in reverse order: at the end of a run, on a
 * failure, and on Ctrl+C / SIGTERM / SIGHUP. What each task would stop is also written to a
 * state file (mode 600) that a detached reaper (scripts/bench/reaper.mjs) reads if the bench
 * dies without running its tasks (SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the reaper should stop if the bench dies first. */
export type Leftover = { group?: number; pid?: number; dir?: string; database?: { adminUrl: string; name: string } };

type Task = { name: string; run: () => Promise<void> | void; leftover?: Leftover };
const tasks: Task[] = [];
let running: Promise<void> | null = null;
const stateFile = path.join(os.tmpdir(), `kqnk-bench-reaper-${process.pid}.json`);
let reaper: ChildProcess | null = null;

function writeState(): void {
  if (!reaper) return;
  const left = tasks.map((t) => t.leftover).filter((l): l is Leftover => !!l);
  const state = {
    groups: left.flatMap((l) => (l.group ? [l.group] : [])),
    pids: left.flatMap((l) => (l.pid ? [l.pid] : [])),
    dirs: left.flatMap((l) => (l.dir ? [l.dir] : [])),
    databases: left.flatMap((l) => (l.database ? [l.database] : [])),
  };
  fs.writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
}

/** Start the reaper (detached, its own group, no output), which outlives the bench only if the bench is killed. */
export function startReaper(): void {
  if (reaper) return;
  reaper = spawn(process.execPath, [path.join(import.meta.dirname, 'reaper.mjs'), String(process.pid), stateFile], { detached: true, stdio: 'ignore' });
  reaper.unref();
  writeState();
}

/** Register something to undo; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(name: string, run: Task['run'], leftover?: Leftover): () => Promise<void> {
  const task: Task = { name, run, leftover };
  tasks.push(task);
  writeState();
  return async () => {
    const i = tasks.indexOf(task);
    if (i === -1) return;
    tasks.splice(i, 1);
    await task.run();
    writeState();
  };
}

/** Run every registered task, newest first; a failing task does not stop the others. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      try {
        await task.run();
      } catch (error) {
        console.error(`  cleanup "${task.name}" failed: ${(error as Error).message}`);
      }
      writeState();
    }
    // Everything is stopped: the reaper has nothing left to do.
    fs.rmSync(stateFile, { force: true });
    if (reaper?.pid) {
      try {
        process.kill(reaper.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  })();
  return running;
}

let interrupted = false;
/** Whether a signal arrived (the cleanup is then under way and the process about to exit). */
export const wasInterrupted = () => interrupted;

/**
 * On a signal: stop everything started, then exit (130 for Ctrl+C). The handlers stay installed:
 * Ctrl+C reaches this process twice (from the terminal and relayed by tsx), and a second signal
 * with no handler left would end the process before its cleanup.
 */
export function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (running) return;
      interrupted = true;
      console.log(`\n• ${signal}: dừng mọi thứ bench đã khởi động (stopping everything the bench started)…`);
      process.exitCode = signal === 'SIGINT' ? 130 : 143;
      void cleanupAll().finally(() => process.exit());
    });
  }
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stop a child started with `detached: true` (its own process group, so its pid is the group id):
 * SIGTERM to the group, SIGKILL to whatever of the group is left after `graceMs`.
 */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      if (child.exitCode === null && child.signalCode === null) child.kill(s);
    }
  };
  if (!groupAlive(pid) && (child.exitCode !== null || child.signalCode !== null)) return;
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (groupAlive(pid) || (child.exitCode === null && child.signalCode === null))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (groupAlive(pid) || (child.exitCode === null && child.signalCode === null)) signal('SIGKILL');
}
