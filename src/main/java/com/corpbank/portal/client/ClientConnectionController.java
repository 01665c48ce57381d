package com.corpbank.portal.client;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code ClientConnection.totalCount}: counted only when asked for, under the page's own scope and filter. */
@Controller
class ClientConnectionController {

	private final ClientQueries clientQueries;

	ClientConnectionController(ClientQueries clientQueries) {
		this.clientQueries = clientQueries;
	}

	@SchemaMapping(typeName = "ClientConnection")
	long totalCount(ClientConnection connection) {
		return this.clientQueries.count(connection);
	}

}
