package com.corpbank.portal.override;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.NewestFirstPages.Edge;
import com.corpbank.portal.graphql.NewestFirstPages.Page;
import com.corpbank.portal.graphql.PageInfo;
import com.corpbank.portal.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads of tier overrides: the seam the scoring engine calls ({@link #approvedOn}), a page of clients' overrides,
 * and the queue of proposals a checker may decide.
 */
@Service
public class TierOverrides {

	/** The largest page of {@code pendingTierOverrides}. */
	static final int MAX_PAGE_SIZE = 100;

	static final String PENDING_ORDER = "pendingTierOverrides";

	private final MongoTemplate mongoTemplate;

	private final PermissionModel permissions;

	private final Clock clock;

	TierOverrides(MongoTemplate mongoTemplate, PermissionModel permissions, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.permissions = permissions;
		this.clock = clock;
	}

	/** Today in the bank's time zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(BankTime.ZONE));
	}

	/**
	 * For each of these clients that has one, the override that replaces the model's tier on this day: APPROVED and
	 * {@code on} before its expiry date. One query for the whole collection (the engine calls it once per chunk).
	 * Where a client had several approved overrides that all cover the day (possible only for a day in the past),
	 * the newest wins.
	 */
	public Map<String, TierOverride> approvedOn(Collection<String> clientIds, LocalDate on) {
		Map<String, TierOverride> approved = new HashMap<>();
		if (clientIds.isEmpty()) {
			return approved;
		}
		Query query = new Query(Criteria.where("clientId")
			.in(new HashSet<>(clientIds))
			.and("status")
			.is(TierOverrideStatus.APPROVED)
			.and("expiresOn")
			.gt(on)).with(Sort.by(Sort.Direction.DESC, "sequence"));
		for (TierOverride override : this.mongoTemplate.find(query, TierOverride.class)) {
			approved.putIfAbsent(override.clientId(), override);
		}
		return approved;
	}

	/** The client's newest override (the only one that can be open), or null when it has none. */
	@Nullable TierOverride newestOf(String clientId) {
		return this.mongoTemplate.findOne(new Query(Criteria.where("clientId").is(clientId))
			.with(Sort.by(Sort.Direction.DESC, "sequence"))
			.limit(1), TierOverride.class);
	}

	/**
	 * Every override of these clients, newest first per client, in one query. The ids must come from a scoped read:
	 * overrides carry no scope of their own.
	 */
	Map<String, List<TierOverride>> ofClients(Collection<String> clientIds) {
		Map<String, List<TierOverride>> byClient = new LinkedHashMap<>();
		if (clientIds.isEmpty()) {
			return byClient;
		}
		Query query = new Query(Criteria.where("clientId").in(new HashSet<>(clientIds)))
			.with(Sort.by(Sort.Direction.DESC, "sequence"));
		for (TierOverride override : this.mongoTemplate.find(query, TierOverride.class)) {
			byClient.computeIfAbsent(override.clientId(), id -> new ArrayList<>()).add(override);
		}
		return byClient;
	}

	/**
	 * The proposals the caller could approve, oldest first: PROPOSED, expiry date still ahead, not their own, client
	 * in their scope for {@code approveTierOverride}. The queue is short (proposals wait for days, not years), so
	 * candidates are read in batches and filtered by one scoped client query per batch.
	 * @throws InvalidArgumentException for a page size out of range or a cursor that is not one of this list's
	 */
	Page<TierOverride> pending(Caller caller, @Nullable Integer first, @Nullable String after) {
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		KeysetCursor position = (after != null) ? cursorOf(after) : null;
		int batch = Math.max(2 * (size + 1), 50);
		List<TierOverride> page = new ArrayList<>();
		boolean exhausted = false;
		while (page.size() <= size && !exhausted) {
			Criteria criteria = Criteria.where("status")
				.is(TierOverrideStatus.PROPOSED)
				.and("expiresOn")
				.gt(today())
				.and("proposerSubject")
				.ne(caller.subject())
				.and("proposedBy")
				.ne(caller.username());
			if (position != null) {
				Instant at = Instant.parse((String) position.value());
				criteria = new Criteria().andOperator(criteria,
						new Criteria().orOperator(Criteria.where("proposedAt").gt(at), new Criteria()
							.andOperator(Criteria.where("proposedAt").is(at), Criteria.where("_id").gt(position.id()))));
			}
			List<TierOverride> candidates = this.mongoTemplate.find(
					new Query(criteria).with(Sort.by(Sort.Direction.ASC, "proposedAt", "_id")).limit(batch),
					TierOverride.class);
			exhausted = candidates.size() < batch;
			Set<String> inScope = inScope(caller, candidates.stream().map(TierOverride::clientId).toList());
			for (TierOverride candidate : candidates) {
				if (inScope.contains(candidate.clientId()) && page.size() <= size) {
					page.add(candidate);
				}
			}
			if (!candidates.isEmpty()) {
				TierOverride last = candidates.get(candidates.size() - 1);
				position = cursor(last);
			}
		}
		List<Edge<TierOverride>> edges = page.stream()
			.limit(size)
			.map(override -> new Edge<>(cursor(override).encode(), override))
			.toList();
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page<>(edges, new PageInfo(page.size() > size, endCursor));
	}

	private Set<String> inScope(Caller caller, List<String> clientIds) {
		if (clientIds.isEmpty()) {
			return Set.of();
		}
		Criteria scoped = this.permissions.scopeFor(caller, "Mutation." + TierOverrideWorkflow.APPROVE)
			.and(Criteria.where("_id").in(new HashSet<>(clientIds)));
		return new HashSet<>(this.mongoTemplate.findDistinct(new Query(scoped), "_id", Client.class, String.class));
	}

	private static KeysetCursor cursor(TierOverride override) {
		return new KeysetCursor(PENDING_ORDER, override.proposedAt().toString(), override.id());
	}

	private static KeysetCursor cursorOf(String after) {
		KeysetCursor cursor = KeysetCursor.decode(after, PENDING_ORDER);
		if (cursor.value() instanceof String text) {
			try {
				Instant.parse(text);
				return cursor;
			}
			catch (DateTimeParseException ex) {
				// refused below
			}
		}
		throw new InvalidArgumentException("after",
				"Not a valid cursor: pass the endCursor or an edge cursor of a previous page unchanged.");
	}

}
