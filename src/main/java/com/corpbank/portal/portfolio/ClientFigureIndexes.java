package com.corpbank.portal.portfolio;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The start-up backfill finds the clients without a figure copy ({@link ClientFigureCopies#refreshMissing()}) through
 * the copy's {@code refreshedAt}: a client without one is under the index's null key, so the backfill of a book that
 * has its copies reads no client.
 */
@Component
class ClientFigureIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "clients";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on(ClientFigureCopies.REFRESHED_AT, Direction.ASC).named("figures_refreshed_at"));
	}

}
