#!/usr/bin/env bash
# Checks a running dev Keycloak against what the portal expects of the `portal` realm:
# for every demo user of the org directory (src/main/resources/reference/org-directory.json), a portal-cli
# password-grant token whose access token carries
#   iss = $KC_URL/realms/portal, aud ∋ portal-api, azp = portal-cli, sub = the directory's id, preferred_username,
#   name, display_name, org_unit, realm_access.roles = exactly the user's one role;
# and that portal-spa refuses the password grant (authorization code + PKCE only).
#
# Needs curl and jq. Start Keycloak first (infra/keycloak/start-keycloak.sh).
# Usage: infra/keycloak/check-realm.sh [-v]     (-v prints each decoded payload)
# Env:   KC_URL (default http://localhost:8180)
set -euo pipefail

KC_URL="${KC_URL:-http://localhost:8180}"
verbose=0
[[ "${1:-}" == "-v" ]] && verbose=1
token_url="$KC_URL/realms/portal/protocol/openid-connect/token"
issuer="$KC_URL/realms/portal"

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "check-realm.sh: needs $tool" >&2; exit 2; }
done

# The demo users come from the org directory, the one source the realm, the seed and the tests share:
# id (= the token's sub) username role org_unit display_name  (password = username)
directory="$(cd "$(dirname "$0")/../.." && pwd)/src/main/resources/reference/org-directory.json"
mapfile -t users < <(jq -r '.people[] | "\(.id) \(.username) \(.roles[0]) \(.orgUnit) \(.displayName)"' "$directory")

# base64url -> JSON
jwt_payload() {
  local p
  p="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#p} % 4 )); do p="$p="; done
  base64 -d <<<"$p"
}

