package com.corpbank.portal.tiering;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** A client's tier history, newest first: the order {@code Client.tierHistory} pages in. */
@Component
class TierHistoryIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "tier_history";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("clientId", Direction.ASC)
			.on("evaluatedAt", Direction.DESC)
			.on("_id", Direction.DESC)
			.named("client_newest_first"));
	}

}
