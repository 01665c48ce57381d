package com.corpbank.portal.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Keycloak realm this service trusts, and how much of it is cached.
 *
 * @param issuerUri must equal the token's {@code iss} exactly
 * @param jwkSetUri where the realm's signing keys are published
 * @param audience must be in the token's {@code aud} (Keycloak's audience mapper puts it there)
 * @param allowedClients the realm clients whose tokens are accepted (the token's {@code azp}); production:
 * {@code portal-spa} only. The password-grant dev client {@code portal-cli} belongs in the local profile and tests.
 * @param jwks how the signing keys are cached
 * @param scopeCache how long a caller's resolved row scope is reused
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience,
		@DefaultValue("portal-spa") List<String> allowedClients, @DefaultValue Jwks jwks,
		@DefaultValue ScopeCache scopeCache) {

	public SecurityProperties {
		allowedClients = List.copyOf(allowedClients);
	}

	/**
	 * The realm's signing keys, fetched from {@code jwkSetUri} and kept in memory, so that a Keycloak outage does
	 * not stop tokens already issued, and forged key ids cannot make the service hammer Keycloak.
	 *
	 * @param cacheTtl how long a fetched key set is used before it is fetched again; must exceed
	 * {@code minRefetchInterval} and {@code refreshAhead} plus {@code httpTimeout} (Nimbus checks at start-up)
	 * @param refreshAhead how long before expiry a request triggers a background refresh (no request waits)
	 * @param minRefetchInterval an unknown key id triggers a refetch at most once per this interval (Nimbus's rate
	 * limit lets one extra fetch through per interval, for a key rotation)
	 * @param outageTolerance how long the last good key set keeps serving while the endpoint is unreachable
	 * @param httpTimeout connect and read timeout of one fetch
	 */
	public record Jwks(@DefaultValue("5m") Duration cacheTtl, @DefaultValue("30s") Duration refreshAhead,
			@DefaultValue("30s") Duration minRefetchInterval, @DefaultValue("1h") Duration outageTolerance,
			@DefaultValue("2s") Duration httpTimeout) {
	}

	/**
	 * The row scope of a caller (which RM record their {@code sub} is bound to, whether their {@code org_unit} is a
	 * unit of the right level) costs directory lookups; it is cached per (sub, roles, org unit claim), so that the
	 * aliases and nested fields of a request, and the requests of the next seconds, share one lookup. A re-binding
	 * in the directory is seen after at most {@code ttl}.
	 *
	 * @param ttl how long a resolved scope is reused
	 * @param maxSize how many callers' scopes are kept at most (least recently used go first)
	 */
	public record ScopeCache(@DefaultValue("30s") Duration ttl, @DefaultValue("10000") long maxSize) {
	}

}
