package com.corpbank.portal.access;

import java.util.Optional;

/** Which RM record of the org directory a Keycloak user is bound to (answered by the manager feature). */
public interface ManagerBindings {

	/**
	 * @param keycloakUserId the token's {@code sub}
	 * @return the id of the RM record bound to that user (what {@code Client.managerUsernames} holds), if any
	 */
	Optional<String> managerBoundTo(String keycloakUserId);

}
