package com.corpbank.portal.graphiql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The GraphiQL page's sign-in settings; the realm itself is {@code portal.security.issuer-uri}.
 *
 * @param clientId the realm's public browser client (authorization code + PKCE) the page signs in with
 */
@ConfigurationProperties("portal.graphiql")
public record GraphiQlProperties(@DefaultValue("portal-spa") String clientId) {
}
