#!/usr/bin/env bash
# Load script for issue 10: the availability API under load with 50,000 bookings in the database, and
# booking requests per second under contention (many clients asking for the same evenings of one
# room through the booking form). Loopback only, bounded in time.
# Usage: tests/Frivillig.Benchmarks/load-premises.sh [seconds] [connections] [booking-clients]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}; connections=${2:-32}; bookers=${3:-16}
work=$(mktemp -d)
demo=true seed10k=no
source tests/Frivillig.Benchmarks/load-common.sh

bench=tests/Frivillig.Benchmarks/bin/Release/net10.0/Frivillig.Benchmarks.dll
dotnet "$bench" seed-premises "$work/load.db" tromso 50000
ids=$(curl -s "http://127.0.0.1:$port/api/v1/tromso/premises" | grep -o '"id":[0-9]*,"name":"[^"]*"' | head -20)
kroken=$(echo "$ids" | grep 'Kroken skole' | grep -o '[0-9]*' | head -1)
load=$(echo "$ids" | grep 'Lastskolen' | grep -o '[0-9]*' | head -1)
from=$(date -d "+30 days" +%F); to=$(date -d "+86 days" +%F)
for path in "/api/v1/tromso/premises/$load/availability?from=$from&to=$to" "/api/v1/tromso/premises/$kroken/availability" "/tromso/lokaler/$kroken" "/api/v1/tromso/premises"; do
  curl -s -o /dev/null "http://127.0.0.1:$port$path"
  echo "== $path ($(curl -s "http://127.0.0.1:$port$path" | wc -c) bytes)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "50%|99%|Requests/sec|Non-2xx"
done
echo "== booking form under contention, $bookers clients, ${seconds}s"
dotnet "$bench" bookload "http://127.0.0.1:$port" "$bookers" "$seconds"
echo "server memory (RSS) after the run: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}')"
grep -iE "fail|crit" "$work/app.log" | head -5 || true
