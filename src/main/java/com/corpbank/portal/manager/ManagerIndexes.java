package com.corpbank.portal.manager;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

@Component
class ManagerIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "managers";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index("teamCode", Direction.ASC).named("team"),
				// One RM record per Keycloak user; sparse, since an RM may not be bound to a user yet.
				new Index("keycloakUserId", Direction.ASC).named("keycloakUserId").unique().sparse());
	}

}
