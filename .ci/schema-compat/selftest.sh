#!/usr/bin/env bash
# Shows that check.sh catches what it must, on a throw-away git repository with a small two-file schema
# (a type and an `extend type Query`, like schema/): each case makes a commit and runs the real check on it.
# Exit 0 when every case ends as expected. Needs git, node and npm (runs `npm ci` once).
# SELFTEST_VERBOSE=1 prints what the check said in every case, not only in failing ones.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
failures=0

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
export SCHEMA_COMPAT_SKIP_INSTALL=1 SCHEMA_REPO="$repo"
unset SCHEMA_BASE SCHEMA_DIR

git init -q "$repo"
git -C "$repo" config user.email selftest@example.invalid
git -C "$repo" config user.name "schema-compat selftest"
commit() { git -C "$repo" add -A && git -C "$repo" commit -q -m "$1"; }

# expect <name> <pass|fail> <text the output must contain>... ; runs the check with the current SCHEMA_BASE.
expect() {
  local name="$1" outcome="$2"; shift 2
  local out rc=0
  out="$(bash "$here/check.sh" 2>&1)" || rc=$?
  local ok=yes
  if [[ "$outcome" == pass && $rc -ne 0 ]] || [[ "$outcome" == fail && $rc -eq 0 ]]; then ok=""; fi
  for text in "$@"; do
    grep -qF -- "$text" <<<"$out" || { ok=""; echo "   missing from the output: $text"; }
  done
  if [[ -n "$ok" ]]; then
    echo "ok   - $name (exit $rc)"
    if [[ -n "${SELFTEST_VERBOSE:-}" ]]; then sed 's/^/   | /' <<<"$out"; fi
  else
    echo "FAIL - $name (exit $rc, expected $outcome); the check said:"; sed 's/^/   | /' <<<"$out"
    failures=$((failures + 1))
  fi
}

mkdir -p "$repo/schema" "$repo/docs"
cat > "$repo/schema/client.graphqls" <<'EOF'
extend type Query {
  """One client by id."""
  client(id: ID!): Client
}

"""An enterprise client."""
type Client {
  """Id."""
  id: ID!
  """Registered name."""
  name: String!
  """The code of the old core-banking system."""
  legacyCode: String
}
EOF
cat > "$repo/schema/me.graphqls" <<'EOF'
"""Entry points."""
type Query {
  """The caller's username."""
  me: String!
}
EOF
echo "notes" > "$repo/docs/notes.txt"
commit "first commit: the schema"
expect "(0) the first commit has no parent: nothing to compare" pass "HEAD has no parent commit"

echo "more notes" >> "$repo/docs/notes.txt"
commit "no schema change"
expect "(a) no schema change passes" pass "No changes detected"

sed -i '/old core-banking/d; /legacyCode/d' "$repo/schema/client.graphqls"
commit "remove Client.legacyCode"
expect "(b) a removed field fails and is named, with a ready-to-paste acknowledgement" fail \
  "Field 'legacyCode' was removed from object type 'Client'" "FIELD_REMOVED Client.legacyCode" \
  "path: Client.legacyCode" "change: FIELD_REMOVED"

cat > "$repo/schema/breaking-changes.yml" <<'EOF'
acknowledged:
  - path: Client.legacyCode
    change: FIELD_REMOVED
    reason: The old core-banking system was retired; no client reads the code any more.
EOF
git -C "$repo" add -A && git -C "$repo" commit -q --amend -m "remove Client.legacyCode, acknowledged"
expect "(c) the same removal, acknowledged in the same commit, passes and prints the reason" pass \
  "FIELD_REMOVED Client.legacyCode: The old core-banking system was retired" "acknowledged breaking change"

sed -i 's/^  name: String!$/  name: String!\n  """Short name used by the RM."""\n  shortName: String/' "$repo/schema/client.graphqls"
commit "add the optional Client.shortName"
expect "(d) an added optional field passes" pass "Field shortName was added to object type Client" \
  "no unacknowledged breaking change"

SCHEMA_BASE="HEAD~2" expect "(e) SCHEMA_BASE over several commits: the removal acknowledged within the range passes" pass \
  "FIELD_REMOVED Client.legacyCode: The old core-banking system was retired"

sed -i 's/^  """Short name used by the RM."""$//; s/^  shortName: String$/  legacyCode: String/' "$repo/schema/client.graphqls"
commit "bring back legacyCode in place of shortName"
sed -i '/legacyCode/d' "$repo/schema/client.graphqls"
commit "remove legacyCode again, without a new acknowledgement"
expect "(f) an old acknowledgement does not cover a later break at the same path" fail \
  "FIELD_REMOVED Client.legacyCode"

sed -i 's/client(id: ID!): Client/client(id: ID!, branch: String!): Client/' "$repo/schema/client.graphqls"
cat > "$repo/schema/breaking-changes.yml" <<'EOF'
acknowledged:
  - path: Client.legacyCode
    change: FIELD_REMOVED
EOF
commit "a required argument, and an acknowledgement without a reason"
expect "(g) an acknowledgement without a reason is refused" fail "'reason' is required"

printf 'acknowledged: []\n' > "$repo/schema/breaking-changes.yml"
commit "drop the bad acknowledgement"
SCHEMA_BASE="HEAD~2" expect "(h) a new required argument is breaking" fail "Query.client.branch" "FIELD_ARGUMENT_ADDED"

SCHEMA_BASE="no-such-commit" expect "(i) an unknown SCHEMA_BASE fails" fail "is not a commit"

git -C "$repo" checkout -q --orphan fresh && git -C "$repo" rm -q -r --cached schema && rm -rf "$repo/schema"
commit "a branch without a schema"
mkdir -p "$repo/schema" && printf '"""Entry points."""\ntype Query {\n  """Hello."""\n  hello: String\n}\n' > "$repo/schema/q.graphqls"
commit "its first schema"
expect "(j) a base without a schema folder passes and says so" pass "has no schema under schema/"

printf 'type Query {\n  client: Client\n}\n' > "$work/broken.graphqls"
SCHEMA_ARTIFACT="$work/broken.graphqls" expect "(k) a published SDL that graphql-js cannot build fails" fail \
  'does not build with graphql-js: Unknown type "Client"'

if [[ $failures -gt 0 ]]; then
  echo "schema-compat selftest: $failures case(s) FAILED"
  exit 1
fi
echo "schema-compat selftest: all cases passed"
