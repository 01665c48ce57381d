package com.corpbank.portal.migration;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code TierMigrationClientConnection.totalCount}: the cell's count, counted only when asked for. */
@Controller
class TierMigrationClientConnectionController {

	private final MigrationQueries queries;

	TierMigrationClientConnectionController(MigrationQueries queries) {
		this.queries = queries;
	}

	@SchemaMapping(typeName = "TierMigrationClientConnection")
	long totalCount(TierMigrationClients connection) {
		return this.queries.count(connection.selection());
	}

}
