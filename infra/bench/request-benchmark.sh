#!/usr/bin/env bash
# Request benchmark: real HTTP GraphQL requests with real tokens against the service, and the raw-driver floor.
# Three JVMs: the embedded store (BenchStore: mongo-java-server, in-memory), the service (RequestBenchService: a
# fresh database, a generated book of N clients written by ScaledBook, a test identity provider for the tokens, a
# loopback control port for CPU, command counts and command capture) and the load generator (RequestBenchmark),
# which also replays the service's exact command documents with the plain MongoDB driver at the same concurrency.
#
# Scenarios: the portfolio page (clients(first: 50), every nested field, as an RM, a branch manager and an analyst,
# pages 1-3), client detail, portfolio(groupBy: TIER / INDUSTRY_SECTION), dataQualityReport, tierMigration,
# myWorklist, teamWorklist; each at concurrency 1, 4 and 16: median/p99 latency, req/s, commands per request,
# the service's CPU per request, the raw replay's median/p99/req/s, and the ratio service / raw.
# The batch re-tier has its own script: infra/bench/retiering-benchmark.sh.
#
# Usage: infra/bench/request-benchmark.sh [clients]     (default 100000)
# Environment: SERVICE_HEAP (default 1g), STORE_HEAP (default 14g from 50,000 clients, else 4g), SEED (default
#              2026), MONGODB_URI (a real MongoDB instead of the embedded store; its database "portal" is DROPPED),
#              BENCH_SECONDS (per round and side, default 6), BENCH_ROUNDS (default 2), BENCH_WARMUP (seconds per
#              scenario at least, default 4), BENCH_WARMUP_MAX (the service is warmed up in 10 s slices until the JIT
#              compilers spend at most BENCH_JIT_SETTLED_MS (default 100) in one, for at most this many seconds,
#              default 300), BENCH_CONCURRENCY (default 1,4,16), BENCH_SCENARIOS (comma-separated names,
#              default all), BENCH_MAX_REQUEST_SECONDS (a scenario one of whose requests takes longer is reported
#              as not measured; default 20), SERVICE_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=x.jfr),
#              MAIN_CLASSES (a directory of compiled main classes to measure instead of target/classes, e.g. the
#              snapshot target/bench/classes-<stamp>/main of an earlier run: before/after comparisons),
#              SKIP_BUILD=1 to reuse target/ and target/bench/classpath.txt, PROFILE=1 to record the service with JFR
#              (target/bench/requests-<stamp>.jfr) and append, per scenario, where its request threads spend their
#              CPU in the measured rounds (not the warm-up), by library (bench/JfrBreakdown); the recording costs the
#              service a few per cent
# Output: the table on stdout and in target/bench/requests-<UTC timestamp>.md; the JVMs' logs beside it.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$script_dir/../.."

clients="${1:-100000}"
SERVICE_HEAP="${SERVICE_HEAP:-1g}"
if [[ -z "${STORE_HEAP:-}" ]]; then
  if (( clients >= 50000 )); then STORE_HEAP=14g; else STORE_HEAP=4g; fi
fi
SEED="${SEED:-2026}"
out_dir="target/bench"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out_dir"
report="$out_dir/requests-$stamp.md"
started_at=$(date +%s)

source "$script_dir/classpath.sh"
bench_classes "$out_dir/classes-$stamp" "${MAIN_CLASSES:-target/classes}"

