package com.corpbank.portal.tier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A versioned value-tiering model 价值分层模型: factors with weights, A/B/C thresholds, CLV parameters and the date
 * from which it applies. ADMIN creates drafts and activates one; an active or retired model never changes (its
 * MIN_MAX and PERCENTILE factors carry the book's bounds taken at activation), so every stored evaluation can be
 * explained by the model it names.
 *
 * @param id the model version, e.g. {@code "2026.2"}: unique, and what evaluations record
 * @param version optimistic-locking version of the document (not the model version)
 */
@Document("tier_models")
public record TierModel(@Id String id, @Nullable String description, TierModelStatus status,
		LocalDate effectiveFrom, List<ScoringFactor> factors, TierThresholds thresholds, ClvParameters clv,
		String createdBy, Instant createdAt, @Nullable String activatedBy, @Nullable Instant activatedAt,
		@Nullable Long version) {

	public TierModel {
		factors = List.copyOf(factors);
	}

}
