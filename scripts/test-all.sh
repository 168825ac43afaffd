#!/usr/bin/env bash
# npm test — every suite, in order:
#   (a) ESLint (eslint.config.mjs): one "test" per linted file, failed when it has any problem
#   (b) Vitest, all unit/db tests, on in-memory PGlite
#   (c) Vitest, database tests (tests/db, db/), on PostgreSQL (TEST_DATABASE_URL)
#   (d) next build (always: sources may have changed), proving it touched no database and
#       prerendered no public page (scripts/build-check.ts)
#   (e) next start on PostgreSQL (fresh database kqnk_e2e, port 3100) + Playwright (project chromium); one spec,
#       e2e/outage.spec.ts, starts its own PostgreSQL cluster (initdb in a temp folder, port
#       OUTAGE_PG_PORT, default 5590) and its own next start (OUTAGE_PORT, default 3690), stops
#       and restarts that cluster, and stops both by pid; its server log: test-results/outage-server.log
#   (f) npm run serve on PostgreSQL (fresh database kqnk_e2e_serve): nginx on port 3200 in front of
#       two instances (3201, 3202) sharing Redis + Playwright (project serve, e2e/serve/)
#   The servers of (e) and (f) run as two roles, as in production: the test server's own user owns
#   the tables and prepares (MIGRATION_DATABASE_URL), and the application role E2E_APP_ROLE
#   (default kqnk_e2e_app, made by `npm run db:roles`; roles are cluster-wide and it is left in
#   place for the next run) serves (DATABASE_URL): it may not change revisions nor their triggers.
# Each runner's own output stays visible; the VERY LAST line is "N passed, N failed" summed
# over all suites. Exit status is non-zero when anything failed or a runner crashed
# (a crash, a failed build or an unreachable PostgreSQL each count as one failure).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
RESULTS="$ROOT/test-results"
mkdir -p "$RESULTS"
rm -f "$RESULTS"/eslint.json "$RESULTS"/vitest-*.json "$RESULTS"/playwright*.json "$RESULTS"/e2e-server.log "$RESULTS"/e2e-serve.log "$RESULTS"/outage-server.log

