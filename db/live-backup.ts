/**
 * Backing up the embedded database while the portal runs. PGlite allows one process per folder,
 * so `npm run backup` cannot open the folder the server has open; it asks the server instead:
 *
 *   1. it writes a request, `<nonce>.request.json` ({ nonce, pid, dataDir, file }), into
 *      `backup-requests/` beside the data folder (`.data/backup-requests/` by default);
 *   2. it sends the server BACKUP_SIGNAL (SIGUSR2);
 *   3. the server (installBackupHandler, from instrumentation.ts) takes every request there
 *      addressed to its pid and its data folder, writes the backup with its own handle
 *      (backupPglite: manifest and dump in one transaction), and answers in
 *      `<nonce>.response.json` ({ nonce, ok, manifest } or { nonce, ok: false, message });
 *   4. the command waits for that answer, a bounded time.
 *
 * Nothing but the files in that folder is honoured, and only a request naming the server's own
 * pid and data folder: whoever can write there and signal the server already owns the data.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pgliteDir } from '@/lib/env';
import { BackupError, backupPglite, type BackupManifest } from './backup';
import { getDatabaseHandle, type DatabaseHandle } from './index';
import { BACKUP_SIGNAL } from './pglite-processes';

export type BackupRequest = { nonce: string; pid: number; dataDir: string; file: string; requestedAt: string };
export type BackupResponse = { nonce: string; ok: true; manifest: BackupManifest } | { nonce: string; ok: false; message: string };

const REQUEST = '.request.json';
const RESPONSE = '.response.json';
const NONCE = /^[0-9a-f]{32}$/;

const realpath = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** Where requests and answers for the data folder `dataDir` are exchanged: beside it, not inside it (PGlite owns that). */
export function backupRequestsDir(dataDir: string): string {
  return path.join(path.dirname(realpath(dataDir)), 'backup-requests');
}

/** Write `body` as JSON to `file` so that a reader never sees half of it (a temporary name, then a rename). */
function writeJsonAtomically(file: string, body: unknown): void {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(partial, JSON.stringify(body), { mode: 0o600 });
  fs.renameSync(partial, file);
}

// ---------------------------------------------------------------------------------------------
// In the server

/** Longer than any wait of the command (120 s): a request older than this was given up. */
const STALE_AFTER_MS = 10 * 60_000;

type HandlerOptions = {
  /** The folder this process serves (default: PGLITE_DIR, as getDatabaseHandle opens it). */
  dataDir?: () => string;
  /** This process's database (default: the application's shared handle). */
  handle?: () => Promise<DatabaseHandle>;
  log?: (line: string) => void;
};

/** Answer one request file; never throws (a failure is the answer). */
async function answer(requestFile: string, { dataDir, handle, log }: Required<HandlerOptions>): Promise<void> {
  const nonce = path.basename(requestFile, REQUEST);
  let request: BackupRequest;
  try {
    request = JSON.parse(fs.readFileSync(requestFile, 'utf8')) as BackupRequest;
  } catch {
    return; // removed by its writer meanwhile, or not ours to read
  }
  if (request.pid !== process.pid) return; // addressed to another server sharing the folder
  // Claim it, so that a second signal arriving meanwhile does not make a second backup.
  const claimed = `${requestFile}.claimed`;
  try {
    fs.renameSync(requestFile, claimed);
  } catch {
    return;
  }
  const responseFile = path.join(path.dirname(requestFile), `${nonce}${RESPONSE}`);
  let response: BackupResponse;
  try {
    if (request.nonce !== nonce || typeof request.file !== 'string' || !path.isAbsolute(request.file)) {
      throw new BackupError('Yêu cầu sao lưu không hợp lệ (malformed backup request: nonce or absolute target file missing).');
    }
    // A request left behind (its command interrupted, or this pid reused) is not carried out later.
    const age = Date.now() - Date.parse(request.requestedAt);
    if (!(age >= 0 && age <= STALE_AFTER_MS)) {
      throw new BackupError(`Yêu cầu sao lưu đã cũ, bỏ qua (a stale backup request, ignored): ${request.requestedAt}.`);
    }
    const served = realpath(dataDir());
    if (realpath(request.dataDir) !== served) {
      throw new BackupError(`Máy chủ này dùng thư mục khác (this server uses another data folder): ${served}, not ${request.dataDir}.`);
    }
    const db = await handle();
    if (db.kind !== 'pglite' || realpath(db.location) !== served) {
      throw new BackupError(`Máy chủ này không mở cơ sở dữ liệu nhúng ở ${served} (this server's database is ${db.kind} ${db.location}).`);
    }
    log(`[backup] sao lưu theo yêu cầu (backing up on request) → ${request.file}`);
    const manifest = await backupPglite({ handle: db, file: request.file });
    log(`[backup] đã ghi (written) ${request.file}: ${manifest.dump.bytes} bytes`);
    response = { nonce, ok: true, manifest };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`[backup] thất bại (failed): ${message}`);
    response = { nonce, ok: false, message };
  }
  try {
    writeJsonAtomically(responseFile, response);
  } catch (error) {
    log(`[backup] không ghi được câu trả lời (could not write the answer) ${responseFile}: ${(error as Error).message}`);
  }
  fs.rmSync(claimed, { force: true });
}

