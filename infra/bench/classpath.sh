# Sourced by the benchmark scripts (run from the project root): the test classes and test classpath, built unless
# SKIP_BUILD=1 finds them, and a snapshot of the compiled classes, so that a build while a benchmark runs cannot mix
# two versions in its JVMs. Sets java_bin; bench_classes sets cp.

java_bin="java"; [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"

# bench_classes <snapshot dir> [main classes dir, default target/classes]
bench_classes() {
  local snapshot="$1" main="${2:-target/classes}"
  mkdir -p target/bench
  if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/bench/classpath.txt ]]; then
    echo "== building test classes and the test classpath"
    ./mvnw -q -B -ntp -DskipTests -Dfrontend.skip=true test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
  fi
  mkdir -p "$snapshot"
  cp -r "$main" "$snapshot/main"
  cp -r target/test-classes "$snapshot/test"
  cp="$snapshot/test:$snapshot/main:$(cat target/bench/classpath.txt)"
}