PG_SERVER_URL=${TEST_PG_SERVER_URL:-postgres://127.0.0.1:5432/test}
E2E_DB=kqnk_e2e
E2E_PORT=${E2E_PORT:-3100}
E2E_BASE_URL="http://127.0.0.1:$E2E_PORT"
E2E_APP_ROLE=${E2E_APP_ROLE:-kqnk_e2e_app}

TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY=()
SERVER_PID=""
STARTED_AT=$SECONDS

banner() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

record() { # name passed failed seconds [note]
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  TOTAL_FAILED=$((TOTAL_FAILED + $3))
  SUMMARY+=("$(printf '  %-22s passed=%-4s failed=%-4s %4ss  %s' "$1" "$2" "$3" "$4" "${5:-}")")
}

# Prints "passed failed" from a runner's JSON report; nothing if the file is missing or unreadable.
read_counts() { # kind file
  node -e '
    const [kind, file] = process.argv.slice(1);
    const fs = require("fs");
    if (!fs.existsSync(file)) process.exit(0);
    try {
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      if (kind === "eslint") {
        // One entry per linted file; an empty list means ESLint linted nothing: no report.
        if (!Array.isArray(r) || r.length === 0) process.exit(0);
        const bad = r.filter((f) => f.messages.length > 0).length;
        console.log(r.length - bad, bad);
      } else if (kind === "vitest") console.log(r.numPassedTests ?? 0, r.numFailedTests ?? 0);
      else { const s = r.stats ?? {}; console.log((s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0); }
    } catch { process.exit(0); }
  ' "$1" "$2"
}

# Count one runner: its JSON numbers, plus one failure if it exited non-zero without a failed test to show for it.
count_runner() { # name kind file exit_code seconds
  local name=$1 kind=$2 file=$3 code=$4 secs=$5 counts passed failed note=""
  counts=$(read_counts "$kind" "$file")
  if [[ -z "$counts" ]]; then
    passed=0; failed=1; note="runner crashed: no report (exit $code)"
  else
    read -r passed failed <<<"$counts"
    if [[ $code -ne 0 && $failed -eq 0 ]]; then
      failed=1; note="runner exited $code without a failed test (crash, failed suite or no tests)"
    fi
  fi
  record "$name" "$passed" "$failed" "$secs" "$note"
}

stop_server() {
  [[ -z "$SERVER_PID" ]] && return 0
  local pgid=$SERVER_PID
  SERVER_PID=""
  if kill -0 -- "-$pgid" 2>/dev/null; then
    kill -TERM -- "-$pgid" 2>/dev/null
    for _ in $(seq 1 50); do
      kill -0 -- "-$pgid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$pgid" 2>/dev/null
  fi
  wait "$pgid" 2>/dev/null
  return 0
}
trap stop_server EXIT
trap 'echo "test-all: interrupted" >&2; stop_server; exit 130' INT TERM

# The URL of the same database as another role (no password: the test server trusts 127.0.0.1).
as_role() { # url role
  node -e 'const u = new URL(process.argv[1]); u.username = process.argv[2]; u.password = ""; console.log(u.toString())' "$1" "$2"
}

# Create (once per cluster) the application role and grant it on database <url>, as its owner.
app_role_on() { # owner-url
  MIGRATION_DATABASE_URL="$1" node "$ROOT/node_modules/tsx/dist/cli.mjs" --conditions=react-server \
    scripts/db.ts roles --app-role "$E2E_APP_ROLE"
}

VITEST=(node "$ROOT/node_modules/vitest/vitest.mjs" run)
[[ -f "$ROOT/node_modules/vitest/vitest.mjs" ]] || VITEST=("$ROOT/node_modules/.bin/vitest" run)

# ---------------------------------------------------------------------------------------------
banner "(a) ESLint — eslint.config.mjs (type-aware; floating/misused promises, import cycles…)"
t=$SECONDS
# One run, JSON report to a file; the developer reads the same results as ESLint's usual
# "stylish" listing, printed below from that report.
node "$ROOT/node_modules/eslint/bin/eslint.js" --max-warnings=0 --format json \
  --output-file "$RESULTS/eslint.json" .
code=$?
if [[ -s "$RESULTS/eslint.json" ]]; then
  node --input-type=module -e '
    import fs from "node:fs";
    import { ESLint } from "eslint";
    const results = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const stylish = await new ESLint().loadFormatter("stylish");
    const text = await stylish.format(results);
    const bad = results.filter((f) => f.messages.length > 0).length;
    console.log(text || `${results.length} files linted, no problems.`);
    if (bad) console.log(`${bad} of ${results.length} files have problems.`);
  ' "$RESULTS/eslint.json" || true
fi
[[ $code -eq 2 ]] && echo "!!! ESLint crashed or is misconfigured (exit 2): see above." >&2
count_runner "eslint" eslint "$RESULTS/eslint.json" $code $((SECONDS - t))

# ---------------------------------------------------------------------------------------------
banner "(b) Vitest — PGlite (in memory)"
t=$SECONDS
env -u TEST_DATABASE_URL "${VITEST[@]}" --reporter=default --reporter=json \
  --outputFile.json="$RESULTS/vitest-pglite.json"
code=$?
count_runner "vitest (PGlite)" vitest "$RESULTS/vitest-pglite.json" $code $((SECONDS - t))

# ---------------------------------------------------------------------------------------------
banner "(c) Vitest — PostgreSQL ($PG_SERVER_URL): tests/db, db/"
t=$SECONDS
PG_OK=0
if node -e '
  const u = new URL(process.argv[1]);
  const s = require("net").connect(Number(u.port || 5432), u.hostname);
  s.on("connect", () => process.exit(0)); s.on("error", () => process.exit(1));
  setTimeout(() => process.exit(1), 5000);' "$PG_SERVER_URL"; then
  PG_OK=1
fi
if [[ $PG_OK -eq 1 ]]; then
  TEST_DATABASE_URL="$PG_SERVER_URL" "${VITEST[@]}" tests/db db/ --reporter=default --reporter=json \
    --outputFile.json="$RESULTS/vitest-postgres.json"
  code=$?
  count_runner "vitest (PostgreSQL)" vitest "$RESULTS/vitest-postgres.json" $code $((SECONDS - t))
else
  echo "!!! PostgreSQL không trả lời ở $PG_SERVER_URL (PostgreSQL is unreachable) — FAILING, not skipping." >&2
  echo "!!! Start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  record "vitest (PostgreSQL)" 0 1 $((SECONDS - t)) "PostgreSQL unreachable"
fi

# ---------------------------------------------------------------------------------------------
banner "(d) next build — with no database (scripts/build-check.ts)"
t=$SECONDS
BUILD_OK=0
# The build's DATABASE_URL is a listener that counts connections and answers none; afterwards no
# public page may have been prerendered. One test: passed when both hold.
node "$ROOT/node_modules/tsx/dist/cli.mjs" scripts/build-check.ts
case $? in
  0) BUILD_OK=1; record "next build" 1 0 $((SECONDS - t)) "no database touched, no public page prerendered" ;;
  *) record "next build" 0 1 $((SECONDS - t)) "build failed, or it touched the database or prerendered a public page (see above)" ;;
