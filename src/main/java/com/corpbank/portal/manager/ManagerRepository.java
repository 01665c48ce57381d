package com.corpbank.portal.manager;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ManagerRepository extends ListCrudRepository<RelationshipManager, String> {

	Optional<RelationshipManager> findByKeycloakUserId(String keycloakUserId);

}
