package com.corpbank.portal.client;

import java.util.List;

import com.corpbank.portal.graphql.PageInfo;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A page of clients. {@code countQuery} (scope and filter, no paging) is kept so that {@code totalCount} is
 * counted only when a caller asks for it, under exactly the same criteria as the page.
 */
public record ClientConnection(List<ClientEdge> edges, PageInfo pageInfo, Query countQuery) {
}
