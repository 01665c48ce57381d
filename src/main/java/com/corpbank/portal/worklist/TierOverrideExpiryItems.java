package com.corpbank.portal.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.override.TierOverride;
import com.corpbank.portal.override.TierOverrideStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Approved tier overrides that still apply today and expire within {@code portal.worklist.override-expiry} (expires
 * on today + P30D is listed): the RM should propose a new one or prepare the client for the model's tier. Due at the
 * start (Beijing) of {@code expiresOn}, the moment the override stops applying; from then on it is no longer listed,
 * so an override item is never overdue.
 */
@Component
class TierOverrideExpiryItems implements WorklistSource {

	static final String COLLECTION = "tier_overrides";

	static final String EXPIRES_ON = "expiresOn";

	private static final Sort ORDER = Sort.by(Sort.Direction.ASC, EXPIRES_ON, "_id");

	private final WorklistStore store;

	private final WorklistProperties properties;

	TierOverrideExpiryItems(WorklistStore store, WorklistProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public WorklistKind kind() {
		return WorklistKind.TIER_OVERRIDE_EXPIRY;
	}

	@Override
	public List<WorklistItem> page(WorklistRequest request, @Nullable UrgencyPosition after, int limit) {
		Criteria keyset = (after != null) ? after.afterOnDate(kind(), EXPIRES_ON, 0) : null;
		return this.store.joinedPage(TierOverride.class, COLLECTION, matching(request, keyset), ORDER, request, limit)
			.stream()
			.map(row -> {
				TierOverride override = this.store.read(TierOverride.class, row);
				return request.item(kind(), override.id(), override.clientId(), WorklistStore.joinedRm(row),
						WorklistRequest.startOf(override.expiresOn()),
						"分层调整到期 Tier override to %s expires on %s".formatted(override.tier(), override.expiresOn()));
			})
			.toList();
	}

	@Override
	public Map<String, Counts> countByManager(WorklistRequest request) {
		// Listed overrides still apply: none is overdue.
		return this.store.joinedCounts(TierOverride.class, COLLECTION, matching(request, null),
				Criteria.where(EXPIRES_ON).lte(request.today()), request);
	}

	private Criteria matching(WorklistRequest request, @Nullable Criteria keyset) {
		LocalDate today = request.today();
		Criteria criteria = new Criteria().andOperator(Criteria.where("status").is(TierOverrideStatus.APPROVED),
				Criteria.where(EXPIRES_ON).gt(today),
				Criteria.where(EXPIRES_ON).lte(today.plus(this.properties.overrideExpiry())));
		if (request.overdueOnly()) {
			// Never overdue while listed (see the class comment).
			criteria = new Criteria().andOperator(criteria, Criteria.where(EXPIRES_ON).lte(today));
		}
		return (keyset != null) ? new Criteria().andOperator(criteria, keyset) : criteria;
	}

}
