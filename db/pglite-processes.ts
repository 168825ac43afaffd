/**
 * Which processes use an embedded (PGlite) data folder. PGlite allows one process per folder, so
 * `npm run db:reset` refuses while anyone uses it and `npm run backup` asks the one that does
 * (db/live-backup.ts). Read from /proc: Linux only; elsewhere nothing is found.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The signal a portal server takes backup requests on (db/live-backup.ts). Node keeps SIGUSR1 for its inspector. */
export const BACKUP_SIGNAL = 'SIGUSR2';
const BACKUP_SIGNAL_NUMBER = 12;

export type PgliteUser = {
  pid: number;
  /** Its parent's pid (`next dev` runs the server as its child). */
  ppid: number;
  cmd: string;
  /** It has a file inside the folder open (an open PGlite keeps its WAL and catalog files open). */
  holdsFiles: boolean;
  /** A Next.js server (`next start`/`dev`) whose environment points it at the folder, open yet or not. */
  server: boolean;
  /** It handles BACKUP_SIGNAL (its SigCgt mask); sending it to a process that does not would kill it. */
  takesBackupRequests: boolean;
};

const realpath = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** The PGlite folder a process would use, from its environment (undefined when it runs on PostgreSQL). */
function pgliteDirOf(pid: string): string | undefined {
  const vars = new Map(
    fs
      .readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as const),
  );
  if (vars.get('DATABASE_URL')?.trim()) return undefined;
  return realpath(path.resolve(fs.realpathSync(`/proc/${pid}/cwd`), vars.get('PGLITE_DIR')?.trim() || '.data/pglite'));
}

function holdsFileIn(pid: string, dir: string): boolean {
  return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
    try {
      const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      return target === dir || target.startsWith(`${dir}/`);
    } catch {
      return false;
    }
  });
}

function parentOf(pid: string): number {
  return Number(/^PPid:\s*(\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

function catchesBackupSignal(pid: string): boolean {
  const mask = /^SigCgt:\s*([0-9a-f]+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return mask !== undefined && ((BigInt(`0x${mask}`) >> BigInt(BACKUP_SIGNAL_NUMBER - 1)) & 1n) === 1n;
}

/**
 * Every other process that uses the PGlite folder `dir`: those holding a file in it, and the
 * Next.js servers configured for it (a server opens the folder on its first request, so one
 * that has not yet is still its user).
 */
export function pgliteUsers(dir: string): PgliteUser[] {
  const real = realpath(dir);
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
  } catch {
    return []; // no /proc: cannot tell
  }
  const found: PgliteUser[] = [];
  for (const pid of pids) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const holdsFiles = holdsFileIn(pid, real);
      const server = /next(-server| start| dev|\/dist\/bin\/next (start|dev))/.test(cmd) && pgliteDirOf(pid) === real;
      if (holdsFiles || server) found.push({ pid: Number(pid), ppid: parentOf(pid), cmd, holdsFiles, server, takesBackupRequests: catchesBackupSignal(pid) });
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
