package com.corpbank.portal.client;

import com.corpbank.portal.graphql.SortDirection;
import org.jspecify.annotations.Nullable;

/** Order of the client list (GraphQL input {@code ClientOrder}). */
public record ClientOrder(ClientOrderField field, SortDirection direction) {

	static final ClientOrder DEFAULT = new ClientOrder(ClientOrderField.NAME, SortDirection.ASC);

	/** The sort key of a client in this order. */
	@Nullable Object keyOf(Client client) {
		return switch (this.field) {
			case NAME -> client.name();
			case TIER_SCORE -> (client.valueTier() != null) ? client.valueTier().score() : null;
		};
	}

	/** Names the order inside cursors, so a cursor is only accepted by the order that issued it. */
	String cursorTag() {
		return this.field.name() + ":" + this.direction.name();
	}

}
