package com.corpbank.portal.contact;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** A client's contacts in the order {@code Client.contacts} lists them. */
@Component
class ContactIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "contacts";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("clientId", Direction.ASC)
			.on("createdAt", Direction.ASC)
			.on("_id", Direction.ASC)
			.named("client_oldest_first"));
	}

}
