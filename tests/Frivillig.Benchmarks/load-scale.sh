#!/usr/bin/env bash
# Load script for issue 13: what one small server carries at a city's scale, each figure beside its
# limit in the same run. With 10,000 activities in Tromsø (seeded as in load-calendar.sh):
#  1. a district feed: nginx serving its bytes as a static file, the app uncompressed, gzip and Brotli;
#  2. the week page from the cache: nginx serving the same bytes, and the app;
#  3. the week page with a different district, category, target, search and week on each request
#     (uncached-query.lua), which no cache can answer, after 20 seconds of the same load to warm it.
# Loopback only, bounded in time. Installs wrk and nginx when missing.
# Usage: tests/Frivillig.Benchmarks/load-scale.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}; connections=${2:-32}
work=$(mktemp -d)
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null 2>&1 || apt-get install -y -qq nginx >/dev/null 2>&1; }
source tests/Frivillig.Benchmarks/load-common.sh

# nginx on another loopback port, two workers like the machine's two cores, no logging.
nport=$((port + 1))
mkdir -p "$work/static" "$work/nginx"
# nginx's workers run as another user; mktemp made the folder private.
chmod 755 "$work"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/calendar ics; text/html html; }
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nport; root $work/static;
    # The app's Brotli bytes of the week page, served as a file: what browsers are sent.
    location = /week.br { default_type "text/html; charset=utf-8"; add_header Content-Encoding br; } }
}
CONF
nginx -c "$work/nginx/nginx.conf"
bpid=""
trap 'nginx -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true; [ -n "$bpid" ] && kill "$bpid" 2>/dev/null; cleanup' EXIT

run() { # $1 label, $2 url, then extra wrk arguments
  local label=$1 url=$2; shift 2
  printf '%-44s ' "$label"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url" | awk '/Requests\/sec/{rps=$2} /99%/{p99=$2} /Non-2xx/{bad=$5} END{printf "%10s req/s   p99 %8s%s\n", rps, p99, bad ? "   non-2xx " bad : ""}'
}

feed="/ical/tromso/districts/kroken.ics"
curl -s "http://127.0.0.1:$port$feed" >"$work/static/feed.ics"
echo "feed $feed: $(wc -c <"$work/static/feed.ics") bytes, $(grep -c '^BEGIN:VEVENT' "$work/static/feed.ics") VEVENTs;" \
  "gzip $(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$feed" | wc -c) bytes, br $(curl -s -H 'Accept-Encoding: br' "http://127.0.0.1:$port$feed" | wc -c) bytes"
run "nginx, the feed's bytes as a file" "http://127.0.0.1:$nport/feed.ics"
run "app, feed uncompressed" "http://127.0.0.1:$port$feed"
run "app, feed gzip" "http://127.0.0.1:$port$feed" -H "Accept-Encoding: gzip"
run "app, feed br" "http://127.0.0.1:$port$feed" -H "Accept-Encoding: br"
run "app, feed br, client has it (304)" "http://127.0.0.1:$port$feed" -H "Accept-Encoding: br" \
  -H "If-None-Match: $(curl -s -D - -o /dev/null -H 'Accept-Encoding: br' "http://127.0.0.1:$port$feed" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')"

curl -s "http://127.0.0.1:$port/tromso" >"$work/static/week.html"
echo "week page /tromso: $(wc -c <"$work/static/week.html") bytes"
# Kestrel alone answering the same bytes from memory shows what any ASP.NET Core app can reach here.
bport=$((port + 2))
dotnet tests/Frivillig.Benchmarks/bin/Release/net10.0/Frivillig.Benchmarks.dll serve-bytes "$work/static/week.html" "http://127.0.0.1:$bport" >/dev/null 2>&1 & bpid=$!
for _ in $(seq 1 40); do curl -sf -o /dev/null "http://127.0.0.1:$bport/" && break; sleep 0.25; done
# A .NET server compiles its hot code again, optimised, during its first seconds under load (fresh from
# start, Kestrel alone answers at two thirds of its later rate): five seconds of load on each first.
for url in "http://127.0.0.1:$nport/week.html" "http://127.0.0.1:$bport/" "http://127.0.0.1:$port/tromso"; do
  wrk -t2 -c"$connections" -d5s "$url" >/dev/null
done
# All three come close to what the loopback and the two cores allow, and one run can differ from the
# next by a sixth: three runs each, taken in turn, and the ratios of their sums.
nginx_sum=0; bare_sum=0; app_sum=0
rps() { grep -o '[0-9.]* req/s' <<<"$1" | cut -d' ' -f1; }
for i in 1 2 3; do
  line=$(run "nginx, the week page's bytes as a file ($i)" "http://127.0.0.1:$nport/week.html"); echo "$line"; nginx_sum=$(awk -v a="$nginx_sum" -v b="$(rps "$line")" 'BEGIN{print a+b}')
  line=$(run "Kestrel alone, the same bytes ($i)" "http://127.0.0.1:$bport/"); echo "$line"; bare_sum=$(awk -v a="$bare_sum" -v b="$(rps "$line")" 'BEGIN{print a+b}')
  line=$(run "app, week page from the cache ($i)" "http://127.0.0.1:$port/tromso"); echo "$line"; app_sum=$(awk -v a="$app_sum" -v b="$(rps "$line")" 'BEGIN{print a+b}')
done
kill "$bpid"; bpid=""
awk -v n="$nginx_sum" -v b="$bare_sum" -v a="$app_sum" 'BEGIN{printf "week page, means of three: nginx %.0f, Kestrel alone %.0f (%.2fx nginx), app %.0f req/s (%.2fx nginx, %.2fx Kestrel alone)\n", n/3, b/3, b/n, a/3, a/n, a/b}'
curl -s -H "Accept-Encoding: br" "http://127.0.0.1:$port/tromso" >"$work/static/week.br"
echo "week page in Brotli, as browsers ask for it: $(wc -c <"$work/static/week.br") bytes"
run "nginx, the week page's br bytes as a file" "http://127.0.0.1:$nport/week.br" -H "Accept-Encoding: br"
run "app, week page from the cache, br" "http://127.0.0.1:$port/tromso" -H "Accept-Encoding: br"

# The query path's code is compiled twice (quickly first, then optimised once it is hot) and the
# calendar's in-memory snapshot is built on the first query: 20 seconds of the same load warm it, as
# any server is warm after its first minute; the figure is the run after.
wrk -t2 -c"$connections" -d20s -s tests/Frivillig.Benchmarks/uncached-query.lua "http://127.0.0.1:$port" >/dev/null

run "app, a different query on each request" "http://127.0.0.1:$port" -s tests/Frivillig.Benchmarks/uncached-query.lua
echo "server memory (RSS) after the run: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}')"
grep -iE "fail|crit" "$work/app.log" | head -5 || true
