package com.corpbank.portal.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.NewestFirstPages.Edge;
import com.corpbank.portal.graphql.NewestFirstPages.Page;
import com.corpbank.portal.graphql.PageInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads of the audit trail, newest first. A read first sweeps the outbox, so the trail an auditor reads holds every
 * change already visible, even one whose event a crash left pending in its document.
 */
@Service
class AuditTrail {

	static final String ORDER = "audit";

	static final int MAX_PAGE_SIZE = 100;

	private static final int MAX_FILTER_LENGTH = 100;

	private final MongoTemplate mongoTemplate;

	private final OutboxRelay relay;

	AuditTrail(MongoTemplate mongoTemplate, OutboxRelay relay) {
		this.mongoTemplate = mongoTemplate;
		this.relay = relay;
	}

	Page<AuditEvent> page(AuditEventFilter filter, int first, @Nullable String after) {
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		List<Criteria> conditions = new ArrayList<>();
		text("filter.actor", filter.actor()).ifPresent(value -> conditions.add(Criteria.where("actor").is(value)));
		text("filter.entityId", filter.entityId())
			.ifPresent(value -> conditions.add(Criteria.where("entityId").is(value)));
		text("filter.clientId", filter.clientId())
			.ifPresent(value -> conditions.add(Criteria.where("clientId").is(value)));
		text("filter.operation", filter.operation())
			.ifPresent(value -> conditions.add(Criteria.where("operation").is(value)));
		if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
			throw new InvalidArgumentException("filter.from", "filter.from must be before filter.to.");
		}
		if (filter.from() != null) {
			conditions.add(Criteria.where("at").gte(filter.from()));
		}
		if (filter.to() != null) {
			conditions.add(Criteria.where("at").lt(filter.to()));
		}
		if (after != null) {
			KeysetCursor cursor = KeysetCursor.decode(after, ORDER);
			Instant at = instantOf(cursor);
			conditions.add(new Criteria().orOperator(Criteria.where("at").lt(at),
					new Criteria().andOperator(Criteria.where("at").is(at), Criteria.where("_id").lt(cursor.id()))));
		}
		this.relay.sweep();
		Criteria criteria = conditions.isEmpty() ? new Criteria()
				: new Criteria().andOperator(conditions.toArray(Criteria[]::new));
		Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(first + 1);
		List<AuditEvent> rows = this.mongoTemplate.find(query, AuditEvent.class);
		List<Edge<AuditEvent>> edges = rows.stream()
			.limit(first)
			.map(event -> new Edge<>(new KeysetCursor(ORDER, event.at().toString(), event.id()).encode(), event))
			.toList();
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page<>(edges, new PageInfo(rows.size() > first, endCursor));
	}

	private static java.util.Optional<String> text(String argument, @Nullable String value) {
		if (value == null) {
			return java.util.Optional.empty();
		}
		if (InputText.length(value) > MAX_FILTER_LENGTH || !InputText.isPlainText(value)) {
			throw new InvalidArgumentException(argument,
					argument + " is plain text of at most " + MAX_FILTER_LENGTH + " characters.");
		}
		return java.util.Optional.of(value);
	}

	private static Instant instantOf(KeysetCursor cursor) {
		try {
			if (cursor.value() instanceof String text) {
				return Instant.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			// below
		}
		throw new InvalidArgumentException("after",
				"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
	}

}
