package com.corpbank.portal.manager;

import java.util.Optional;

import com.corpbank.portal.access.ManagerBindings;
import org.springframework.stereotype.Component;

/** The RM record bound to a Keycloak user id: one indexed find on {@code managers.keycloakUserId}. */
@Component
class ManagerBindingLookup implements ManagerBindings {

	private final ManagerRepository managers;

	ManagerBindingLookup(ManagerRepository managers) {
		this.managers = managers;
	}

	@Override
	public Optional<String> managerBoundTo(String keycloakUserId) {
		return this.managers.findByKeycloakUserId(keycloakUserId).map(RelationshipManager::username);
	}

}
