package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.tier.AppliedOverride;
import com.corpbank.portal.tier.FactorResult;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierReason;
import com.corpbank.portal.tier.TierScoring;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one client: inputs, score and explanation, the tier that applies (an approved override wins over the
 * model), the lifecycle stage, and the reason for a change. Pure: it reads nothing and writes nothing, and an
 * evaluation whose result equals the client's current one (same fingerprint) is reported as unchanged, which is what
 * makes a second batch run a no-op.
 */
final class ClientEvaluator {

	private final LifecycleRules lifecycleRules;

	private final Function<String, @Nullable BigDecimal> industryOutlookPoints;

	ClientEvaluator(LifecycleRules lifecycleRules, Function<String, @Nullable BigDecimal> industryOutlookPoints) {
		this.lifecycleRules = lifecycleRules;
		this.industryOutlookPoints = industryOutlookPoints;
	}

	/**
	 * The result of one evaluation.
	 * @param valueTier the client's value tier after it
	 * @param entry the history entry to write; null when nothing changed
	 */
	record Outcome(ClientData client, ValueTier valueTier, LifecycleStage lifecycleStage, @Nullable TierEvaluation entry) {

		boolean changed() {
			return this.entry != null;
		}

		/**
		 * Unchanged now, but changed earlier by the same job: a chunk done again after its runner died once the
		 * client was written. The job counts it as changed, as a single uninterrupted run would have.
		 */
		boolean changedEarlierBy(@Nullable String jobId) {
			String evaluationId = this.valueTier.evaluationId();
			return this.entry == null && jobId != null && evaluationId != null
					&& evaluationId.startsWith(jobEvaluationPrefix(jobId, this.client.clientId()));
		}

	}

	/** Who and what an evaluation runs for. */
	record Context(TierModel model, LocalDate asOf, Instant now, String evaluatedBy, @Nullable String jobId) {
	}

	/**
	 * A client's score and the tier that applies, before the lifecycle stage (which needs the churn warnings, which
	 * in turn read the tier's visit cadence: the tier of this evaluation, so a second run sees the same cadence).
	 */
	record Scored(ClientData client, TierInputs.Read inputs, TierScoring.Scored scored, ValueTierCode tier,
			@Nullable AppliedOverride override) {
	}

	Scored score(Context context, ClientData client, @Nullable AppliedOverride override) {
		TierInputs.Read inputs = TierInputs.of(client, context.model().clv(), context.asOf(), this.industryOutlookPoints);
		TierScoring.Scored scored = TierScoring.score(context.model(), inputs.values());
		return new Scored(client, inputs, scored, (override != null) ? override.tier() : scored.tier(), override);
	}

	Outcome finish(Context context, Scored result, boolean churnAlertOpen) {
		TierModel model = context.model();
		ClientData client = result.client();
		TierInputs.Read inputs = result.inputs();
		TierScoring.Scored scored = result.scored();
		ValueTierCode tier = result.tier();
		AppliedOverride override = result.override();
		LifecycleStage stage = this.lifecycleRules.stageOf(client.months().stream()
			.map(month -> new LifecycleRules.Month(month.productsHeld(), month.transactionCount()))
			.toList(), churnAlertOpen, client.onboardedOn(), context.asOf());
		String fingerprint = fingerprint(model.id(), scored, tier, override, stage, inputs.asOf());
		ValueTier previous = client.valueTier();
		if (previous != null && fingerprint.equals(previous.fingerprint()) && stage == client.lifecycleStage()) {
			return new Outcome(client, previous, stage, null);
		}
		TierReason reason = reason(previous, model.id(), scored.score(), override);
		// A job's evaluation ids say the job (see Outcome.changedEarlierBy); the client's next version keeps them unique.
		String id = (context.jobId() != null)
				? jobEvaluationPrefix(context.jobId(), client.clientId()) + (client.version() + 1)
				: UUID.randomUUID().toString();
		TierEvaluation entry = new TierEvaluation(id, client.clientId(), tier, scored.tier(), scored.score(), model.id(),
				context.now(), context.asOf(), scored.factors(), inputs.asOf(),
				(previous != null) ? previous.tier() : null, (previous != null) ? previous.score() : null,
				(previous != null) ? previous.modelVersion() : null, reason, override, stage, client.lifecycleStage(),
				context.evaluatedBy(), context.jobId());
		ValueTier next = new ValueTier(tier, scored.score(), model.id(), LocalDate.ofInstant(context.now(), BankTime.ZONE),
				scored.tier(), context.now(), reason, (previous != null) ? previous.tier() : null, id, override,
				fingerprint);
		return new Outcome(client, next, stage, entry);
	}

	private static String jobEvaluationPrefix(String jobId, String clientId) {
		return jobId + ":" + clientId + ":v";
	}

	static TierReason reason(@Nullable ValueTier previous, String modelVersion, BigDecimal score,
			@Nullable AppliedOverride override) {
		if (previous == null) {
			return TierReason.INITIAL;
		}
		AppliedOverride before = previous.override();
		if (override != null && (before == null || !before.overrideId().equals(override.overrideId()))) {
			return TierReason.OVERRIDE;
		}
		if (override == null && before != null) {
			return TierReason.OVERRIDE_EXPIRED;
		}
		if (!modelVersion.equals(previous.modelVersion())) {
			return TierReason.MODEL_CHANGE;
		}
		int direction = score.compareTo(previous.score());
		return (direction > 0) ? TierReason.SCORE_UP : (direction < 0) ? TierReason.SCORE_DOWN : TierReason.INPUTS_CHANGED;
	}

	// Everything the result depends on, in a fixed order; times are left out, so an unchanged result has an unchanged
	// fingerprint.
	private static String fingerprint(String modelVersion, TierScoring.Scored scored, ValueTierCode tier,
			@Nullable AppliedOverride override, LifecycleStage stage, InputsAsOf asOf) {
		StringBuilder text = new StringBuilder(512).append(modelVersion).append('|').append(tier).append('|')
			.append(scored.tier()).append('|').append(scored.score().toPlainString()).append('|').append(stage)
			.append('|').append(override).append('|').append(asOf);
		List<FactorResult> factors = scored.factors();
		for (FactorResult factor : factors) {
			text.append('|').append(factor.key()).append('=')
				.append((factor.rawValue() != null) ? factor.rawValue().toPlainString() : factor.rawCategory())
				.append(':').append(factor.points().toPlainString()).append(':')
				.append(factor.contribution().toPlainString());
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
