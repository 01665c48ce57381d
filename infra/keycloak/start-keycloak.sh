#!/usr/bin/env bash
# Starts the dev Keycloak (26.7.3) with the portal realm imported, in the foreground.
#
# Used by infra/local/run.sh and by the Java E2E test (ProcessBuilder + Process.destroy()).
# The script ends by exec-ing kc.sh, so the process that was started IS kc.sh and a SIGTERM
# sent to it reaches Keycloak, which shuts down cleanly (~3 s). Never SIGKILL it: kc.sh runs the
# JVM as a child on warm starts, and a killed kc.sh leaves that JVM running.
#
# Environment (all optional):
#   KEYCLOAK_HOME        unpacked distribution  (default <repo>/.local/keycloak/keycloak-26.7.3)
#   KC_HTTP_PORT         HTTP port              (default 8180) -> issuer http://localhost:$KC_HTTP_PORT/realms/portal
#   KC_MANAGEMENT_PORT   management port        (default 9180) -> http://localhost:$KC_MANAGEMENT_PORT/health/ready
#   KC_REALM_FILE        realm to import        (default <repo>/infra/keycloak/portal-realm.json)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD   master-realm admin (default admin/admin, DEV ONLY)
#
# The store is --db=dev-mem: nothing survives a restart and the realm is imported afresh on
# every start, so edits to the realm JSON take effect on the next start.
# The build options (--db, --health-enabled) are fixed on purpose: changing one makes Keycloak
# redo its ~25 s build step on the next start.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"

KEYCLOAK_HOME="${KEYCLOAK_HOME:-$repo_root/.local/keycloak/keycloak-26.7.3}"
KC_HTTP_PORT="${KC_HTTP_PORT:-8180}"
KC_MANAGEMENT_PORT="${KC_MANAGEMENT_PORT:-9180}"
KC_REALM_FILE="${KC_REALM_FILE:-$repo_root/infra/keycloak/portal-realm.json}"

if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
  echo "start-keycloak.sh: no Keycloak at KEYCLOAK_HOME=$KEYCLOAK_HOME (bin/kc.sh missing)." >&2
  echo "  run ./mvnw -q -DskipTests process-test-resources (in $repo_root) to fetch it." >&2
  exit 1
fi
if [[ ! -r "$KC_REALM_FILE" ]]; then
  echo "start-keycloak.sh: realm file not found: $KC_REALM_FILE" >&2
  exit 1
fi

# The import folder holds exactly our realm: an old copy (or another file) must not be imported.
import_dir="$KEYCLOAK_HOME/data/import"
mkdir -p "$import_dir"
rm -f "$import_dir"/*.json
cp "$KC_REALM_FILE" "$import_dir/portal-realm.json"

# Dev-only bootstrap admin for the master realm (http://localhost:$KC_HTTP_PORT/admin).
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

echo "start-keycloak.sh: Keycloak $KEYCLOAK_HOME on http://localhost:$KC_HTTP_PORT" \
     "(management :$KC_MANAGEMENT_PORT), realm $KC_REALM_FILE" >&2

exec "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 \
  --http-port="$KC_HTTP_PORT" \
  --hostname="http://localhost:$KC_HTTP_PORT" \
  --http-management-port="$KC_MANAGEMENT_PORT" \
  --health-enabled=true \
  --import-realm \
  --db=dev-mem
