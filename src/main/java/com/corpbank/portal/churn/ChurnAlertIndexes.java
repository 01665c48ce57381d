package com.corpbank.portal.churn;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * {@code openKey} unique: one not-CLOSED alert per client, enforced by the store (the embedded one too: it keeps
 * unique indexes, while it ignores partial ones, so the guard is a field that is always set and always unique).
 * Lists page newest first; a client's alerts are read by client id.
 */
@Component
class ChurnAlertIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "churn_alerts";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("openKey", Direction.ASC).unique().named("one_open_alert_per_client"),
				new Index().on("openedAt", Direction.DESC).on("_id", Direction.DESC).named("newest_first"),
				// A client's alerts and the alerts with a signal, newest first with _id as the tie-break.
				new Index().on("clientId", Direction.ASC).on("openedAt", Direction.DESC).on("_id", Direction.DESC)
					.named("client_newest_first_by_id"),
				new Index().on("signals.code", Direction.ASC).on("openedAt", Direction.DESC).on("_id", Direction.DESC)
					.named("signal_newest_first"));
	}

}
