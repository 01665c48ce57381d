#!/usr/bin/env bash
# Breaking-change check of the GraphQL API: compares the SDL of a base commit with the current SDL using
# graphql-inspector (pinned in package-lock.json, runs offline) and fails on a breaking change unless
# schema/breaking-changes.yml acknowledges it, with its reason, in an entry added since the base.
#
#   SCHEMA_BASE   the commit to compare with (default HEAD~1; in CI the clone has the history)
#   SCHEMA_REPO   the git work tree to check (default: the one this script lives in)
#   SCHEMA_DIR    the schema folder inside it (default: schema)
#   SCHEMA_ARTIFACT  the SDL the build published (default: target/schema/portal.graphqls in the repo); when it
#                 exists, it must also build with graphql-js, as the SPA's code generators read it
#   SCHEMA_COMPAT_SKIP_INSTALL=1   reuse node_modules instead of `npm ci` (selftest.sh runs it once)
#
# Exit 0: no breaking change, only acknowledged ones, or nothing to compare with (said so). Exit 1: otherwise.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="${SCHEMA_REPO:-$(git -C "$here" rev-parse --show-toplevel)}"
schema_dir="${SCHEMA_DIR:-schema}"
base="${SCHEMA_BASE:-HEAD~1}"
acks_file="$schema_dir/breaking-changes.yml"

say() { printf '[schema-compat] %s\n' "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

if [[ "${SCHEMA_COMPAT_SKIP_INSTALL:-}" != 1 || ! -x "$here/node_modules/.bin/graphql-inspector" ]]; then
  say "npm ci (@graphql-inspector/cli, pinned by package-lock.json)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

git_() { git -C "$repo" "$@"; }

artifact="${SCHEMA_ARTIFACT:-$repo/target/schema/portal.graphqls}"
if [[ -f "$artifact" ]]; then
  node "$here/artifact-check.js" "$artifact" | sed 's/^/[schema-compat] /' || fail "the published SDL does not build (see above)"
else
  say "no published SDL at $artifact (./mvnw verify writes it): its graphql-js check is skipped"
fi

if ! git_ rev-parse --verify -q "$base^{commit}" >/dev/null; then
  if [[ "$(git_ rev-parse --is-shallow-repository)" == true ]]; then
    fail "base '$base' is not in this shallow clone: fetch the history (git fetch --unshallow) or set SCHEMA_BASE"
  fi
  if [[ -z "${SCHEMA_BASE:-}" ]] && ! git_ rev-parse --verify -q 'HEAD^{commit}' >/dev/null; then
    say "no commit yet: nothing to compare with. Passed."
    exit 0
  fi
  if [[ -z "${SCHEMA_BASE:-}" && -z "$(git_ rev-list --parents -n 1 HEAD | cut -s -d' ' -f2)" ]]; then
    say "HEAD has no parent commit: nothing to compare with. Passed."
    exit 0
  fi
  fail "base '$base' is not a commit of $repo"
fi
base_id="$(git_ rev-parse --short "$base^{commit}")"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The base's SDL: every *.graphqls / *.gqls under the schema folder, concatenated (graphql-js builds one
# document with `extend type` in any order, as Spring for GraphQL merges the files).
mapfile -t base_files < <(git_ ls-tree -r --name-only "$base" -- "$schema_dir/" | grep -E '\.(graphqls|gqls)$' | LC_ALL=C sort || true)
if [[ ${#base_files[@]} -eq 0 ]]; then
  say "base $base ($base_id) has no schema under $schema_dir/: nothing to compare with. Passed."
  exit 0
fi
for f in "${base_files[@]}"; do
  { git_ show "$base:$f"; printf '\n'; } >> "$tmp/base.graphqls"
done

# The current SDL: the work tree's files, as the build just tested and published them.
mapfile -t new_files < <(cd "$repo" && find "$schema_dir" -type f \( -name '*.graphqls' -o -name '*.gqls' \) | LC_ALL=C sort)
[[ ${#new_files[@]} -gt 0 ]] || fail "no *.graphqls or *.gqls files under $repo/$schema_dir"
for f in "${new_files[@]}"; do
  { cat "$repo/$f"; printf '\n'; } >> "$tmp/current.graphqls"
done

git_ show "$base:$acks_file" > "$tmp/base-acknowledgements.yml" 2>/dev/null || : > "$tmp/base-acknowledgements.yml"
export SCHEMA_ACK_BASE="$tmp/base-acknowledgements.yml"
export SCHEMA_ACK_CURRENT="$repo/$acks_file"
node "$here/acknowledgements.js" "$SCHEMA_ACK_BASE" "$SCHEMA_ACK_CURRENT" | sed 's/^/[schema-compat] /' \
  || fail "$acks_file is not valid (see above)"

say "comparing $schema_dir/ of $base ($base_id, ${#base_files[@]} files) with the work tree (${#new_files[@]} files)"
cd "$here"
if ! ./node_modules/.bin/graphql-inspector diff "$tmp/base.graphqls" "$tmp/current.graphqls" \
    --rule "$here/acknowledge-rule.js" --onComplete "$here/report.js"; then
  fail "breaking schema change (see above)"
fi
say "passed"
