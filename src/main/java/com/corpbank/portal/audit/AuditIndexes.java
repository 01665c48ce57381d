package com.corpbank.portal.audit;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The audit trail newest first, and by actor, entity and operation. */
@Component
class AuditIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "audit_events";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("at", Direction.DESC).on("_id", Direction.DESC).named("newest_first"),
				new Index().on("entityId", Direction.ASC).on("at", Direction.DESC).named("by_entity"),
				new Index().on("clientId", Direction.ASC).on("at", Direction.DESC).named("by_client"),
				new Index().on("actor", Direction.ASC).on("at", Direction.DESC).named("by_actor"),
				new Index().on("operation", Direction.ASC).on("at", Direction.DESC).named("by_operation"));
	}

}
