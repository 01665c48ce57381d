package com.corpbank.portal.graphiql;

/**
 * What the page reads from {@code /graphiql/config.json} before it signs in: nothing about the realm is baked into
 * the bundle, so one build runs against every environment's Keycloak.
 *
 * @param keycloak where and with which client to sign in
 * @param graphqlPath where to POST operations
 * @param schemaPath where the service publishes its SDL to signed-in callers (used when introspection is off)
 */
record GraphiQlPageConfig(Keycloak keycloak, String graphqlPath, String schemaPath) {

	/**
	 * keycloak-js's constructor arguments.
	 *
	 * @param url the Keycloak server URL
	 * @param realm the realm name
	 * @param clientId the public browser client
	 */
	record Keycloak(String url, String realm, String clientId) {
	}

}
