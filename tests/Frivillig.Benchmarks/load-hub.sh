#!/usr/bin/env bash
# Load script for issue 5: N SignalR clients (default 2,000) follow Tromsø; an organiser cancels a
# date of a demo activity through the web form, a few rounds; prints the delay from the request to
# each client's message and the server's memory. Loopback only, bounded.
# Usage: tests/Frivillig.Benchmarks/load-hub.sh [clients] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-2000}; rounds=${2:-5}
work=$(mktemp -d)
demo=true seed10k=no source tests/Frivillig.Benchmarks/load-common.sh

rss() { awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
echo "server memory before: $(rss)"
timeout 300 dotnet tests/Frivillig.Benchmarks/bin/Release/net10.0/Frivillig.Benchmarks.dll hubload "http://127.0.0.1:$port" "$clients" "$rounds"
echo "server memory after the rounds ($clients clients asked to connect): $(rss)"
echo "server peak memory: $(awk '/VmHWM/{printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
