package com.corpbank.portal.graphiql;

import java.net.URI;

/**
 * A Keycloak realm as keycloak-js wants it (server URL + realm name), read from the issuer the service trusts,
 * e.g. {@code https://sso.bank.example/auth/realms/portal} is server {@code https://sso.bank.example/auth}, realm
 * {@code portal}, origin {@code https://sso.bank.example}.
 *
 * @param url the Keycloak server URL, up to (not including) {@code /realms/}
 * @param realm the realm name
 * @param origin scheme, host and port: what the page's Content-Security-Policy lets it talk to
 */
public record KeycloakRealm(String url, String realm, String origin) {

	private static final String REALMS = "/realms/";

	public static KeycloakRealm ofIssuer(String issuer) {
		URI uri;
		try {
			uri = URI.create(issuer);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("portal.security.issuer-uri is not a URI: " + issuer, ex);
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		int realms = path.lastIndexOf(REALMS);
		String realm = (realms >= 0) ? path.substring(realms + REALMS.length()) : "";
		boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
		if (!http || uri.getHost() == null || realm.isEmpty() || realm.contains("/") || uri.getRawQuery() != null
				|| uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException(
					"portal.security.issuer-uri must look like http(s)://host[:port][/path]/realms/<realm>: " + issuer);
		}
		String origin = uri.getScheme() + "://" + uri.getRawAuthority();
		return new KeycloakRealm(origin + path.substring(0, realms), realm, origin);
	}

}
