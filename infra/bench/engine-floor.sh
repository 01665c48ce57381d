#!/usr/bin/env bash
# The engine floor of the portfolio page: graphql-java alone executing the page document (50 rows) over the real
# schema and in-memory maps, plus Jackson writing the JSON; no Spring, store or HTTP (graphql/EngineFloorBenchmark).
# What the service's CPU per page cannot go below on this machine.
#
# Usage: infra/bench/engine-floor.sh [warm-up executions (5000)] [measured executions (3000)]   (~1 min)
# Environment: SKIP_BUILD=1 to reuse target/test-classes and target/bench/classpath.txt
set -euo pipefail
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$script_dir/../.."
source "$script_dir/classpath.sh"
bench_classes "target/bench/classes-floor-$(date -u +%Y%m%dT%H%M%SZ)"
exec "$java_bin" -Xmx1g -cp "$cp" com.corpbank.portal.graphql.EngineFloorBenchmark "$@"
