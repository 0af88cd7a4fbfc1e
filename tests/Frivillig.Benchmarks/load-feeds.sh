#!/usr/bin/env bash
# Load script for issue 4: a cached iCal feed against a static file of the same size, both served by
# the same Kestrel in the same run. Loopback only, bounded in time.
# Usage: tests/Frivillig.Benchmarks/load-feeds.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}; connections=${2:-32}
work=$(mktemp -d)
webroot="$work/wwwroot"; mkdir -p "$webroot"
source tests/Frivillig.Benchmarks/load-common.sh

feed="/ical/tromso/districts/kroken.ics"
curl -s "http://127.0.0.1:$port$feed" >"$webroot/same-size.ics"
echo "feed: $feed, $(wc -c <"$webroot/same-size.ics") bytes, $(grep -c '^BEGIN:VEVENT' "$webroot/same-size.ics") VEVENTs"
for path in "$feed" "/same-size.ics"; do
  curl -s -o /dev/null "http://127.0.0.1:$port$path"
  echo "== $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "50%|99%|Requests/sec|Non-2xx"
done
