package com.corpbank.portal.org;

import org.springframework.data.repository.ListCrudRepository;

public interface OrgUnitRepository extends ListCrudRepository<OrgUnit, String> {
}
