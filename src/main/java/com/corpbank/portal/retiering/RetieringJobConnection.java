package com.corpbank.portal.retiering;

import java.util.List;

import com.corpbank.portal.graphql.PageInfo;

/** A page of re-tiering jobs, newest first. */
public record RetieringJobConnection(List<Edge> edges, PageInfo pageInfo) {

	public RetieringJobConnection {
		edges = List.copyOf(edges);
	}

	/** A job in a page, with its cursor. */
	public record Edge(String cursor, RetieringJob node) {
	}

}
