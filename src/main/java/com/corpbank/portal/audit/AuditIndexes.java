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
				// The trail pages newest first with _id as the tie-break, filtered by one of these.
				newestFirst("entityId", "by_entity_newest_first"), newestFirst("clientId", "by_client_newest_first"),
				newestFirst("actor", "by_actor_newest_first"), newestFirst("operation", "by_operation_newest_first"));
	}

	private static Index newestFirst(String field, String name) {
		return new Index().on(field, Direction.ASC).on("at", Direction.DESC).on("_id", Direction.DESC).named(name);
	}

}
