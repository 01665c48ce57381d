package com.corpbank.portal.migration;

import java.util.List;

import com.corpbank.portal.client.ClientEdge;
import com.corpbank.portal.graphql.PageInfo;

/**
 * A page of the clients of one matrix cell, by name. {@code selection} is the opaque handle that counts the whole cell
 * under exactly the page's scope, filter, dates and tiers, only when {@code totalCount} is asked for.
 */
public record TierMigrationClients(List<ClientEdge> edges, PageInfo pageInfo, MigrationQueries.Selection selection) {

	public TierMigrationClients {
		edges = List.copyOf(edges);
	}

}
