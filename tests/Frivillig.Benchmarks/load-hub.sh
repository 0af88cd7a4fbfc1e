#!/usr/bin/env bash
# Load script for issues 5 and 13: N clients (default 2,000) follow Tromsø on the live hub; an organiser
# cancels a date of a demo activity through the web form, a few rounds; prints the delay from the
# form's POST to each client's message (the first round cold, the rest "warm") and the server's memory.
# Loopback only, bounded.
# Usage: tests/Frivillig.Benchmarks/load-hub.sh [clients] [rounds] [lean|signalr]
#   lean (default): each client is a WebSocket speaking the hub's JSON protocol and nothing more, so the
#     two cores go to the server as they would with ten thousand browsers on their own devices;
#   signalr: each client is the SignalR .NET client (pipes, parsing, handlers: about half the machine
#     goes to the clients at 10,000).
# Environment: DOTNET_gcServer=0 for the workstation garbage collector (both processes),
#   HUBLOAD_HOLD=seconds to keep the clients idle first and print what idle connections cost.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-2000}; rounds=${2:-5}; client=${3:-lean}
work=$(mktemp -d)
demo=true seed10k=no source tests/Frivillig.Benchmarks/load-common.sh

rss() { awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
echo "server memory before: $(rss)"
timeout 300 dotnet tests/Frivillig.Benchmarks/bin/Release/net10.0/Frivillig.Benchmarks.dll hubload "http://127.0.0.1:$port" "$clients" "$rounds" "$client"
echo "server memory after the rounds ($clients clients asked to connect): $(rss)"
echo "server peak memory: $(awk '/VmHWM/{printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
