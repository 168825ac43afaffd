// The bench's safety net, started by scripts/bench/cleanup.ts as a detached process: it waits for
// the bench's pid to disappear and, if the bench died without cleaning up (SIGKILL; or tsx, which
// SIGKILLs a child that does not acknowledge Ctrl+C within ~60 ms), stops by pid what the state
// file still lists — process groups and single pids (SIGTERM, then SIGKILL) — removes its folders
// and drops its temporary databases. A clean end of the bench empties the state and stops this
// process by its pid. Plain JavaScript: it must start without tsx.
//
//   node scripts/bench/reaper.mjs <bench pid> <state file>
import fs from 'node:fs';

const [benchPid, stateFile] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const signal = (pid, sig) => {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
};

while (alive(Number(benchPid))) await sleep(500);

let state;
try {
  state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
} catch {
  process.exit(0); // cleaned up normally
}
const targets = [...(state.groups ?? []).map((g) => -g), ...(state.pids ?? [])];
for (const t of targets) signal(t, 'SIGTERM');
const deadline = Date.now() + 5_000;
while (Date.now() < deadline && targets.some((t) => alive(t))) await sleep(100);
for (const t of targets) if (alive(t)) signal(t, 'SIGKILL');
for (const dir of state.dirs ?? []) fs.rmSync(dir, { recursive: true, force: true });
for (const { adminUrl, name } of state.databases ?? []) {
  try {
    const { default: postgres } = await import('postgres');
    const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    await sql.unsafe(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
    await sql.end({ timeout: 5 });
  } catch {
    // nothing more to do from here
  }
}
fs.rmSync(stateFile, { force: true });
