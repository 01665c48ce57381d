package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.tier.AppliedOverride;
import com.corpbank.portal.tier.FactorResult;
import com.corpbank.portal.tier.TierReason;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One tier result that changed something: the tier-history entry 分层历史 of a client, with its whole explanation.
 * Written in the same atomic write as the client's new {@code valueTier} (through the audit outbox), never updated.
 *
 * @param tier the tier that applies (the override's when one is in force)
 * @param modelTier the tier of the model's score
 * @param score the model's score: exactly the sum of the factors' contributions
 * @param asOf the evaluation date the inputs were read for
 * @param previousTier the tier that applied before; null for a first evaluation
 * @param evaluatedBy username of who asked (the ADMIN who started a job, or the user who re-evaluated on demand)
 * @param jobId the re-tiering job that wrote it; null on demand
 */
@Document("tier_history")
public record TierEvaluation(@Id String id, String clientId, ValueTierCode tier, ValueTierCode modelTier,
		BigDecimal score, String modelVersion, Instant evaluatedAt, LocalDate asOf, List<FactorResult> factors,
		InputsAsOf inputsAsOf, @Nullable ValueTierCode previousTier, @Nullable BigDecimal previousScore,
		@Nullable String previousModelVersion, TierReason reason, @Nullable AppliedOverride override,
		LifecycleStage lifecycleStage, @Nullable LifecycleStage previousLifecycleStage, String evaluatedBy,
		@Nullable String jobId) {

	public TierEvaluation {
		factors = List.copyOf(factors);
	}

}
