package com.corpbank.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Keycloak realm this service trusts.
 *
 * @param issuerUri must equal the token's {@code iss} exactly
 * @param jwkSetUri where the realm's signing keys are published
 * @param audience must be in the token's {@code aud} (Keycloak's audience mapper puts it there)
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience) {
}
