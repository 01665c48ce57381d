package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * {@code complaints}: the worklist reads open complaints by assignee and by client, most urgent (earliest
 * {@code slaDueAt}) first; the list across a scope pages by {@code slaDueAt}. The single-complaint reads of the
 * lifecycle go by {@code _id}.
 */
@Component
class ComplaintIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "complaints";
	}

	@Override
	public List<Index> indexes() {
		return List.of(
				// The complaint list pages by SLA (then _id), filtered by one of these; status stays a filter on it.
				mostUrgentFirst("assignee", "assignee_most_urgent_first"),
				mostUrgentFirst("clientId", "client_most_urgent_first"),
				mostUrgentFirst("category", "category_most_urgent_first"),
				new Index().on("clientId", Direction.ASC).on("status", Direction.ASC).named("client_status"),
				new Index().on("slaDueAt", Direction.ASC).on("_id", Direction.ASC).named("most_urgent_first"));
	}

	private static Index mostUrgentFirst(String field, String name) {
		return new Index().on(field, Direction.ASC).on("slaDueAt", Direction.ASC).on("_id", Direction.ASC).named(name);
	}

}
