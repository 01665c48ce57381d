#!/usr/bin/env bash
# Batch re-tiering benchmark: for each book size, a fresh store, a generated book (ScaledBook: statements, 24 months
# of figures, 3 tax years per client), the demo model activated (calibrated on the book), then two re-tiering jobs
# run to the end: the first tiers and explains every client, the second must change nothing. Prints a table of
# clients per second, CPU, driver commands and heap per size, and the cost per client relative to the smallest
# size (linear growth keeps it near 1.0).
#
# The service (com.corpbank.portal.bench.RetieringBenchmark) runs in its own JVM per size with a fixed heap
# (SERVICE_HEAP), against the embedded store (BenchStore: mongo-java-server, in-memory) in another JVM, so the
# service's heap figures are the job's own. Set MONGODB_URI to measure against a real MongoDB instead (its
# database "portal" is DROPPED at each size).
#
# Usage: infra/bench/retiering-benchmark.sh [sizes...]     (default: 12500 25000 50000 100000)
# Environment: SERVICE_HEAP (default 1g), STORE_HEAP (default 14g), MONGODB_URI, SEED (default 2026),
#              SKIP_BUILD=1 to reuse target/ and target/bench/classpath.txt
# Takes about 35 minutes for the default sizes on 2 cores; the store needs ~10 GB for 100,000 clients.
# Output: the table on stdout and in target/bench/retiering-<UTC timestamp>.md, each run's log beside it.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$script_dir/../.."

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(12500 25000 50000 100000)
SERVICE_HEAP="${SERVICE_HEAP:-1g}"
STORE_HEAP="${STORE_HEAP:-14g}"
SEED="${SEED:-2026}"
out_dir="target/bench"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out_dir"
report="$out_dir/retiering-$stamp.md"

source "$script_dir/classpath.sh"
bench_classes "$out_dir/classes-$stamp"

store_pid=""
stop_store() { [[ -z "$store_pid" ]] || { kill -TERM "$store_pid" 2>/dev/null || true; wait "$store_pid" 2>/dev/null || true; }; }
trap stop_store EXIT

start_store() {
  stop_store
  local log="$out_dir/store-$stamp.log"
  # G1: a stop-the-world full collection of a large store heap (ParallelGC) outlasted the driver's read timeout.
  "$java_bin" -Xms"$STORE_HEAP" -Xmx"$STORE_HEAP" -XX:+UseG1GC -cp "$cp" com.corpbank.portal.bench.BenchStore 0 > "$log" 2>&1 &
  store_pid=$!
  for _ in $(seq 1 100); do
    if grep -q '^READY ' "$log"; then
      uri="mongodb://127.0.0.1:$(grep '^READY ' "$log" | awk '{print $2}')/portal"; return 0
    fi
    kill -0 "$store_pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.2
  done
  echo "the store did not start"; cat "$log"; exit 1
}

{
  echo "# Re-tiering benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/{print $2}') GiB;" \
       "$("$java_bin" -version 2>&1 | head -1); service heap -Xmx$SERVICE_HEAP;" \
       "store: ${MONGODB_URI:+real MongoDB}${MONGODB_URI:-embedded mongo-java-server (in-memory backend, own JVM, -Xmx$STORE_HEAP)}"
  echo
  echo "| clients | 1st run s | 1st clients/s | changed | 2nd run s | 2nd clients/s | 2nd changed | service CPU s (1st) | store CPU s (1st) | commands/chunk (1st, 2nd) | peak heap MiB (1st, 2nd) | max live after GC MiB | µs per client (1st) | vs smallest |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|"
} > "$report"

base_us=""
for n in "${sizes[@]}"; do
  if [[ -n "${MONGODB_URI:-}" ]]; then uri="$MONGODB_URI"; pid_arg=-1; else start_store; pid_arg="$store_pid"; fi
  log="$out_dir/retiering-$stamp-$n.log"
  echo "== $n clients (log: $log)"
  "$java_bin" -Xms"$SERVICE_HEAP" -Xmx"$SERVICE_HEAP" -cp "$cp" com.corpbank.portal.bench.RetieringBenchmark \
    "$uri" "$n" "$SEED" "$pid_arg" > "$log" 2>&1 || { tail -n 60 "$log"; exit 1; }
  line="$(grep '^RESULT ' "$log" | tail -1)"
  echo "$line"
  get() { tr ' ' '\n' <<< "$line" | awk -F= -v k="$1" '$1==k{print $2}'; }
  us="$(awk -v s="$(get first.seconds)" -v n="$n" 'BEGIN{printf "%.0f", s*1e6/n}')"
  [[ -n "$base_us" ]] || base_us="$us"
  ratio="$(awk -v u="$us" -v b="$base_us" 'BEGIN{printf "%.2f", u/b}')"
  echo "| $n | $(get first.seconds) | $(get first.clientsPerSecond) | $(get first.changed) | $(get second.seconds) | $(get second.clientsPerSecond) | $(get second.changed) | $(get first.serviceCpuSeconds) | $(get first.storeCpuSeconds) | $(get first.commandsPerChunk), $(get second.commandsPerChunk) | $(get first.peakHeapMiB), $(get second.peakHeapMiB) | $(get first.maxAfterGcMiB) | $us | $ratio |" >> "$report"
done
stop_store
echo
cat "$report"