esac

# ---------------------------------------------------------------------------------------------
# Throwaway accounts for the e2e server's fresh database only.
E2E_ADMIN_EMAIL="${E2E_ADMIN_EMAIL:-e2e-admin@example.vn}"
E2E_ADMIN_PASSWORD="${E2E_ADMIN_PASSWORD:-mật khẩu quản trị dùng cho kiểm thử e2e}"
E2E_EDITOR_EMAIL="${E2E_EDITOR_EMAIL:-e2e-editor@example.vn}"
E2E_EDITOR_PASSWORD="${E2E_EDITOR_PASSWORD:-mật khẩu biên tập viên dùng cho kiểm thử}"
# The e2e servers (and the servers that e2e/outage.spec.ts starts, which inherit this) require a
# second factor only of the accounts an admin marked: the shared E2E_ADMIN signs in dozens of times
# a minute across specs, and a replay-proof code allows one sign-in per 30 seconds.
# e2e/second-factor.spec.ts marks its own editor; tests/db/second-factor.test.ts covers the admin rule.
export SECOND_FACTOR_POLICY="${SECOND_FACTOR_POLICY:-per-account}"

# A server on a fresh database (the owner migrates and seeds, the server runs as the app role), an
# editor added from the shell as an operator would (as the owner), then one Playwright project
# against it; the server's whole process group is stopped afterwards.
#   browser_suite NAME DB PROJECT BASE_URL LOG JSON READY TRIES SCRIPT [VAR=value …]
# READY: "health" (GET BASE_URL/api/health answers) or "log" (the log says "Sẵn sàng (ready)");
# TRIES: half-seconds to wait for it. VAR=value: the server's own environment. RUNNER_ENV (an
# array): extra environment for Playwright. Sets SUITE_CODE to Playwright's exit code (1 if not run).
RUNNER_ENV=()
browser_suite() {
  local name=$1 db=$2 project=$3 base=$4 log="$RESULTS/$5" json="$RESULTS/$6" ready=$7 tries=$8 script=$9
  shift 9
  local t=$SECONDS owner_url="${PG_SERVER_URL%/*}/$db" app_url up=0
  app_url=$(as_role "$owner_url" "$E2E_APP_ROLE")
  SUITE_CODE=1
  if npx --no-install tsx scripts/db.ts recreate-pg "$PG_SERVER_URL" "$db" && app_role_on "$owner_url"; then
    # Own process group (setsid), so the whole tree (tsx → the script → next-server, nginx) is stopped together.
    env "$@" MIGRATION_DATABASE_URL="$owner_url" DATABASE_URL="$app_url" \
      ADMIN_EMAIL="$E2E_ADMIN_EMAIL" ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" \
      setsid node "$ROOT/node_modules/tsx/dist/cli.mjs" --conditions=react-server "$script" >"$log" 2>&1 </dev/null &
    SERVER_PID=$!
    echo "$script pid/pgid $SERVER_PID, log: ${log#"$ROOT"/}"
    for _ in $(seq 1 "$tries"); do
      if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
      if [[ $ready == health ]] && curl -fsS -o /dev/null --max-time 5 "$base/api/health" 2>/dev/null; then up=1; break; fi
      if [[ $ready == log ]] && grep -q "Sẵn sàng (ready)" "$log" 2>/dev/null; then up=1; break; fi
      sleep 0.5
    done
  fi
  if [[ $up -eq 1 ]]; then
    echo "ready: $base ($((SECONDS - t)) s)"
    printf '%s\n' "$E2E_EDITOR_PASSWORD" | MIGRATION_DATABASE_URL="$owner_url" DATABASE_URL="$app_url" \
      node "$ROOT/node_modules/tsx/dist/cli.mjs" --conditions=react-server scripts/user.ts add \
      --email "$E2E_EDITOR_EMAIL" --name "Biên tập viên E2E" --role editor
    env "${RUNNER_ENV[@]}" E2E_BASE_URL="$base" PLAYWRIGHT_JSON_OUTPUT_FILE="$json" \
      E2E_ADMIN_EMAIL="$E2E_ADMIN_EMAIL" E2E_ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" \
      E2E_EDITOR_EMAIL="$E2E_EDITOR_EMAIL" E2E_EDITOR_PASSWORD="$E2E_EDITOR_PASSWORD" \
      node "$ROOT/node_modules/@playwright/test/cli.js" test --project="$project"
    SUITE_CODE=$?
    count_runner "$name" playwright "$json" $SUITE_CODE $((SECONDS - t))
    [[ $SUITE_CODE -ne 0 ]] && { echo "--- server log (last 40 lines) ---"; tail -n 40 "$log"; }
  else
    echo "!!! $script did not become ready at $base — log:" >&2
    tail -n 60 "$log" >&2 2>/dev/null
    record "$name" 0 1 $((SECONDS - t)) "server did not start"
  fi
  stop_server
}

