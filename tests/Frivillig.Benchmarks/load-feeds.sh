#!/usr/bin/env bash
# Load script for issue 4: a cached iCal feed against a static file of the same size, both served by
# the same Kestrel in the same run. Loopback only, bounded in time.
# Usage: tests/Frivillig.Benchmarks/load-feeds.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}; connections=${2:-32}
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
mkdir -p "$work/wwwroot"

start() { (cd src/Frivillig.Web && exec dotnet "$app" --urls "http://127.0.0.1:$port" --webroot "$work/wwwroot" >"$work/$1.log" 2>&1) & pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return; sleep 0.5; done; echo "server did not start"; cat "$work/$1.log"; exit 1; }
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

start first; stop
dotnet tests/Frivillig.Benchmarks/bin/Release/net10.0/Frivillig.Benchmarks.dll seed "$work/load.db" tromso
start app

feed="/ical/tromso/districts/kroken.ics"
curl -s "http://127.0.0.1:$port$feed" >"$work/wwwroot/same-size.ics"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "feed: $feed, $(wc -c <"$work/wwwroot/same-size.ics") bytes, $(grep -c '^BEGIN:VEVENT' "$work/wwwroot/same-size.ics") VEVENTs"
for path in "$feed" "/same-size.ics"; do
  curl -s -o /dev/null "http://127.0.0.1:$port$path"
  echo "== $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "50%|99%|Requests/sec|Non-2xx"
done
