/**
 * The children of `npm run serve`, each in its own process group (detached: setsid), so stopping
 * one stops everything it started (next-server's workers, nginx's workers), and their output
 * printed line by line under a label.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export type Child = { label: string; proc: ChildProcess };

export function startChild(label: string, cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Child {
  const proc = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => console.log(`  [${label}] ${line}`));
  }
  return { label, proc };
}

const alive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to each child's whole group, then SIGKILL to any group still there after `graceMs`. */
export async function stopChildren(children: Child[], graceMs = 10_000): Promise<void> {
  const groups = children.map((c) => c.proc.pid).filter((pid): pid is number => pid !== undefined);
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs;
  while (groups.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pgid of groups.filter(alive)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}
