/**
 * A PostgreSQL cluster of the test's own, for fault tests: created in a temporary folder, on its
 * own port, stopped and started at will. The shared server (127.0.0.1:5432) is never touched.
 *
 * Debian's server programs are not on PATH (`pg_config --bindir` names their folder), and
 * `initdb` / `pg_ctl` refuse to run as root: under root they run as the `postgres` user.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function bindir(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config: look where Debian puts the server
  }
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(base, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server programs (initdb, pg_ctl) not found: install postgresql');
  return found;
}

/** A process's state letter (R, S, Z…), or null when it is gone. */
function procState(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

/** The processes whose parent is `parent`. */
function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) found.push(Number(entry));
    } catch {
      // exited while reading
    }
  }
  return found;
}

export class PrivatePostgres {
  private readonly bin = bindir();
  private readonly asRoot = process.getuid?.() === 0;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** initdb into a new temporary folder (trust authentication, user `postgres`). */
  static create(port: number): PrivatePostgres {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqnk-pg-'));
    const cluster = new PrivatePostgres(dir, port);
    if (cluster.asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    cluster.run('initdb', ['-D', cluster.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    return cluster;
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  /** The URL of `database` on this cluster. */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(program: string, args: string[]): string {
    const file = path.join(this.bin, program);
    const [cmd, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
  }

  /** Start the server and wait until it accepts connections. */
  start(): void {
    this.run('pg_ctl', [
      '-D', this.data,
      '-l', path.join(this.dir, 'server.log'),
      '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`,
      '-w', '-t', '60', 'start',
    ]);
  }

  /** The postmaster's process id, or null when it is not running. */
  pid(): number | null {
    const file = path.join(this.data, 'postmaster.pid');
    if (!fs.existsSync(file)) return null;
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 0);
      return pid;
    } catch {
      return null;
    }
  }

  /** Stop at once, as a crash would: every connection is cut, nothing is shut down cleanly. */
  stopImmediately(): void {
    if (this.pid() !== null) this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
  }

  /**
   * Kill the whole server with SIGKILL, as the OOM killer or a power cut would: the postmaster and
   * every backend at once, nothing flushed, no shutdown checkpoint. The postmaster is frozen first
   * (SIGSTOP) so that it cannot start a backend between the listing and the kill. Resolves when
   * every process is gone (reaped, not a zombie: a new postmaster refuses to start while the pid in
   * postmaster.pid is still alive). The next start runs crash recovery from the WAL.
   */
  async killHard(): Promise<void> {
    const postmaster = this.pid();
    if (postmaster === null) return;
    process.kill(postmaster, 'SIGSTOP');
    const children = childrenOf(postmaster);
    for (const pid of [postmaster, ...children]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const deadline = Date.now() + 30_000;
    const alive = () => [postmaster, ...children].filter((pid) => fs.existsSync(`/proc/${pid}`) && (pid === postmaster || procState(pid) !== 'Z'));
    while (alive().length > 0) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL processes still alive after SIGKILL: ${alive().join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  createDatabase(name: string): void {
    this.run('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name]);
  }

  /** Stop (if running) and delete the folder. Safe to call more than once. */
  destroy(): void {
    try {
      this.stopImmediately();
    } catch {
      const pid = this.pid();
      if (pid !== null) process.kill(pid, 'SIGKILL');
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
