package com.corpbank.portal.risk;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** A client's risk history, newest first: the order {@code Client.riskHistory} pages in. */
@Component
class RiskHistoryIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "risk_history";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("clientId", Direction.ASC)
			.on("changedAt", Direction.DESC)
			.on("_id", Direction.DESC)
			.named("client_newest_first"));
	}

}
