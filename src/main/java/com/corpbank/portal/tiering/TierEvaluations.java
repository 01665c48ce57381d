package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.churn.ChurnInputs;
import com.corpbank.portal.churn.ChurnProperties;
import com.corpbank.portal.churn.ChurnWatch;
import com.corpbank.portal.churn.MonthFigures;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.feedback.FeedbackFigures;
import com.corpbank.portal.feedback.LatestSurvey;
import com.corpbank.portal.feedback.SurveyScale;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.industry.IndustryOutlook;
import com.corpbank.portal.industry.IndustryOutlooks;
import com.corpbank.portal.override.TierOverride;
import com.corpbank.portal.override.TierOverrides;
import com.corpbank.portal.retiering.ChunkOutcome;
import com.corpbank.portal.tier.AppliedOverride;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Evaluates clients with a model and writes what changed: for a chunk of the batch job, or for one client on demand.
 * Per chunk: one read per collection ({@link ChunkReader}), one read of approved overrides, one of the open
 * complaints and one of the newest survey answers ({@link FeedbackFigures}, for the churn signals), the churn warnings
 * ({@link ChurnWatch}: one read plus the alerts that change), then one unordered bulk write of the clients whose
 * result changed, each carrying its audit event and tier-history entry (see {@link AuditedWrites#updateEach}).
 * Unchanged clients are not written, so a second run with the same model and inputs writes nothing.
 */
@Service
public class TierEvaluations {

	private static final Logger log = LoggerFactory.getLogger(TierEvaluations.class);

	private final ChunkReader reader;

	private final TierOverrides overrides;

	private final ChurnWatch churnWatch;

	private final AuditedWrites writes;

	private final ClientEvaluator evaluator;

	private final FollowUpSchedule followUps;

	private final FeedbackFigures feedback;

	private final ChurnProperties churnProperties;

	TierEvaluations(ChunkReader reader, TierOverrides overrides, ChurnWatch churnWatch, AuditedWrites writes,
			IndustryOutlooks outlooks, TieringProperties properties, FollowUpSchedule followUps,
			FeedbackFigures feedback, ChurnProperties churnProperties) {
		this.reader = reader;
		this.feedback = feedback;
		this.churnProperties = churnProperties;
		this.followUps = followUps;
		this.overrides = overrides;
		this.churnWatch = churnWatch;
		this.writes = writes;
		this.evaluator = new ClientEvaluator(properties.lifecycleRules(),
				outlookPoints(outlooks));
	}

	/** The outlook points of a GB/T 4754 section; none for a section the reference table does not have. */
	static Function<String, @Nullable BigDecimal> outlookPoints(IndustryOutlooks outlooks) {
		Map<String, IndustryOutlook> table = outlooks.all();
		return section -> {
			IndustryOutlook outlook = table.get(section);
			return (outlook != null) ? BigDecimal.valueOf(outlook.points()) : null;
		};
	}

	/** What one evaluation run over some clients did. */
	public record Result(ChunkOutcome outcome, Map<String, ValueTier> valueTiers) {
	}

	/**
	 * Evaluates the clients and writes the changed results.
	 * @param operation the audit operation name (the mutation or the job)
	 */
	public Result evaluate(TierModel model, List<String> clientIds, LocalDate asOf, Instant now, Actor actor,
			String operation, @Nullable String jobId, @Nullable String reason) {
		List<ClientData> clients = this.reader.read(clientIds, asOf);
		Set<String> ids = clients.stream().map(ClientData::clientId).collect(Collectors.toSet());
		Map<String, TierOverride> approved = this.overrides.approvedOn(ids, asOf);
		ClientEvaluator.Context context = new ClientEvaluator.Context(model, asOf, now, actor.caller().username(), jobId);
		List<String> failed = new ArrayList<>(clientIds.stream().filter(id -> !ids.contains(id)).toList());
		List<ClientEvaluator.Scored> scored = new ArrayList<>(clients.size());
		for (ClientData client : clients) {
			try {
				scored.add(this.evaluator.score(context, client, applied(approved.get(client.clientId()))));
			}
			catch (RuntimeException ex) {
				// One client's bad data must not stop the book: it is counted and named in the job.
				log.warn("Client {} could not be evaluated: {}", client.clientId(), ex.toString());
				failed.add(client.clientId());
			}
		}
		// Churn signals read the visit cadence of the tier this evaluation gives, not of the one it replaces, and the
		// portal's feedback: complaints open now that were raised by the end of the evaluation date, and the newest
		// survey answer within the LOW_SATISFACTION window (one query each for the chunk).
		Map<String, Integer> openComplaints = this.feedback.openComplaints(ids,
				asOf.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant());
		Map<String, LatestSurvey> surveys = this.feedback.latestSurveys(ids,
				asOf.minus(this.churnProperties.lowSatisfaction().window()), asOf);
		Map<String, Boolean> alertOpen = this.churnWatch.evaluate(scored.stream()
			.map(result -> churnInputs(result.client(), result.tier(), asOf,
					openComplaints.getOrDefault(result.client().clientId(), 0),
					surveys.get(result.client().clientId())))
			.toList(), actor, now);
		List<AuditedWrites.Change> changes = new ArrayList<>();
		Set<Object> tierChanges = new HashSet<>();
		int changedEarlierByThisJob = 0;
		Map<String, ValueTier> results = new HashMap<>();
		for (ClientEvaluator.Scored result : scored) {
			String clientId = result.client().clientId();
			try {
				ClientEvaluator.Outcome outcome = this.evaluator.finish(context, result,
						alertOpen.getOrDefault(clientId, false));
				results.put(clientId, outcome.valueTier());
				// The follow-up moves in the same client write as the tier: a first one, or the new tier's cadence.
				FollowUp followUp = followUp(result.client(), outcome.valueTier().tier(), asOf);
				if (outcome.changed() || followUp != null) {
					changes.add(change(outcome, followUp, actor, now, operation, reason));
				}
				if (outcome.changed()) {
					tierChanges.add(clientId);
				}
				else if (outcome.changedEarlierBy(jobId)) {
					changedEarlierByThisJob++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Client {} could not be evaluated: {}", clientId, ex.toString());
				failed.add(clientId);
			}
		}
		Set<Object> written = this.writes.updateEach(Client.class, changes);
		for (AuditedWrites.Change change : changes) {
			if (!written.contains(change.id())) {
				// Changed by someone else since it was read: the next run evaluates it again.
				failed.add((String) change.id());
				results.remove((String) change.id());
			}
		}
		List<String> distinctFailed = failed.stream().distinct().toList();
		// A write that only scheduled a follow-up is no tier change: the job counts tier changes.
		int tiersWritten = (int) written.stream().filter(tierChanges::contains).count();
		return new Result(new ChunkOutcome(clientIds.size() - distinctFailed.size(),
				tiersWritten + changedEarlierByThisJob, distinctFailed), results);
	}

	/**
	 * The follow-up this evaluation gives the client, or null when its own is right. A first one counts from the last
	 * contact (the monthly feed's, or the latest recorded interaction when later), else onboarding, else the evaluation date (never from a day after it).
	 */
	private @Nullable FollowUp followUp(ClientData client, ValueTierCode tier, LocalDate asOf) {
		String primary = client.primaryManager();
		if (primary == null) {
			return null;
		}
		LocalDate from = client.lastContactOn();
		if (from == null) {
			from = client.onboardedOn();
		}
		if (from == null || from.isAfter(asOf)) {
			from = asOf;
		}
		return this.followUps.onEvaluation(client.followUp(), primary, tier, from);
	}

	private static AuditedWrites.Change change(ClientEvaluator.Outcome outcome, @Nullable FollowUp followUp,
			Actor actor, Instant now, String operation, @Nullable String reason) {
		ClientData client = outcome.client();
		ValueTier before = client.valueTier();
		ValueTier after = outcome.valueTier();
		TierEvaluation entry = outcome.entry();
		Update update = new Update();
		AuditEvent.Builder event = AuditEvent.by(actor, now, operation);
		if (followUp != null) {
			FollowUp was = client.followUp();
			event.change("followUp.dueOn", (was != null) ? was.dueOn() : null, followUp.dueOn())
				.change("followUp.rmUsername", (was != null) ? was.rmUsername() : null, followUp.rmUsername())
				.change("followUp.tier", (was != null) ? was.tier() : null, followUp.tier());
			update.set("followUp", followUp);
		}
		if (entry == null) {
			// Only the follow-up: the tier result is what the client already has.
			event.reason((reason != null) ? reason : "Follow-up scheduled by the " + after.tier() + " cadence");
			return new AuditedWrites.Change(client.clientId(), Criteria.where("_id").is(client.clientId()),
					client.version(), update, event.aboutClient(client.clientId(), client.version() + 1), List.of());
		}
		event.reason((reason != null) ? reason : after.reason() + " (model " + after.modelVersion() + ")")
			.change("valueTier.tier", (before != null) ? before.tier() : null, after.tier())
			.change("valueTier.modelTier", (before != null) ? before.modelTier() : null, after.modelTier())
			.change("valueTier.score", (before != null) ? before.score() : null, after.score())
			.change("valueTier.modelVersion", (before != null) ? before.modelVersion() : null, after.modelVersion())
			.change("valueTier.override", (before != null && before.override() != null) ? before.override().overrideId() : null,
					(after.override() != null) ? after.override().overrideId() : null)
			.change("lifecycleStage", client.lifecycleStage(), outcome.lifecycleStage());
		update.set("valueTier", after).set("lifecycleStage", outcome.lifecycleStage());
		return new AuditedWrites.Change(client.clientId(), Criteria.where("_id").is(client.clientId()), client.version(),
				update, event.aboutClient(client.clientId(), client.version() + 1), List.of(entry));
	}

	private static @Nullable AppliedOverride applied(@Nullable TierOverride override) {
		if (override == null) {
			return null;
		}
		return new AppliedOverride(override.id(), override.tier(), override.expiresOn(), override.proposedBy(),
				Objects.requireNonNullElse(override.decidedBy(), ""));
	}

	private static ChurnInputs churnInputs(ClientData client, ValueTierCode tier, LocalDate asOf, int openComplaints,
			@Nullable LatestSurvey survey) {
		List<MonthFigures> months = client.months().stream()
			.map(month -> new MonthFigures(month.month(), month.averageDeposits(), month.productsHeld(),
					month.transactionCount(), month.openComplaints(), month.lastContactOn()))
			.toList();
		return new ChurnInputs(client.clientId(), tier, months,
				(client.risk() != null) ? client.risk().overdueDays() : null, asOf, client.lastInteractionOn(),
				openComplaints, (survey != null) ? new ChurnInputs.SatisfactionReading(survey.respondedOn(),
						survey.scale() == SurveyScale.NPS, survey.score()) : null);
	}

}
