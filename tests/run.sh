#!/usr/bin/env bash
# The one test command. Installs what is missing (Debian packages, npm packages), builds the
# solution, runs every test project, and ends with one line: "N passed, N failed, N skipped".
# Benchmarks and load scripts are not run here; see README, Performance.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# --- what the tests need from Debian -------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || missing+=(python3-icalendar)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
    echo "run.sh: apt-get install failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi
export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}

# --- npm packages used by tests (independent parsers and clients) --------------------------
if [ -f tests/js/package.json ]; then
  (cd tests/js && { [ -d node_modules ] || npm ci --no-audit --no-fund --silent; }) || {
    echo "run.sh: npm ci failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

# --- build once, then run each project ------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Frivillig.sln -c Release -v quiet -nologo; then
  echo "run.sh: build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1
fi

passed=0; failed=0; skipped=0
for project in tests/Frivillig.UnitTests tests/Frivillig.IntegrationTests tests/Frivillig.BrowserTests; do
  log=$(mktemp)
  echo "== $project"
  dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$log" | grep -E '^\s+Failed |^(Passed|Failed)!|Error Message' || true
  summary=$(grep -E '^(Passed|Failed)!' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "run.sh: $project produced no summary (crash or build problem)"; tail -n 40 "$log"
    failed=$((failed + 1))
  else
    f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")
    p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")
    s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  fi
  rm -f "$log"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
