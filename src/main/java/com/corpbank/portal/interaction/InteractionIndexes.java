package com.corpbank.portal.interaction;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Interactions are listed newest first, across the book and per client ({@code Client.interactions}), and filtered by
 * a participating RM; the follow-up sweep finds the few interactions still marked {@code followUpApplied: false}
 * (the marker is unset once applied, so a sparse index holds only the pending ones).
 */
@Component
class InteractionIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "interactions";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("occurredAt", Direction.DESC).on("_id", Direction.DESC).named("newest_first"),
				new Index().on("clientId", Direction.ASC)
					.on("occurredAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("client_newest_first"),
				new Index().on("managers", Direction.ASC).on("occurredAt", Direction.DESC).on("_id", Direction.DESC)
					.named("manager_newest_first_by_id"),
				new Index().on("channel", Direction.ASC).on("occurredAt", Direction.DESC).on("_id", Direction.DESC)
					.named("channel_newest_first"),
				new Index().on("followUpApplied", Direction.ASC).sparse().named("follow_up_pending"));
	}

}
