#!/usr/bin/env bash
# One command to run the portal locally: builds the API, starts the dev Keycloak (realm
# `portal` with demo users) and the API, prints how to call it, and waits.
# Ctrl-C or SIGTERM stops both (SIGTERM, then waits for them to exit).
#
# Needs a JDK 17+, Node 20.19+ with npm (the GraphiQL page is bundled by the build) and curl for the printed
# examples. Works from any directory. The API runs with the `local` Spring profile (SPRING_PROFILES_ACTIVE).
#
# Usage: infra/local/run.sh [--reset] [--skip-build] [--help]
#
# Environment (all optional):
#   RESET_DATA=1          same as --reset: delete the embedded store's data dir (.local/data) first
#   SKIP_BUILD=1          same as --skip-build: reuse target/client-portal.jar
#   KEYCLOAK_EXTERNAL=1   do not start Keycloak; use the one at KEYCLOAK_ISSUER_URI
#   KEYCLOAK_ISSUER_URI   default http://localhost:$KC_HTTP_PORT/realms/portal
#   KC_HTTP_PORT / KC_MANAGEMENT_PORT / KEYCLOAK_HOME / KC_REALM_FILE   see infra/keycloak/start-keycloak.sh
#   PORT                  API port (default 8080; the realm's portal-spa redirect URIs expect 8080)
#   MONGODB_URI           use a real MongoDB instead of the embedded store (passed through)
#   PORTAL_DATA_DIR       embedded store's data dir (default .local/data, passed through)
#   API_JAVA_OPTS         extra JVM options for the API, e.g. "-Xmx512m"
#   API_JAR               the API jar to run (default target/client-portal.jar)
#   KEYCLOAK_READY_TIMEOUT / API_READY_TIMEOUT / STOP_TIMEOUT   seconds to wait (default 180 / 120 / 60)
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
cd "$repo_root"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

RESET_DATA="${RESET_DATA:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"
for arg in "$@"; do
  case "$arg" in
    --reset) RESET_DATA=1 ;;
    --skip-build) SKIP_BUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

KEYCLOAK_EXTERNAL="${KEYCLOAK_EXTERNAL:-0}"
export KC_HTTP_PORT="${KC_HTTP_PORT:-8180}"
export KC_MANAGEMENT_PORT="${KC_MANAGEMENT_PORT:-9180}"
export KEYCLOAK_ISSUER_URI="${KEYCLOAK_ISSUER_URI:-http://localhost:$KC_HTTP_PORT/realms/portal}"
API_PORT="${PORT:-8080}"
KEYCLOAK_READY_TIMEOUT="${KEYCLOAK_READY_TIMEOUT:-180}"
API_READY_TIMEOUT="${API_READY_TIMEOUT:-120}"
STOP_TIMEOUT="${STOP_TIMEOUT:-60}"
JAR="${API_JAR:-target/client-portal.jar}"
LOG_DIR=".local/logs"
KC_LOG="$LOG_DIR/keycloak.log"
API_LOG="$LOG_DIR/api.log"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

# Output may go to a closed pipe (run.sh | head) or a closed terminal: writing must never kill
# the script before it has stopped its children, hence `|| true` and SIGPIPE ignored below.
say() { printf '[run] %s\n' "$*" 2>/dev/null || true; }
die() { printf '[run] ERROR: %s\n' "$*" >&2 2>/dev/null || true; exit 1; }

