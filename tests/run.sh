#!/usr/bin/env bash
# The one test command. Installs what is missing (Debian packages, npm packages), builds the
# solution, runs every test project (the integration suite once on SQLite and once on PostgreSQL),
# checks the published app, and ends with one line: "N passed, N failed, N skipped".
# Benchmarks and load scripts are not run here; see README, Performance.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/frivillig-run.XXXXXX)
chmod 755 "$work"

finish() {
  [ -n "${pg_ctl:-}" ] && [ -d "$work/pg" ] && as_pg "$pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null
  rm -rf "$work"
}
trap finish EXIT

fail_early() { echo "run.sh: $1"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# --- what the tests need from Debian -------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || missing+=(python3-icalendar)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail_early "apt-get install failed"
fi
export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}

# --- a throw-away PostgreSQL cluster on a loopback port ------------------------------------
# Debian's server refuses to run as root, so as root it runs as the postgres user.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_ctl="$pg_bin/pg_ctl"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U frivillig --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1 \
  || { cat "$work/pg/initdb.log"; fail_early "initdb failed"; }
# Durability is not what these tests are about; fsync off makes each test database cheap.
as_pg "$pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || { cat "$work/pg/server.log"; fail_early "PostgreSQL did not start"; }
export FRIVILLIG_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=frivillig;Maximum Pool Size=40"

# --- npm packages used by tests (independent parsers, clients and validators) --------------
# Installed again whenever the lock file changed since the last install (a stamp in node_modules says which).
if [ -f tests/js/package.json ]; then
  (cd tests/js && {
    stamp=$(sha256sum package-lock.json | cut -d' ' -f1)
    [ -f node_modules/.frivillig-lock ] && [ "$(cat node_modules/.frivillig-lock)" = "$stamp" ] \
      || { npm ci --no-audit --no-fund --silent && echo "$stamp" > node_modules/.frivillig-lock; }
  }) || fail_early "npm ci failed"
fi

# --- build once, then run each project ------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Frivillig.sln -c Release -v quiet -nologo || fail_early "build failed"

passed=0; failed=0; skipped=0
run_tests() { # $1 project, $2 label; the environment carries the provider
  local log; log=$(mktemp)
  echo "== $2"
  dotnet test "$1" -c Release --no-build --nologo 2>&1 | tee "$log" | grep -E '^\s+Failed |^(Passed|Failed)!|Error Message' || true
  local summary; summary=$(grep -E '^(Passed|Failed)!' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "run.sh: $2 produced no summary (crash or build problem)"; tail -n 40 "$log"
    failed=$((failed + 1))
  else
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")))
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")))
  fi
  rm -f "$log"
}

run_tests tests/Frivillig.UnitTests "unit tests"
FRIVILLIG_TEST_DATABASE=Sqlite run_tests tests/Frivillig.IntegrationTests "integration tests on SQLite"
FRIVILLIG_TEST_DATABASE=PostgreSql run_tests tests/Frivillig.IntegrationTests "integration tests on PostgreSQL"
run_tests tests/Frivillig.BrowserTests "browser tests"

# --- the published app, as an operator deploys it -----------------------------------------
# dotnet publish to a folder, started from another folder with no configuration: it must find its
# content/ and wwwroot, create its SQLite file, and answer; then the same on PostgreSQL.
check_published() { # $1 label, then environment assignments for the app
  local label=$1; shift
  local port; port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # exec: the subshell becomes the app, so killing $app_pid stops the app (not only a shell, leaving the app running).
  (cd "$work/elsewhere" && exec env "$@" dotnet "$work/published/Frivillig.Web.dll" --urls "http://127.0.0.1:$port" >"$work/published-$label.log" 2>&1) &
  app_pid=$!
  local ok=0
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { ok=1; break; }
    sleep 1
  done
  local result=pass
  if [ $ok -eq 0 ]; then
    result=fail
  else
    for path in /health/ready /tromso /css/site.css /lib/signalr/signalr.min.js /ical/tromso.ics; do
      code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
      [ "$code" = 200 ] || { echo "run.sh: published app ($label): $path answered $code"; result=fail; }
    done
    # A pasted 10,000-character search passes Kestrel's request line and gets the app's own 400 with a message.
    long=$(printf 'a%.0s' $(seq 1 10000))
    for path in "/tromso?q=$long" "/api/v1/tromso/activities?q=$long"; do
      answer=$(curl -s -w '\n%{http_code} %{content_type}' "http://127.0.0.1:$port$path")
      case "$(tail -n 1 <<<"$answer")" in
        "400 text/html"*) grep -q "høyst 100 tegn" <<<"$answer" || { echo "run.sh: published app ($label): long search without its message"; result=fail; } ;;
        "400 application/problem+json"*) ;;
        *) echo "run.sh: published app ($label): a 10,000-character search answered $(tail -n 1 <<<"$answer")"; result=fail ;;
      esac
    done
  fi
  kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; app_pid=
  if [ $result = pass ]; then
    echo "Published app on $label: passed"; passed=$((passed + 1))
  else
    echo "Published app on $label: FAILED"; tail -n 30 "$work/published-$label.log"; failed=$((failed + 1))
  fi
}

echo "== published app"
mkdir -p "$work/elsewhere"
if dotnet publish src/Frivillig.Web -c Release -o "$work/published" -v quiet -nologo >"$work/publish.log" 2>&1; then
  check_published SQLite ASPNETCORE_ENVIRONMENT=Production
  "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U frivillig frivillig_published >/dev/null 2>&1
  check_published PostgreSQL ASPNETCORE_ENVIRONMENT=Production Frivillig__Database=PostgreSql \
    "ConnectionStrings__Frivillig=Host=127.0.0.1;Port=$pg_port;Username=frivillig;Database=frivillig_published"
else
  echo "run.sh: dotnet publish failed"; tail -n 30 "$work/publish.log"; failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