async function answerAll(options: Required<HandlerOptions>): Promise<void> {
  const dir = backupRequestsDir(options.dataDir());
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(REQUEST) && NONCE.test(n.slice(0, -REQUEST.length)));
  } catch {
    return;
  }
  for (const name of names.sort()) await answer(path.join(dir, name), options);
  // Answers nobody collected (their command gave up waiting, or was stopped) are removed after an hour.
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(RESPONSE))) {
    const file = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > 3_600_000) fs.rmSync(file, { force: true });
    } catch {
      // removed meanwhile
    }
  }
}

const installed = globalThis as unknown as { __kqnkBackupHandler?: () => void };

/**
 * Take backup requests on BACKUP_SIGNAL in this process (the portal server: instrumentation.ts).
 * Requests are answered one after another; nothing a request does can throw out of the handler.
 * Installing twice keeps one handler. Returns a function that removes it.
 */
export function installBackupHandler(options: HandlerOptions = {}): () => void {
  if (installed.__kqnkBackupHandler) return installed.__kqnkBackupHandler;
  const resolved: Required<HandlerOptions> = {
    dataDir: options.dataDir ?? pgliteDir,
    handle: options.handle ?? getDatabaseHandle,
    log: options.log ?? ((line) => console.log(line)),
  };
  let queue = Promise.resolve();
  const onSignal = () => {
    queue = queue.then(() => answerAll(resolved)).catch((error: unknown) => resolved.log(`[backup] ${String(error)}`));
  };
  process.on(BACKUP_SIGNAL, onSignal);
  const uninstall = () => {
    process.off(BACKUP_SIGNAL, onSignal);
    installed.__kqnkBackupHandler = undefined;
  };
  installed.__kqnkBackupHandler = uninstall;
  return uninstall;
}

// ---------------------------------------------------------------------------------------------
// In `npm run backup`

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Ask the server `pid`, which has the PGlite folder `dataDir` open and takes backup requests
 * (pgliteUsers(dir)[…].takesBackupRequests), to back it up into `file`; wait at most
 * `timeoutMs` for its answer. Throws BackupError with the server's message when it failed.
 */
export async function requestBackup({
  pid,
  dataDir,
  file,
  timeoutMs = 120_000,
}: {
  pid: number;
  dataDir: string;
  file: string;
  timeoutMs?: number;
}): Promise<BackupManifest> {
  const dir = backupRequestsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const nonce = randomBytes(16).toString('hex');
  const requestFile = path.join(dir, `${nonce}${REQUEST}`);
  const responseFile = path.join(dir, `${nonce}${RESPONSE}`);
  const request: BackupRequest = { nonce, pid, dataDir: realpath(dataDir), file: path.resolve(file), requestedAt: new Date().toISOString() };
  writeJsonAtomically(requestFile, request);
  try {
    process.kill(pid, BACKUP_SIGNAL);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (fs.existsSync(responseFile)) {
        const response = JSON.parse(fs.readFileSync(responseFile, 'utf8')) as BackupResponse;
        if (response.nonce !== nonce) throw new BackupError(`Câu trả lời không khớp yêu cầu (the answer in ${responseFile} is not for this request).`);
        if (!response.ok) throw new BackupError(`Máy chủ (pid ${pid}) không sao lưu được (the server could not back up): ${response.message}`);
        return response.manifest;
      }
      if (!isAlive(pid)) throw new BackupError(`Máy chủ (pid ${pid}) đã dừng trước khi trả lời (the server stopped before answering); không có bản sao lưu.`);
      if (Date.now() > deadline) {
        const taken = !fs.existsSync(requestFile);
        throw new BackupError(
          `Máy chủ (pid ${pid}) không trả lời trong ${Math.round(timeoutMs / 1000)} s (no answer from the server). ` +
            (taken
              ? `Nó đã nhận yêu cầu và có thể vẫn đang ghi ${request.file} (it took the request and may still be writing it): kiểm tra nhật ký máy chủ (check its log).`
              : 'Nó chưa nhận yêu cầu (it never took the request): máy chủ có chạy phiên bản này không? (is it a server of this version?)'),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    fs.rmSync(requestFile, { force: true });
    fs.rmSync(responseFile, { force: true });
  }
}