passed=0
failed=0
for entry in "${users[@]}"; do
  read -r id user role org display <<<"$entry"
  response="$(curl -sS -X POST "$token_url" \
    -d grant_type=password -d client_id=portal-cli \
    --data-urlencode "username=$user" --data-urlencode "password=$user")"
  access="$(jq -r '.access_token // empty' <<<"$response")"
  if [[ -z "$access" ]]; then
    echo "FAIL $user: no token: $response"
    failed=$((failed + 1))
    continue
  fi
  payload="$(jwt_payload "$access")"
  (( verbose )) && jq . <<<"$payload"
  if problems="$(jq -r --arg iss "$issuer" --arg user "$user" --arg role "$role" \
        --arg org "$org" --arg display "$display" --arg id "$id" '
      [ (if .iss != $iss then "iss=\(.iss)" else empty end),
        (if ([.aud] | flatten | index("portal-api")) == null then "aud=\(.aud)" else empty end),
        (if .azp != "portal-cli" then "azp=\(.azp)" else empty end),
        (if .typ != "Bearer" then "typ=\(.typ)" else empty end),
        (if .sub != $id then "sub=\(.sub) (the directory binds \($id))" else empty end),
        (if .preferred_username != $user then "preferred_username=\(.preferred_username)" else empty end),
        (if (.name // "") == "" then "name missing" else empty end),
        (if .org_unit != $org then "org_unit=\(.org_unit)" else empty end),
        (if .display_name != $display then "display_name=\(.display_name)" else empty end),
        (if .realm_access.roles != [$role] then "realm_access.roles=\(.realm_access.roles)" else empty end)
      ] | join("; ")' <<<"$payload")" && [[ -z "$problems" ]]; then
    echo "ok   $user: $role $org $display"
    passed=$((passed + 1))
  else
    echo "FAIL $user: $problems"
    failed=$((failed + 1))
  fi
done

# Records one check's outcome: check "description" <condition exit status>
check() {
  local what="$1" status="$2"
  if [[ "$status" == 0 ]]; then echo "ok   $what"; passed=$((passed + 1));
  else echo "FAIL $what"; failed=$((failed + 1)); fi
}
post_token() { curl -sS -X POST "$token_url" "$@"; }
auth_url="$KC_URL/realms/portal/protocol/openid-connect/auth"

# portal-spa is a browser client: the password grant must be refused.
body="$(post_token -d grant_type=password -d client_id=portal-spa -d username=rm_li -d password=rm_li)"
[[ "$(jq -r '.error // empty' <<<"$body")" == unauthorized_client ]]
check "portal-spa refuses the password grant: $(jq -c . <<<"$body")" $?

# A wrong password is refused (Keycloak 26 answers 400 invalid_grant).
body="$(post_token -d grant_type=password -d client_id=portal-cli -d username=rm_li -d password=wrong)"
[[ "$(jq -r '.error // empty' <<<"$body")" == invalid_grant ]]
check "portal-cli refuses a wrong password: $(jq -c . <<<"$body")" $?

# portal-cli has no browser flow.
code="$(curl -sS -o /dev/null -w '%{http_code}' \
  "$auth_url?client_id=portal-cli&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2F")"
[[ "$code" == 400 ]]
check "portal-cli refuses the authorization code flow ($code)" $?

# portal-spa without PKCE: refused.
location="$(curl -sS -o /dev/null -w '%{redirect_url}' \
  "$auth_url?client_id=portal-spa&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2F")"
[[ "$location" == *"error=invalid_request"*code_challenge_method* ]]
check "portal-spa requires PKCE" $?

# portal-spa with an unregistered redirect URI: refused.
code="$(curl -sS -o /dev/null -w '%{http_code}' \
  "$auth_url?client_id=portal-spa&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A9999%2F&code_challenge=x&code_challenge_method=S256")"
[[ "$code" == 400 ]]
check "portal-spa refuses an unregistered redirect URI ($code)" $?

# portal-spa: a full authorization code + PKCE (S256) login as rm_wang, as a browser would do it.
if command -v openssl >/dev/null; then
  jar="$(mktemp)"
  trap 'rm -f "$jar"' EXIT
  verifier="$(openssl rand -hex 32)"
  challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')"
  redirect="http://localhost:5173/callback"
  page="$(curl -sS -c "$jar" -b "$jar" \
    "$auth_url?client_id=portal-spa&response_type=code&scope=openid&state=s1&redirect_uri=$(jq -rn --arg r "$redirect" '$r|@uri')&code_challenge=$challenge&code_challenge_method=S256")"
  action="$(grep -o 'id="kc-form-login"[^>]*action="[^"]*"' <<<"$page" | sed 's/.*action="//; s/"$//; s/&amp;/\&/g' || true)"
  [[ -z "$action" ]] && action="$(grep -o 'action="[^"]*login-actions/authenticate[^"]*"' <<<"$page" | head -1 | sed 's/action="//; s/"$//; s/&amp;/\&/g' || true)"
  location="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode username=rm_wang --data-urlencode password=rm_wang "$action")"
  auth_code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$location")"
  body="$(post_token -d grant_type=authorization_code -d client_id=portal-spa \
    --data-urlencode "code=$auth_code" --data-urlencode "redirect_uri=$redirect" -d "code_verifier=$verifier")"
  access="$(jq -r '.access_token // empty' <<<"$body")"
  if [[ -n "$access" ]]; then
    payload="$(jwt_payload "$access")"
    (( verbose )) && jq . <<<"$payload"
    jq -e --arg iss "$issuer" '.iss == $iss and .azp == "portal-spa" and ([.aud] | flatten | index("portal-api")) != null
        and .preferred_username == "rm_wang" and .org_unit == "SH-PD-T2" and .display_name == "王芳"
        and .realm_access.roles == ["RM"]' <<<"$payload" >/dev/null
    check "portal-spa code + PKCE login as rm_wang: azp portal-spa, aud portal-api, org_unit SH-PD-T2, roles [RM]" $?
  else
    check "portal-spa code + PKCE login as rm_wang: no token (${location:-no redirect}; $body)" 1
  fi
else
  echo "skip portal-spa code + PKCE login (no openssl)"
fi

# CORS for the SPA origins.
allow="$(curl -sS -o /dev/null -D - -X OPTIONS "$token_url" -H 'Origin: http://localhost:5173' \
  -H 'Access-Control-Request-Method: POST' | tr -d '\r' | sed -n 's/^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin: //p')"
[[ "$allow" == "http://localhost:5173" ]]
check "CORS preflight from http://localhost:5173 allowed (${allow:-none})" $?

echo "$passed passed, $failed failed"
(( failed == 0 ))
