package com.corpbank.portal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.PageInfo;
import com.corpbank.portal.graphql.SortDirection;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the client book; every query carries the caller's {@link ClientScope}. */
@Service
public class ClientQueries {

	/** The largest page a caller may ask for. */
	public static final int MAX_PAGE_SIZE = 100;

	private final MongoTemplate mongoTemplate;

	private final CallerScopes callerScopes;

	ClientQueries(MongoTemplate mongoTemplate, CallerScopes callerScopes) {
		this.mongoTemplate = mongoTemplate;
		this.callerScopes = callerScopes;
	}

	public ClientConnection page(Caller caller, int first, @Nullable String after, ClientFilter filter,
			ClientOrder order) {
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		ClientScope scope = this.callerScopes.clientScope(caller);
		Criteria filterCriteria = filter.toCriteria();
		Criteria keyset = (after != null) ? keysetAfter(order, KeysetCursor.decode(after, order.cursorTag())) : null;

		Sort.Direction direction = (order.direction() == SortDirection.ASC) ? Sort.Direction.ASC : Sort.Direction.DESC;
		Query pageQuery = new Query(scope.and(filterCriteria, keyset))
			.with(Sort.by(direction, order.field().path()).and(Sort.by(direction, "_id")))
			// One row more than asked tells whether another page follows.
			.limit(first + 1);
		List<Client> rows = this.mongoTemplate.find(pageQuery, Client.class);

		List<ClientEdge> edges = new ArrayList<>();
		for (Client client : rows.subList(0, Math.min(first, rows.size()))) {
			edges.add(new ClientEdge(new KeysetCursor(order.cursorTag(), order.keyOf(client), client.id()).encode(),
					client));
		}
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new ClientConnection(edges, new PageInfo(rows.size() > first, endCursor),
				new Query(scope.and(filterCriteria)));
	}

	public long count(ClientConnection connection) {
		Query query = connection.countQuery();
		if (query.getQueryObject().isEmpty()) {
			// The whole book (the head office, no filter): the collection's size from its metadata. Counting
			// documents one by one would read every client; no index makes a count without a condition cheaper.
			return this.mongoTemplate.estimatedCount(Client.class);
		}
		return this.mongoTemplate.count(query, Client.class);
	}

	/** One client, or empty when it does not exist or is outside the caller's scope (indistinguishable). */
	public Optional<Client> byId(Caller caller, String id) {
		Query query = new Query(this.callerScopes.clientScope(caller).and(Criteria.where("_id").is(id)));
		return Optional.ofNullable(this.mongoTemplate.findOne(query, Client.class));
	}

	/**
	 * Rows strictly after the cursor in the requested order. Missing keys (a client not yet tiered) sort first
	 * ascending and last descending, as MongoDB sorts them, so they need their own branch.
	 */
	private static Criteria keysetAfter(ClientOrder order, KeysetCursor cursor) {
		String field = order.field().path();
		boolean ascending = order.direction() == SortDirection.ASC;
		Criteria laterId = ascending ? Criteria.where("_id").gt(cursor.id()) : Criteria.where("_id").lt(cursor.id());
		Object value = cursor.value();
		if (value == null) {
			Criteria sameKey = new Criteria().andOperator(Criteria.where(field).is(null), laterId);
			return ascending ? new Criteria().orOperator(sameKey, Criteria.where(field).ne(null)) : sameKey;
		}
		Criteria beyond = ascending ? Criteria.where(field).gt(value) : Criteria.where(field).lt(value);
		Criteria sameKey = new Criteria().andOperator(Criteria.where(field).is(value), laterId);
		return ascending ? new Criteria().orOperator(beyond, sameKey)
				: new Criteria().orOperator(beyond, sameKey, Criteria.where(field).is(null));
	}

}
