#!/usr/bin/env bash
# The engine floor of the portfolio page: graphql-java alone executing the page document (50 rows) over the real
# schema and in-memory maps, plus Jackson writing the JSON; no Spring, store or HTTP (graphql/EngineFloorBenchmark).
# What the service's CPU per page cannot go below on this machine.
#
# Usage: infra/bench/engine-floor.sh [warm-up executions (5000)] [measured executions (3000)]   (~1 min)
# Environment: SKIP_BUILD=1 to reuse target/test-classes and target/bench/classpath.txt
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out_dir="target/bench"
mkdir -p "$out_dir"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$out_dir/classpath.txt" ]]; then
  ./mvnw -q -B -ntp -DskipTests -Dfrontend.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out_dir/classpath.txt"
fi
java_bin="java"; [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"
exec "$java_bin" -Xmx1g -cp "target/test-classes:target/classes:$(cat "$out_dir/classpath.txt")" \
  com.corpbank.portal.graphql.EngineFloorBenchmark "$@"
