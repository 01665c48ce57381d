package com.corpbank.portal.manager;

import org.springframework.data.repository.ListCrudRepository;

public interface ManagerRepository extends ListCrudRepository<RelationshipManager, String> {
}
