#!/usr/bin/env bash
# Load script for issue 3: the week page and the API week query against the running server with
# 10,000 published activities (2,000 weekly series) in one municipality. Loopback only, bounded in
# time. Usage: tests/Frivillig.Benchmarks/load-calendar.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}; connections=${2:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null 2>&1; }

work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release -v quiet -nologo Frivillig.sln >/dev/null
app=$(pwd)/src/Frivillig.Web/bin/Release/net10.0/Frivillig.Web.dll
export ConnectionStrings__Frivillig="Data Source=$work/load.db" Frivillig__AppDataPath="$work" Frivillig__SeedDemoData=false ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning

start() { (cd src/Frivillig.Web && exec dotnet "$app" --urls "http://127.0.0.1:$port" >"$work/$1.log" 2>&1) & pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return; sleep 0.5; done; echo "server did not start"; cat "$work/$1.log"; exit 1; }
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# First start creates the schema and loads content/ (Tromsø and the others); then 10,000 activities go into Tromsø.
start first; stop
dotnet tests/Frivillig.Benchmarks/bin/Release/net10.0/Frivillig.Benchmarks.dll seed "$work/load.db" tromso
start app

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
echo "occurrences in this week: $(curl -s "http://127.0.0.1:$port/api/v1/tromso/activities" | grep -o '"activityId"' | wc -l)"
for path in "/tromso" "/api/v1/tromso/activities" "/tromso?district=tromsoya&target=eldre" "/tromso?visning=liste"; do
  curl -s -o /dev/null "http://127.0.0.1:$port$path"   # warm, and fill the output cache
  echo "== $path ($(curl -s "http://127.0.0.1:$port$path" | wc -c) bytes)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "50%|99%|Requests/sec|Non-2xx"
done
echo "server memory (RSS) after the run: $(ps -o rss= -p "$(pgrep -P "$pid" || echo "$pid")" | awk '{printf "%.0f MB", $1/1024}')"
grep -iE "fail|crit" "$work/app.log" | head -5 || true
