package com.corpbank.portal.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * The client's current value tier and its score (0-100), embedded in the client document for filtering and ordering.
 * The explanation behind it is the tier-history entry {@code evaluationId} names. Tiers seeded before the engine
 * existed carry only the first four fields.
 *
 * @param tier the tier that applies: an approved override's, else the model's
 * @param score the model's score
 * @param evaluatedOn the Beijing date of {@code evaluatedAt} (of the seed batch for seeded tiers)
 * @param modelTier the tier the model's score places the client in
 * @param evaluatedAt when this result was reached; an evaluation that reaches the same result writes nothing
 * @param reason why the result last changed
 * @param previousTier the tier before this result
 * @param evaluationId id of the tier-history entry that explains this result
 * @param override the approved override in force, if any
 * @param fingerprint a digest of everything the result depends on (model, inputs, override, lifecycle stage), so an
 * evaluation can tell that nothing changed without comparing field by field
 */
public record ValueTier(ValueTierCode tier, BigDecimal score, String modelVersion, @Nullable LocalDate evaluatedOn,
		@Nullable ValueTierCode modelTier, @Nullable Instant evaluatedAt, @Nullable TierReason reason,
		@Nullable ValueTierCode previousTier, @Nullable String evaluationId, @Nullable AppliedOverride override,
		@Nullable String fingerprint) {

	@PersistenceCreator
	public ValueTier {
	}

	/** A tier as the seed wrote it: no explanation behind it yet. */
	public ValueTier(ValueTierCode tier, BigDecimal score, String modelVersion, LocalDate evaluatedOn) {
		this(tier, score, modelVersion, evaluatedOn, null, null, null, null, null, null, null);
	}

}
