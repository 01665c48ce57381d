package com.corpbank.portal.graphql;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Pages of a per-parent history (risk history, assignment history, ...), newest first, for many parents in one
 * query: a page of 50 clients asking for their histories costs one round trip per distinct (first, after) pair, not
 * one per client. Each query reads every matching entry of the requested parents (histories are short: a few
 * changes a year); a parent's page is cut from them in memory.
 *
 * <p>The parents' ids must come from a scoped read: history entries carry no scope of their own.
 */
@Component
public class NewestFirstPages {

	/** The largest page of a history. */
	public static final int MAX_PAGE_SIZE = 100;

	/** One parent's page: {@code first} entries after the cursor. */
	public record Request(String parentId, int first, @Nullable String after) {
	}

	/** A page of entries with cursors; GraphQL's {@code XConnection { edges { cursor node } pageInfo }}. */
	public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo) {
	}

	/** An entry of a page with its cursor. */
	public record Edge<T>(String cursor, T node) {
	}

	private final MongoTemplate mongoTemplate;

	NewestFirstPages(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * Checks a page request's arguments (before any batching, so the error names the field that was asked).
	 * @throws InvalidArgumentException for a size out of range or a cursor that is not one of this history's
	 */
	public static Request request(String order, String parentId, @Nullable Integer first, @Nullable String after) {
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		if (after != null) {
			cursorOf(order, after);
		}
		return new Request(parentId, size, after);
	}

	/**
	 * @param order the cursor tag of this history, so a cursor of another history is refused
	 * @param parentField the entry field holding the parent id, e.g. {@code clientId}
	 * @param timeField the entry field the history is ordered by, newest first
	 */
	public <T> Map<Request, Page<T>> load(Collection<Request> requests, Class<T> type, String order,
			String parentField, String timeField, Function<T, String> parentOf, Function<T, Instant> timeOf,
			Function<T, String> idOf) {
		Map<Request, Page<T>> pages = new HashMap<>();
		Map<String, List<Request>> byWindow = requests.stream()
			.collect(Collectors.groupingBy(request -> request.first() + "|" + request.after(), LinkedHashMap::new,
					Collectors.toList()));
		for (List<Request> window : byWindow.values()) {
			Request sample = window.get(0);
			List<String> parentIds = window.stream().map(Request::parentId).distinct().toList();
			Criteria criteria = Criteria.where(parentField).in(parentIds);
			if (sample.after() != null) {
				KeysetCursor cursor = cursorOf(order, sample.after());
				Instant time = Instant.parse((String) cursor.value());
				criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
						Criteria.where(timeField).lt(time),
						new Criteria().andOperator(Criteria.where(timeField).is(time),
								Criteria.where("_id").lt(cursor.id()))));
			}
			Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, timeField, "_id"));
			Map<String, List<T>> byParent = new HashMap<>();
			for (T entry : this.mongoTemplate.find(query, type)) {
				byParent.computeIfAbsent(parentOf.apply(entry), key -> new ArrayList<>()).add(entry);
			}
			for (Request request : window) {
				List<T> entries = byParent.getOrDefault(request.parentId(), List.of());
				List<Edge<T>> edges = entries.stream()
					.limit(request.first())
					.map(entry -> new Edge<>(
							new KeysetCursor(order, timeOf.apply(entry).toString(), idOf.apply(entry)).encode(), entry))
					.toList();
				String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
				pages.put(request, new Page<>(edges, new PageInfo(entries.size() > request.first(), endCursor)));
			}
		}
		return pages;
	}

	private static KeysetCursor cursorOf(String order, String after) {
		KeysetCursor cursor = KeysetCursor.decode(after, order);
		if (!(cursor.value() instanceof String text)) {
			throw new InvalidArgumentException("after",
					"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
		}
		try {
			Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArgumentException("after",
					"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
		}
		return cursor;
	}

}
