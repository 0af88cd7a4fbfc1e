#!/usr/bin/env bash
# Load script for issue 3: the week page and the API week query against the running server with
# 10,000 published activities (2,000 weekly series) in one municipality. Loopback only, bounded in
# time. Usage: tests/Frivillig.Benchmarks/load-calendar.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}; connections=${2:-32}
work=$(mktemp -d)
source tests/Frivillig.Benchmarks/load-common.sh

echo "occurrences in this week: $(curl -s "http://127.0.0.1:$port/api/v1/tromso/activities" | grep -o '"activityId"' | wc -l)"
for path in "/tromso" "/api/v1/tromso/activities" "/tromso?district=tromsoya&target=eldre" "/tromso?visning=liste"; do
  curl -s -o /dev/null "http://127.0.0.1:$port$path"   # warm, and fill the output cache
  echo "== $path ($(curl -s "http://127.0.0.1:$port$path" | wc -c) bytes)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "50%|99%|Requests/sec|Non-2xx"
done
echo "server memory (RSS) after the run: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}')"
grep -iE "fail|crit" "$work/app.log" | head -5 || true
