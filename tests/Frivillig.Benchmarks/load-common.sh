# Shared by the load scripts (sourced, not run): builds in Release, starts the app on a fresh
# SQLite file on a random loopback port, seeds 10,000 activities into Tromsø, and cleans up on exit.
# Needs: $work (a temp folder); optional $webroot, $demo (true: demo accounts), $seed10k (no: skip the 10,000). Sets: $port, $pid. Loopback only.
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null 2>&1; }

# Below the ephemeral range (32768 and up), where ten thousand client sockets (and their TIME_WAIT) could hold it.
port=$((10000 + RANDOM % 20000))
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release -v quiet -nologo Frivillig.sln >/dev/null
app=$(pwd)/src/Frivillig.Web/bin/Release/net10.0/Frivillig.Web.dll
export ConnectionStrings__Frivillig="Data Source=$work/load.db" Frivillig__AppDataPath="$work" Frivillig__SeedDemoData=${demo:-false} ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning

start() {
  (cd src/Frivillig.Web && exec dotnet "$app" --urls "http://127.0.0.1:$port" ${webroot:+--webroot "$webroot"} >"$work/$1.log" 2>&1) & pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return; sleep 0.5; done
  echo "server did not start"; cat "$work/$1.log"; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# The first start creates the schema and loads content/ (Tromsø and the others); then the load goes into Tromsø.
start first; stop
[ "${seed10k:-yes}" = yes ] && dotnet tests/Frivillig.Benchmarks/bin/Release/net10.0/Frivillig.Benchmarks.dll seed "$work/load.db" tromso
start app
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