# ---------------------------------------------------------------------------------------------
# HTTP status of a GET, "000" when nothing answers. curl if present, else bash's /dev/tcp
# (http://host:port/path only), so that a machine with only a JDK can still run this.
http_status() {
  local url="$1"
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" 2>/dev/null || true
    return 0
  fi
  local rest="${url#http://}" hostport path host port line
  hostport="${rest%%/*}"; path="/${rest#*/}"; [[ "$rest" == */* ]] || path="/"
  host="${hostport%%:*}"; port="${hostport##*:}"; [[ "$hostport" == *:* ]] || port=80
  if ! exec 3<>"/dev/tcp/$host/$port" 2>/dev/null; then echo 000; return 0; fi
  printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
  line=""; IFS= read -r -t 5 line <&3 || true
  exec 3<&- 3>&-
  line="${line#HTTP/* }"; echo "${line:0:3}" | grep -E '^[0-9]{3}$' || echo 000
}

# True when something accepts connections on 127.0.0.1:port.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# Child processes and their shutdown.
kc_pid=""
api_pid=""

# stop NAME PID: SIGTERM, then wait up to STOP_TIMEOUT s. Never SIGKILL kc.sh: it would orphan
# Keycloak's JVM; if Keycloak hangs, its JVM (kc.sh's child) is the one that gets SIGKILL.
stop() {
  local name="$1" pid="$2" waited=0 child children
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then return 0; fi
  say "stopping $name (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( waited < STOP_TIMEOUT * 10 )); do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    # kc.sh runs the JVM as its child (warm start) or has exec'ed into it (first start).
    children="$(pgrep -P "$pid" 2>/dev/null || true)"
    if [[ "$name" == Keycloak && -n "$children" ]]; then
      for child in $children; do kill -KILL "$child" 2>/dev/null || true; done
    else
      kill -KILL "$pid" 2>/dev/null || true
    fi
    say "$name did not stop within $STOP_TIMEOUT s: killed"
  fi
  wait "$pid" 2>/dev/null || true
  say "$name stopped"
}

cleanup() {
  local status=$?
  set +e
  trap - EXIT
  trap '' INT TERM HUP   # a second Ctrl-C must not abandon the children half-way
  stop API "$api_pid"
  stop Keycloak "$kc_pid"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap '' PIPE

show_log_tail() {
  local name="$1" log="$2"
  printf '[run] ---- last lines of %s (%s) ----\n' "$name" "$log" >&2
  tail -n 40 "$log" >&2 2>/dev/null || true
  printf '[run] ----\n' >&2
}

# wait_ready NAME URL PID LOG TIMEOUT: poll URL for 200, failing early if PID dies.
wait_ready() {
  local name="$1" url="$2" pid="$3" log="$4" timeout="$5" start=$SECONDS
  printf '[run] waiting for %s (%s) ' "$name" "$url"
  while :; do
    if [[ "$(http_status "$url")" == 200 ]]; then
      printf ' ready in %d s\n' $((SECONDS - start))
      return 0
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      printf ' exited\n'
      if [[ -n "$log" ]]; then show_log_tail "$name" "$log"; fi
      die "$name exited during start-up"
    fi
    if (( SECONDS - start >= timeout )); then
      printf ' timed out\n'
      if [[ -n "$log" ]]; then show_log_tail "$name" "$log"; fi
      die "$name not ready after $timeout s"
    fi
    printf '.'
    sleep 2 & wait $! || true
  done
}

# ---------------------------------------------------------------------------------------------
command -v "$JAVA" >/dev/null 2>&1 || die "no java on PATH (set JAVA_HOME); a JDK 17+ is needed"
mkdir -p "$LOG_DIR"

if [[ "$RESET_DATA" == 1 ]]; then
  data_dir="${PORTAL_DATA_DIR:-.local/data}"
  data_abs="$(cd "$(dirname "$data_dir")" 2>/dev/null && pwd)/$(basename "$data_dir")" || data_abs=""
  if [[ "$data_abs" == "$repo_root"/.local/* ]]; then
    say "reset: deleting $data_dir"
    rm -rf -- "$data_abs"
  else
    say "reset: not deleting $data_dir (only folders under .local/ are deleted)"
  fi
  if [[ -n "${MONGODB_URI:-}" ]]; then say "reset: MONGODB_URI is set; that database is not touched"; fi
fi

if port_busy "$API_PORT"; then die "port $API_PORT is already in use (another API running?)"; fi

if [[ "$SKIP_BUILD" == 1 && -f "$JAR" ]]; then
  say "skipping the build; using $JAR"
else
  say "building the API (./mvnw -q -B -DskipTests package; the first build downloads Maven, the dependencies and Keycloak) ..."
  ./mvnw -q -B -DskipTests package </dev/null || die "the build failed (see the Maven output above)"
  [[ -f "$JAR" ]] || die "the build did not produce $JAR"
fi

if [[ "$KEYCLOAK_EXTERNAL" == 1 ]]; then
  say "KEYCLOAK_EXTERNAL=1: using the Keycloak at $KEYCLOAK_ISSUER_URI"
  wait_ready "Keycloak realm" "$KEYCLOAK_ISSUER_URI/.well-known/openid-configuration" "" "" "$KEYCLOAK_READY_TIMEOUT"
else
  if port_busy "$KC_HTTP_PORT"; then
    die "port $KC_HTTP_PORT is already in use: stop that Keycloak, or use it with KEYCLOAK_EXTERNAL=1"
  fi
  if port_busy "$KC_MANAGEMENT_PORT"; then die "port $KC_MANAGEMENT_PORT (Keycloak management) is already in use"; fi
  say "starting Keycloak on http://localhost:$KC_HTTP_PORT (log: $KC_LOG)"
  "$repo_root/infra/keycloak/start-keycloak.sh" >"$KC_LOG" 2>&1 </dev/null &
  kc_pid=$!
  wait_ready Keycloak "http://localhost:$KC_MANAGEMENT_PORT/health/ready" "$kc_pid" "$KC_LOG" "$KEYCLOAK_READY_TIMEOUT"
fi

say "starting the API on http://localhost:$API_PORT (log: $API_LOG)${MONGODB_URI:+ with MONGODB_URI}"
# KEYCLOAK_ISSUER_URI is exported above; MONGODB_URI, PORTAL_DATA_DIR and PORT pass through.
# shellcheck disable=SC2086  # API_JAVA_OPTS is a list of options
"$JAVA" ${API_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active="${SPRING_PROFILES_ACTIVE:-local}" >"$API_LOG" 2>&1 </dev/null &
api_pid=$!
wait_ready API "http://localhost:$API_PORT/actuator/health" "$api_pid" "$API_LOG" "$API_READY_TIMEOUT"

token_url="$KEYCLOAK_ISSUER_URI/protocol/openid-connect/token"
kc_base="${KEYCLOAK_ISSUER_URI%/realms/*}"
cat <<EOF

  Client portal is running.

  GraphiQL        http://localhost:$API_PORT/graphiql  (sign in as a demo user below)
  GraphQL API     http://localhost:$API_PORT/graphql   (POST, Authorization: Bearer <token>)
  SDL             http://localhost:$API_PORT/graphql/schema   (GET, with a token)
  Keycloak        $kc_base   realm portal, issuer $KEYCLOAK_ISSUER_URI
                  admin console $kc_base/admin (admin / admin, dev only)
  Logs            $repo_root/$API_LOG
                  $repo_root/$KC_LOG

  Demo users (password = username):
    username       role                  org unit   name
    rm_li          RM                    SH-PD-T1   李明
    rm_zhang       RM                    SH-PD-T1   张强
    rm_wang        RM                    SH-PD-T2   王芳
    rm_xu          RM                    SH-HP-T1   徐静
    rm_zhao        RM                    BJ-HD-T1   赵伟
    rm_liu         RM                    BJ-HD-T1   刘洋
    lead_sun       TEAM_LEAD             SH-PD-T1   孙磊
    mgr_chen       BRANCH_MANAGER        SH         陈刚
    mgr_he         BRANCH_MANAGER        HO         何平
    risk_zhou      RISK_OFFICER          HO         周敏
    analyst_wu     HEAD_OFFICE_ANALYST   HO         吴婷
    admin          ADMIN                 HO         系统管理员
    auditor_qian   AUDITOR               HO         钱诚

  Get a token (client portal-cli, password grant; valid 5 minutes):

    TOKEN=\$(curl -s $token_url \\
      -d grant_type=password -d client_id=portal-cli -d username=rm_li -d password=rm_li \\
      | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')

  Ask the API who you are:

    curl -s http://localhost:$API_PORT/graphql -H "Authorization: Bearer \$TOKEN" \\
      -H 'Content-Type: application/json' \\
      -d '{"query":"{ me { username roles orgUnit { code name } } }"}'

  Press Ctrl-C to stop.

EOF

# Wait until asked to stop, or until a child dies on its own.
while :; do
  if [[ -n "$kc_pid" ]] && ! kill -0 "$kc_pid" 2>/dev/null; then
    show_log_tail Keycloak "$KC_LOG"; kc_pid=""; die "Keycloak exited unexpectedly"
  fi
  if ! kill -0 "$api_pid" 2>/dev/null; then
    show_log_tail API "$API_LOG"; api_pid=""; die "the API exited unexpectedly"
  fi
  sleep 2 & wait $! || true
done
