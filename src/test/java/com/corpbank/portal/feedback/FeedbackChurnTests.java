package com.corpbank.portal.feedback;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.churn.ChurnAlert;
import com.corpbank.portal.churn.ChurnSignal;
import com.corpbank.portal.churn.FiredSignal;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.tier.Band;
import com.corpbank.portal.tier.ClvParameters;
import com.corpbank.portal.tier.Normalisation;
import com.corpbank.portal.tier.NormalisationMethod;
import com.corpbank.portal.tier.ScoringFactor;
import com.corpbank.portal.tier.ScoringInput;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModelStatus;
import com.corpbank.portal.tier.TierThresholds;
import com.corpbank.portal.tiering.TierEvaluations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier evaluation feeds the churn signals from the portal's feedback: OPEN_COMPLAINTS counts the complaints open
 * as of the evaluation, LOW_SATISFACTION reads the newest answer in the window; each is one query per chunk, whatever
 * its size.
 */
@PortalTest
class FeedbackChurnTests {

	private static final Actor JOB = new Actor(new Caller("job-subject", "admin", "Admin", Set.of(Role.ADMIN), null),
			"feedback-churn-1");

	@Autowired
	TierEvaluations evaluations;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	private final LocalDate asOf = FeedbackTestData.today();

	@BeforeEach
	void bookWithFeedback() {
		new ClientBookFixture(this.mongoTemplate).load();
		// C-LI-1: two open, one resolved, one raised after the evaluation date
		FeedbackTestData.complaint(this.mongoTemplate, "CP-1", "C-LI-1", "rm_li", ComplaintStatus.OPEN);
		FeedbackTestData.complaint(this.mongoTemplate, "CP-2", "C-LI-1", "rm_li", ComplaintStatus.IN_PROGRESS);
		FeedbackTestData.complaint(this.mongoTemplate, "CP-3", "C-LI-1", "rm_li", ComplaintStatus.RESOLVED);
		FeedbackTestData.complaint(this.mongoTemplate, "CP-4", "C-LI-1", "rm_li", ComplaintStatus.OPEN,
				ComplaintSeverity.LOW, Duration.ofDays(-2));
		// C-ZHANG-1: a detractor's answer after a promoter's
		FeedbackTestData.survey(this.mongoTemplate, "SV-Z1", "C-ZHANG-1", "rm_zhang", SurveyScale.NPS, 10,
				this.asOf.minusDays(40));
		FeedbackTestData.survey(this.mongoTemplate, "SV-Z2", "C-ZHANG-1", "rm_zhang", SurveyScale.NPS, 6,
				this.asOf.minusDays(10));
		// C-WANG-1: a low answer, then a good one
		FeedbackTestData.survey(this.mongoTemplate, "SV-W1", "C-WANG-1", "rm_wang", SurveyScale.FIVE_POINT, 1,
				this.asOf.minusDays(20));
		FeedbackTestData.survey(this.mongoTemplate, "SV-W2", "C-WANG-1", "rm_wang", SurveyScale.FIVE_POINT, 4,
				this.asOf.minusDays(2));
		// C-XU-1: a low answer older than the window (6 months)
		FeedbackTestData.survey(this.mongoTemplate, "SV-X1", "C-XU-1", "rm_xu", SurveyScale.FIVE_POINT, 1,
				this.asOf.minusMonths(6).minusDays(1));
	}

	@Test
	void openComplaintsAndTheNewestLowAnswerInTheWindowFire() {
		this.evaluations.evaluate(model(), List.of("C-LI-1", "C-ZHANG-1", "C-WANG-1", "C-XU-1"), this.asOf,
				Instant.now(), JOB, "evaluateClientTier", null, null);
		assertThat(signal("C-LI-1", ChurnSignal.OPEN_COMPLAINTS))
			.hasValueSatisfying(fired -> assertThat(fired.value()).isEqualTo("2"));
		assertThat(signal("C-LI-1", ChurnSignal.LOW_SATISFACTION)).isEmpty();
		assertThat(signal("C-ZHANG-1", ChurnSignal.LOW_SATISFACTION))
			.hasValueSatisfying(fired -> assertThat(fired.value()).isEqualTo("6/10"));
		assertThat(signal("C-ZHANG-1", ChurnSignal.OPEN_COMPLAINTS)).isEmpty();
		assertThat(signal("C-WANG-1", ChurnSignal.LOW_SATISFACTION)).isEmpty();
		assertThat(signal("C-XU-1", ChurnSignal.LOW_SATISFACTION)).isEmpty();
	}

	@Test
	void theSingleClientEvaluationReadsThemToo() {
		this.evaluations.evaluate(model(), List.of("C-ZHANG-1"), this.asOf, Instant.now(), JOB, "evaluateClientTier",
				null, null);
		assertThat(signal("C-ZHANG-1", ChurnSignal.LOW_SATISFACTION)).isPresent();
	}

	@Test
	void eachIsOneQueryPerChunkWhateverItsSize() {
		for (List<String> chunk : List.of(List.of("C-LI-1"), ClientBookFixture.ALL)) {
			this.commands.reset();
			this.evaluations.evaluate(model(), chunk, this.asOf, Instant.now(), JOB, "evaluateClientTier", null, null);
			Map<String, Long> byCollection = new TreeMap<>();
			this.commands.commandsWithTarget()
				.stream()
				.filter(command -> "complaints".equals(command.collection()) || "surveys".equals(command.collection()))
				.forEach(command -> byCollection.merge(command.name() + " " + command.collection(), 1L, Long::sum));
			assertThat(byCollection).as(chunk.size() + " clients")
				.containsExactly(Map.entry("aggregate complaints", 1L), Map.entry("aggregate surveys", 1L));
		}
	}

	private Optional<FiredSignal> signal(String clientId, ChurnSignal code) {
		List<ChurnAlert> alerts = this.mongoTemplate.find(new Query(Criteria.where("clientId").is(clientId)),
				ChurnAlert.class);
		return alerts.stream().flatMap(alert -> alert.signals().stream()).filter(s -> s.code() == code).findFirst();
	}

	/** A one-factor model (revenue in bands: no calibration needed). */
	private static TierModel model() {
		return new TierModel("feedback-model", "test: a banded model", TierModelStatus.ACTIVE, LocalDate.of(2026, 1, 1),
				List.of(new ScoringFactor("revenue_scale", ScoringInput.REVENUE,
						new Normalisation(NormalisationMethod.BANDS,
								List.of(new Band(BigDecimal.ZERO, BigDecimal.ZERO),
										new Band(new BigDecimal("100000000"), new BigDecimal("100"))),
								null, null, List.of(), List.of(), true, BigDecimal.ZERO),
						BigDecimal.ONE, null)),
				new TierThresholds(new BigDecimal("80"), new BigDecimal("60")),
				new ClvParameters(5, new BigDecimal("0.9"), new BigDecimal("0.08"), new BigDecimal("0.015"),
						new BigDecimal("0.02")),
				"admin", Instant.parse("2026-01-01T00:00:00Z"), "admin", Instant.parse("2026-01-01T00:00:00Z"), 1L);
	}

}