store_pid=""; service_pid=""
stop_all() {
  for pid in "$service_pid" "$store_pid"; do
    [[ -n "$pid" ]] || continue
    kill -TERM "$pid" 2>/dev/null || true
    # A store still running a request that was "not measured" (minutes on a large book) does not stop on TERM.
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

# Waits for "READY ..." in a log; prints the words after READY.
await_ready() {
  local log="$1" pid="$2" tries="$3"
  for _ in $(seq 1 "$tries"); do
    if grep -q '^READY ' "$log"; then grep '^READY ' "$log" | cut -d' ' -f2-; return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died:" >&2; tail -n 60 "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$log: not ready in time" >&2; tail -n 60 "$log" >&2; exit 1
}

if [[ -n "${MONGODB_URI:-}" ]]; then
  uri="$MONGODB_URI"; store_desc="real MongoDB"
else
  store_log="$out_dir/requests-$stamp-store.log"
  # G1: a stop-the-world full collection of a large store heap (ParallelGC) outlasted the driver's read timeout.
  "$java_bin" -Xms"$STORE_HEAP" -Xmx"$STORE_HEAP" -XX:+UseG1GC -cp "$cp" com.corpbank.portal.bench.BenchStore 0 \
    > "$store_log" 2>&1 &
  store_pid=$!
  uri="mongodb://127.0.0.1:$(await_ready "$store_log" "$store_pid" 200)/portal"
  store_desc="embedded mongo-java-server (in-memory backend, own JVM, -Xmx$STORE_HEAP)"
fi

service_opts="${SERVICE_JAVA_OPTS:-}"
recording=""
if [[ "${PROFILE:-0}" == 1 ]]; then
  # Recorded from the start (a recording started later makes the JIT recompile); each scenario's measured rounds are
  # a window of it (RequestBenchService /profile/start and /profile/stop write requests-<stamp>-<scenario>.window).
  recording="$out_dir/requests-$stamp.jfr"
  service_opts="$service_opts -XX:FlightRecorderOptions:stackdepth=2048 -XX:StartFlightRecording=filename=$recording,settings=profile -Dbench.profile=$out_dir/requests-$stamp"
fi

service_log="$out_dir/requests-$stamp-service.log"
echo "== service: writing a book of $clients clients (log: $service_log)"
# shellcheck disable=SC2086
"$java_bin" -Xms"$SERVICE_HEAP" -Xmx"$SERVICE_HEAP" $service_opts -cp "$cp" \
  com.corpbank.portal.bench.RequestBenchService "$uri" "$clients" "$SEED" > "$service_log" 2>&1 &
service_pid=$!
read -r portal_port control_port < <(await_ready "$service_log" "$service_pid" 7200)
grep '^BOOK ' "$service_log" || true
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

table="$out_dir/requests-$stamp-table.md"
driver_status=0
echo "== measuring (log: $out_dir/requests-$stamp-driver.log)"
"$java_bin" -Xmx1g -Dbench.seconds="${BENCH_SECONDS:-6}" -Dbench.rounds="${BENCH_ROUNDS:-2}" \
  -Dbench.warmup="${BENCH_WARMUP:-4}" -Dbench.warmupMax="${BENCH_WARMUP_MAX:-300}" \
  -Dbench.jitSettledMillis="${BENCH_JIT_SETTLED_MS:-100}" -Dbench.concurrency="${BENCH_CONCURRENCY:-1,4,16}" \
  -Dbench.scenarios="${BENCH_SCENARIOS:-}" -Dbench.maxRequestSeconds="${BENCH_MAX_REQUEST_SECONDS:-20}" -cp "$cp" com.corpbank.portal.bench.RequestBenchmark \
  "http://127.0.0.1:$portal_port" "http://127.0.0.1:$control_port" "$uri" "$clients" "$table" \
  2>&1 | tee "$out_dir/requests-$stamp-driver.log" || driver_status=$?
touch "$table"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
store_heap_used=""
if [[ -n "$store_pid" ]] && command -v jcmd > /dev/null; then
  # After a full GC: the book's live size in the store (what STORE_HEAP must hold, plus headroom).
  jcmd "$store_pid" GC.run > /dev/null 2>&1 || true
  store_heap_used="$(jcmd "$store_pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap/{for(i=1;i<=NF;i++) if($i=="used") print $(i+1)}' | head -1)"
fi
stop_all; service_pid=""; store_pid=""

{
  echo "# Request benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/{print $2}') GiB;" \
       "$("$java_bin" -version 2>&1 | head -1); service heap -Xmx$SERVICE_HEAP. Load average before/after measuring: $load_before / $load_after."
  echo "Dataset: $clients clients (ScaledBook, seed $SEED). Store: $store_desc.${MAIN_CLASSES:+ Service classes: $MAIN_CLASSES.}"
  echo "Each cell: ${BENCH_ROUNDS:-2} rounds of ${BENCH_SECONDS:-6} s of the service then ${BENCH_SECONDS:-6} s of the raw replay, after a warm-up per scenario of at least ${BENCH_WARMUP:-4} s, until the service's JIT compilers spent at most ${BENCH_JIT_SETTLED_MS:-100} ms in 10 s, for at most ${BENCH_WARMUP_MAX:-300} s (the scenario notes below say how each ended)."
  echo "Latencies are client-side (HTTP round trip incl. JSON); \"raw\" is the plain driver running the service's captured commands; overhead = service / raw."
  echo "Wall time of the whole run: $(( $(date +%s) - started_at )) s.${store_heap_used:+ Store heap used after a full GC at the end: $store_heap_used.}"
  [[ $driver_status -eq 0 ]] || echo "**The load generator FAILED (exit $driver_status): the table holds the cells measured before; see the driver log.**"
  echo
  cat "$table"
  if [[ -n "$recording" && -s "$recording" ]]; then
    for window in "$out_dir/requests-$stamp"-*.window; do
      [[ -s "$window" ]] || continue
      echo
      echo "### Where the request threads spend their CPU: $(basename "$window" .window | sed "s/^requests-$stamp-//"), measured rounds (JFR, $recording)"
      echo
      # shellcheck disable=SC2046
      "$java_bin" -cp "$cp" com.corpbank.portal.bench.JfrBreakdown "$recording" $(cat "$window")
    done
  fi
} > "$report"
echo
cat "$report"
exit "$driver_status"
