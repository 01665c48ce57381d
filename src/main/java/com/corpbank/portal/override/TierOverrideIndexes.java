package com.corpbank.portal.override;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The one-open-override guard (a client's override numbers are unique: see {@link TierOverride}), a client's
 * overrides newest first, the approved ones the engine reads, and the queue of proposals oldest first.
 */
@Component
class TierOverrideIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "tier_overrides";
	}

	@Override
	public List<Index> indexes() {
		return List.of(
				new Index().on("clientId", Direction.ASC).on("sequence", Direction.DESC).unique()
					.named("client_sequence_unique"),
				new Index().on("clientId", Direction.ASC).on("status", Direction.ASC).on("expiresOn", Direction.ASC)
					.named("client_status_expiry"),
				new Index().on("status", Direction.ASC).on("proposedAt", Direction.ASC).on("_id", Direction.ASC)
					.named("status_oldest_first"));
	}

}
