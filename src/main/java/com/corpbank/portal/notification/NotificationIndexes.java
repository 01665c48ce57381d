package com.corpbank.portal.notification;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Polls read events by {@code occurredAt} from a point in time, oldest first with {@code _id} as the tie-break; on
 * real MongoDB a second index on {@code occurredAt} alone expires them after the retention (a TTL index must have one
 * key; the embedded store keeps them until {@link WorklistEvents#expireOld} deletes them).
 */
@Component
class NotificationIndexes implements CollectionIndexes {

	private final NotificationProperties properties;

	NotificationIndexes(NotificationProperties properties) {
		this.properties = properties;
	}

	@Override
	public String collection() {
		return WorklistEvent.COLLECTION;
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("occurredAt", Direction.ASC).on("_id", Direction.ASC).named("poll_order"),
				new Index().on("occurredAt", Direction.ASC).expire(this.properties.retention()).named("occurred_at_ttl"));
	}

}
