package com.corpbank.portal.metrics;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** One document per client and month; the history and the latest month walk clientId + monthStart (+ _id). */
@Component
class RelationshipMetricsIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "relationship_metrics";
	}

	@Override
	public List<Index> indexes() {
		return List.of(
				new Index().on("clientId", Direction.ASC).on("month", Direction.ASC).unique().named("client_month_unique"),
				// The metrics connection pages newest first with _id as the tie-break (NewestFirstPages).
				new Index().on("clientId", Direction.ASC).on("monthStart", Direction.DESC).on("_id", Direction.DESC)
					.named("client_newest_first"));
	}

}