banner "(e) Playwright — next start on PostgreSQL ($E2E_DB, port $E2E_PORT)"
if [[ $BUILD_OK -ne 1 ]]; then
  echo "!!! no build: e2e not run (counted as a failure)" >&2
  record "playwright" 0 1 0 "not run: build failed"
elif [[ $PG_OK -ne 1 ]]; then
  echo "!!! PostgreSQL unreachable: e2e not run (counted as a failure)" >&2
  record "playwright" 0 1 0 "not run: PostgreSQL unreachable"
elif (exec 3<>"/dev/tcp/127.0.0.1/$E2E_PORT") 2>/dev/null; then
  echo "!!! port $E2E_PORT is already in use: another server would be tested. Stop it or set E2E_PORT." >&2
  record "playwright" 0 1 0 "port $E2E_PORT busy"
else
  RUNNER_ENV=()
  browser_suite "playwright" "$E2E_DB" chromium "$E2E_BASE_URL" e2e-server.log playwright.json health 240 scripts/start.ts \
    PORT="$E2E_PORT" NODE_ENV=production AUTH_URL="http://localhost:$E2E_PORT" AUTH_TRUST_HOST=true
  [[ $SUITE_CODE -ne 0 && -f "$RESULTS/outage-server.log" ]] && { echo "--- outage spec's server log (last 20 lines) ---"; tail -n 20 "$RESULTS/outage-server.log"; }
fi

# ---------------------------------------------------------------------------------------------
SERVE_DB=kqnk_e2e_serve
SERVE_PORT=${E2E_SERVE_PORT:-3200}
SERVE_BASE_URL="http://localhost:$SERVE_PORT"
banner "(f) Playwright — npm run serve on PostgreSQL ($SERVE_DB): nginx :$SERVE_PORT, instances :$((SERVE_PORT + 1)), :$((SERVE_PORT + 2)), Redis"
if [[ $BUILD_OK -ne 1 || $PG_OK -ne 1 ]]; then
  echo "!!! no build or no PostgreSQL: the serve e2e not run (counted as a failure)" >&2
  record "playwright (serve)" 0 1 0 "not run: build failed or PostgreSQL unreachable"
else
  # scripts/serve.ts refuses to start when a port is taken or nginx/Redis is missing, and says why;
  # it builds again with the shared server-actions key, hence the longer wait.
  RUNNER_ENV=(E2E_INSTANCES="http://localhost:$((SERVE_PORT + 1)),http://localhost:$((SERVE_PORT + 2))")
  browser_suite "playwright (serve)" "$SERVE_DB" serve "$SERVE_BASE_URL" e2e-serve.log playwright-serve.json log 900 scripts/serve.ts \
    PORT="$SERVE_PORT" INSTANCES=2
fi

# ---------------------------------------------------------------------------------------------
banner "Tổng kết (summary) — $((SECONDS - STARTED_AT)) s"
printf '%s\n' "${SUMMARY[@]}"
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
[[ $TOTAL_FAILED -eq 0 ]]
