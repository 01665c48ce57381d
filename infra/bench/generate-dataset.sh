#!/usr/bin/env bash
# Generates a scaled book (seed/ScaledBook) of N clients into a MongoDB, ready for the service: per client 4 annual
# statements, 24 months of figures, 3 tax years, 1-3 contacts, a year of interactions and the follow-up they leave,
# 2 tier-history entries (2025-12-31 and 2026-06-30, ~15% moved tier between them), and for some a re-rating
# (~20% of the rated) and an earlier handover (~8%). The service's own context starts against the store first, so
# every declared index is created exactly as at a service start; the portfolio figure copies are derived at the end.
# Prints progress, then the documents and indexes per collection.
#
# Usage: infra/bench/generate-dataset.sh <clients> [--uri mongodb://host:27017/portal] [--seed N]
#   --uri   a real MongoDB (the URI must name the database; a database that already has clients is refused).
#   (none)  starts the embedded store (bench/BenchStore: mongo-java-server, in-memory backend) in its own JVM, writes
#           the book into it and LEAVES IT RUNNING: the script prints its URI and pid. Serve it with
#           MONGODB_URI=<uri> ./mvnw spring-boot:run ... ; stop it with kill <pid> (the book is gone with it).
# Environment: STORE_HEAP (embedded store heap; default 3g up to 10,000 clients, else 14g), GEN_HEAP (generator,
#              default 1g), SKIP_BUILD=1 to reuse target/ and target/bench/classpath.txt
# Sizes: 10,000 / 100,000 / 1,000,000. 1,000,000 only against a real MongoDB: the in-memory store would need ~100 GB.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$script_dir/../.."

[[ $# -ge 1 ]] || { sed -n '2,17p' "$0"; exit 2; }
clients="$1"; shift
uri=""; seed=2026
while [[ $# -gt 0 ]]; do
  case "$1" in
    --uri) uri="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
[[ "$clients" =~ ^[0-9]+$ ]] || { echo "clients must be a number"; exit 2; }
if [[ -z "$uri" && "$clients" -gt 200000 ]]; then
  echo "$clients clients do not fit the in-memory embedded store (1,000,000 would need ~100 GB): pass --uri to a real MongoDB"
  exit 2
fi
GEN_HEAP="${GEN_HEAP:-1g}"
if [[ -z "${STORE_HEAP:-}" ]]; then
  if [[ "$clients" -le 10000 ]]; then STORE_HEAP=3g; else STORE_HEAP=14g; fi
fi
out_dir="target/bench"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out_dir"

# The store outlives this script: its classes must not change with a later build.
source "$script_dir/classpath.sh"
bench_classes "$out_dir/classes-dataset-$stamp"

store_pid=""
if [[ -z "$uri" ]]; then
  store_log="$out_dir/dataset-store-$stamp.log"
  # G1: a stop-the-world full collection of a large store heap (ParallelGC) outlasted the driver's read timeout.
  nohup "$java_bin" -Xms"$STORE_HEAP" -Xmx"$STORE_HEAP" -XX:+UseG1GC -cp "$cp" com.corpbank.portal.bench.BenchStore 0 \
    > "$store_log" 2>&1 &
  store_pid=$!
  # A failed generation stops the store it started; a finished one leaves it running.
  trap '[[ -z "$store_pid" ]] || kill -TERM "$store_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    grep -q '^READY ' "$store_log" && break
    kill -0 "$store_pid" 2>/dev/null || { cat "$store_log"; exit 1; }
    sleep 0.2
  done
  grep -q '^READY ' "$store_log" || { echo "the store did not start"; cat "$store_log"; exit 1; }
  uri="mongodb://127.0.0.1:$(grep '^READY ' "$store_log" | awk '{print $2}')/portal"
  echo "== embedded store (in-memory, -Xmx$STORE_HEAP) pid $store_pid at $uri"
fi

echo "== $clients clients into $uri (seed $seed)"
/usr/bin/time -f "generator: %e s wall, %M KiB max RSS" \
  "$java_bin" -Xms"$GEN_HEAP" -Xmx"$GEN_HEAP" -cp "$cp" com.corpbank.portal.bench.GenerateDataset "$uri" "$clients" "$seed"

if [[ -n "$store_pid" ]]; then
  # The store's live heap: what the book needs (after a full collection), beside the process's resident size.
  jcmd "$store_pid" GC.run > /dev/null 2>&1 || true
  live_kib="$(jcmd "$store_pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap/{for(i=1;i<=NF;i++) if($i=="used"){v=$(i+1); sub(/K.*/,"",v); print v}}' || true)"
  rss_kib="$(awk '/VmRSS/{print $2}' "/proc/$store_pid/status")"
  echo
  echo "Embedded store left running: pid $store_pid, live heap after full GC ${live_kib:+$((live_kib / 1024)) MiB}, RSS $((rss_kib / 1024)) MiB (-Xmx$STORE_HEAP)"
  echo "  serve it:  MONGODB_URI=$uri java -jar target/client-portal-*.jar   (or ./mvnw spring-boot:run with that variable)"
  echo "  stop it:   kill $store_pid"
  store_pid=""  # keep it running past the EXIT trap
fi
