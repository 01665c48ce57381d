package com.corpbank.portal.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.feedback.Complaint;
import com.corpbank.portal.feedback.ComplaintCategory;
import com.corpbank.portal.feedback.ComplaintSeverity;
import com.corpbank.portal.feedback.ComplaintStatus;
import com.corpbank.portal.feedback.ComplaintTransition;
import com.corpbank.portal.feedback.FeedbackProperties;
import com.corpbank.portal.feedback.NpsBand;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.feedback.SurveyScale;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.seed.RelationshipHistory.ChurnSignal;
import com.corpbank.portal.tier.ValueTierCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo book's feedback: survey answers per tier on their scales with the derived fields the trends group by, low
 * only where a client is shaped for LOW_SATISFACTION, and complaints whose every step the lifecycle allows, open at
 * each month end exactly as the feed says and at the as-of date only on the OPEN_COMPLAINTS clients.
 */
class DemoFeedbackTest {

	private static final LocalDate AS_OF = RelationshipHistory.AS_OF;

	private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

	private static final Instant END_OF_AS_OF = AS_OF.plusDays(1).atStartOfDay(BANK_ZONE).toInstant();

	private static final DemoData data = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier())
		.generate();

	private static final Map<String, Client> clients = data.clients()
		.stream()
		.collect(Collectors.toMap(Client::id, Function.identity()));

	private static final Map<String, List<SurveyResult>> surveysByClient = data.surveys()
		.stream()
		.sorted(Comparator.comparing(SurveyResult::respondedOn))
		.collect(Collectors.groupingBy(SurveyResult::clientId));

	private static final Map<String, List<Complaint>> complaintsByClient = data.complaints()
		.stream()
		.collect(Collectors.groupingBy(Complaint::clientId));

	private static Set<String> shapedFor(ChurnSignal signal) {
		return DemoDataGenerator.CHURN_PATTERNS.entrySet()
			.stream()
			.filter(entry -> entry.getValue().contains(signal))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	@Test
	void twoGenerateCallsGiveEqualFeedbackAndTheRestOfTheBookIsAsWithout() {
		DemoData again = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier()).generate();
		assertThat(again.surveys()).isEqualTo(data.surveys());
		assertThat(again.complaints()).isEqualTo(data.complaints());
		// The fifth stream changed nothing else: the figures are those of a book without relationship work.
		DemoData without = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier())
			.generate(DemoDataGenerator.SEED, false);
		assertThat(without.metrics()).isEqualTo(data.metrics());
		assertThat(without.taxRecords()).isEqualTo(data.taxRecords());
		assertThat(without.surveys()).isEmpty();
		assertThat(without.complaints()).isEmpty();
	}

	@Test
	void aTiersShareOfClientsAnswerSurveysAMostCFewestProspectsNone() {
		Map<ValueTierCode, int[]> counts = new EnumMap<>(ValueTierCode.class);
		for (Client client : data.clients()) {
			int[] count = counts.computeIfAbsent(client.valueTier().tier(), tier -> new int[2]);
			count[0]++;
			if (surveysByClient.containsKey(client.id())) {
				count[1]++;
			}
			if (client.lifecycleStage() == LifecycleStage.PROSPECT) {
				assertThat(surveysByClient).as(client.id()).doesNotContainKey(client.id());
			}
		}
		double a = share(counts.get(ValueTierCode.A));
		double b = share(counts.get(ValueTierCode.B));
		double c = share(counts.get(ValueTierCode.C));
		assertThat(a).isGreaterThan(b).isBetween(0.65, 0.98);
		assertThat(b).isGreaterThan(c).isBetween(0.35, 0.70);
		assertThat(c).isBetween(0.12, 0.40);
		assertThat(data.surveys()).hasSizeGreaterThan(150);
		assertThat(data.surveys()).extracting(SurveyResult::scale).contains(SurveyScale.FIVE_POINT, SurveyScale.NPS);
		assertThat(data.surveys()).extracting(SurveyResult::comments).contains((String) null)
			.anyMatch(comment -> comment != null && comment.contains(" / "));
	}

	@Test
	void answersLieOnTheirScaleInTheYearWithTheDerivedFieldsTheTrendsGroupBy() {
		assertThat(data.surveys()).extracting(SurveyResult::id).doesNotHaveDuplicates();
		for (SurveyResult survey : data.surveys()) {
			Client client = clients.get(survey.clientId());
			assertThat(survey.score()).as(survey.id()).isBetween(survey.scale().min(), survey.scale().max());
			assertThat(survey.respondedOn()).as(survey.id()).isAfter(DemoFeedback.WINDOW_FROM).isBeforeOrEqualTo(AS_OF);
			assertThat(survey.respondedMonth()).as(survey.id()).isEqualTo(YearMonth.from(survey.respondedOn()).toString());
			assertThat(survey.npsBand()).as(survey.id())
				.isEqualTo((survey.scale() == SurveyScale.NPS) ? NpsBand.of(survey.score()) : null);
			assertThat(survey.rmUsername()).as(survey.id()).isEqualTo(client.primaryManager());
			assertThat(client.managerUsernames()).as(survey.id()).contains(survey.recordedBy());
			assertThat(survey.recordedAt()).as(survey.id())
				.isAfterOrEqualTo(survey.respondedOn().atStartOfDay(BANK_ZONE).toInstant())
				.isBefore(END_OF_AS_OF);
			assertThat(survey.version()).isZero();
		}
		// One answer a day per client: the newest is never a tie.
		surveysByClient.forEach((clientId, answers) -> assertThat(answers).extracting(SurveyResult::respondedOn)
			.as(clientId)
			.doesNotHaveDuplicates());
	}

	@Test
	void onlyTheClientsShapedForLowSatisfactionGiveALowNewestAnswerInTheWindow() {
		Set<String> low = shapedFor(ChurnSignal.LOW_SATISFACTION);
		assertThat(low).hasSizeBetween(2, 3);
		LocalDate windowFrom = AS_OF.minus(DemoFeedback.LOW_WINDOW);
		int satisfied = 0;
		int answers = 0;
		for (Client client : data.clients()) {
			List<SurveyResult> inWindow = surveysByClient.getOrDefault(client.id(), List.of())
				.stream()
				.filter(survey -> !survey.respondedOn().isBefore(windowFrom))
				.toList();
			boolean lowNewest = !inWindow.isEmpty() && isLow(inWindow.get(inWindow.size() - 1));
			assertThat(lowNewest).as(client.id()).isEqualTo(low.contains(client.id()));
			if (!DemoDataGenerator.CHURN_PATTERNS.containsKey(client.id())) {
				for (SurveyResult survey : surveysByClient.getOrDefault(client.id(), List.of())) {
					answers++;
					satisfied += (survey.score() >= ((survey.scale() == SurveyScale.NPS) ? 8 : 4)) ? 1 : 0;
				}
			}
		}
		// Everyone else mostly satisfied.
		assertThat(satisfied).isGreaterThan(answers * 7 / 10);
	}

	@Test
	void everyComplaintStepIsOneTheLifecycleAllowsByTheAssigneeWithTheServicesVersionAndSla() {
		assertThat(data.complaints()).extracting(Complaint::id).doesNotHaveDuplicates();
		for (Complaint complaint : data.complaints()) {
			Client client = clients.get(complaint.clientId());
			List<ComplaintTransition> steps = complaint.transitions();
			ComplaintTransition raised = steps.get(0);
			assertThat(raised.action()).as(complaint.id()).isNull();
			assertThat(raised.from()).as(complaint.id()).isNull();
			assertThat(raised.to()).as(complaint.id()).isEqualTo(ComplaintStatus.OPEN);
			assertThat(raised.at()).as(complaint.id()).isEqualTo(complaint.raisedAt());
			assertThat(raised.by()).as(complaint.id()).isEqualTo(complaint.raisedBy());
			assertThat(client.managerUsernames()).as(complaint.id()).contains(complaint.raisedBy());
			for (int i = 1; i < steps.size(); i++) {
				ComplaintTransition before = steps.get(i - 1);
				ComplaintTransition step = steps.get(i);
				assertThat(step.action()).as(complaint.id() + " step " + i).isNotNull();
				assertThat(step.from()).as(complaint.id() + " step " + i).isEqualTo(before.to());
				assertThat(step.action().allowedFrom(step.from())).as(complaint.id() + " step " + i).isTrue();
				assertThat(step.to()).as(complaint.id() + " step " + i).isEqualTo(step.action().target(step.from()));
				assertThat(step.at()).as(complaint.id() + " step " + i).isAfter(before.at());
			}
			assertThat(steps).as(complaint.id()).allSatisfy(step -> {
				assertThat(step.assignee()).isEqualTo(client.primaryManager());
				assertThat(step.at()).isBefore(END_OF_AS_OF);
			});
			assertThat(complaint.assignee()).as(complaint.id()).isEqualTo(client.primaryManager());
			assertThat(complaint.status()).as(complaint.id()).isEqualTo(steps.get(steps.size() - 1).to());
			assertThat(complaint.version()).as(complaint.id()).isEqualTo(steps.size() - 1);
			assertThat(complaint.slaDueAt()).as(complaint.id())
				.isEqualTo(complaint.raisedAt().plus(FeedbackProperties.DEFAULT_SLA.get(complaint.severity())));
			boolean settled = complaint.status() == ComplaintStatus.RESOLVED || complaint.status() == ComplaintStatus.CLOSED;
			assertThat(complaint.resolution() != null).as(complaint.id()).isEqualTo(settled);
			assertThat(complaint.resolvedAt() != null).as(complaint.id()).isEqualTo(settled);
			assertThat(complaint.closedAt() != null).as(complaint.id())
				.isEqualTo(complaint.status() == ComplaintStatus.CLOSED);
			if (settled) {
				ComplaintTransition lastResolve = steps.stream()
					.filter(step -> step.action() == com.corpbank.portal.feedback.ComplaintAction.RESOLVE)
					.reduce((first, second) -> second)
					.orElseThrow();
				assertThat(complaint.resolvedAt()).as(complaint.id()).isEqualTo(lastResolve.at());
				assertThat(complaint.resolution()).as(complaint.id()).isEqualTo(lastResolve.note());
			}
		}
	}

	@Test
	void aFewDozenComplaintsAcrossCategoriesAndSeveritiesMostlySettledSomeReopened() {
		List<Complaint> all = data.complaints();
		assertThat(all).hasSizeBetween(24, 120);
		long inTheYear = all.stream()
			.filter(complaint -> complaint.raisedAt().isAfter(DemoFeedback.WINDOW_FROM.atStartOfDay(BANK_ZONE).toInstant()))
			.count();
		assertThat(inTheYear).isGreaterThanOrEqualTo(24);
		assertThat(all).extracting(Complaint::category).hasSameElementsAs(EnumSet.allOf(ComplaintCategory.class));
		assertThat(all).extracting(Complaint::severity).hasSameElementsAs(EnumSet.allOf(ComplaintSeverity.class));
		long settled = all.stream().filter(complaint -> !complaint.status().isOpen()).count();
		assertThat(settled).isGreaterThan(all.size() * 3 / 4);
		assertThat(all).anyMatch(complaint -> complaint.status() == ComplaintStatus.RESOLVED);
		assertThat(all).anyMatch(complaint -> complaint.transitions()
			.stream()
			.anyMatch(step -> step.action() == com.corpbank.portal.feedback.ComplaintAction.REOPEN));
	}

	@Test
	void openAtEveryMonthEndAsTheFeedSaysAndAtTheAsOfDateOnlyOnTheOpenComplaintsClientsPastTheirSla() {
		Set<String> shaped = shapedFor(ChurnSignal.OPEN_COMPLAINTS);
		assertThat(shaped).isNotEmpty();
		Map<String, List<RelationshipMetrics>> months = data.metrics()
			.stream()
			.collect(Collectors.groupingBy(RelationshipMetrics::clientId));
		for (Client client : data.clients()) {
			List<Complaint> complaints = complaintsByClient.getOrDefault(client.id(), List.of());
			for (RelationshipMetrics month : months.get(client.id())) {
				Instant monthEnd = YearMonth.parse(month.month()).atEndOfMonth().atTime(LocalTime.MAX)
					.atZone(BANK_ZONE).toInstant();
				assertThat(openAt(complaints, monthEnd)).as(client.id() + " " + month.month())
					.isEqualTo(month.openComplaints());
			}
			List<Complaint> open = complaints.stream().filter(complaint -> complaint.status().isOpen()).toList();
			assertThat(openAt(complaints, END_OF_AS_OF)).as(client.id()).isEqualTo(open.size());
			if (shaped.contains(client.id())) {
				RelationshipMetrics latest = months.get(client.id()).get(months.get(client.id()).size() - 1);
				assertThat(open).as(client.id()).hasSize(latest.openComplaints()).isNotEmpty();
				assertThat(open).as(client.id()).allMatch(complaint -> complaint.overdueAt(END_OF_AS_OF));
			}
			else {
				assertThat(open).as(client.id()).isEmpty();
			}
		}
		assertThat(data.complaints()).filteredOn(complaint -> complaint.status() == ComplaintStatus.IN_PROGRESS)
			.isNotEmpty();
		assertThat(data.complaints()).filteredOn(complaint -> complaint.status() == ComplaintStatus.OPEN).isNotEmpty();
		// rm_li has open complaints on the worklist.
		assertThat(data.complaints()).filteredOn(complaint -> complaint.status().isOpen())
			.extracting(Complaint::assignee)
			.contains("rm_li");
	}

	/** How many of the complaints stood open at {@code at}, by their steps. */
	private static int openAt(List<Complaint> complaints, Instant at) {
		int open = 0;
		for (Complaint complaint : complaints) {
			ComplaintStatus status = null;
			for (ComplaintTransition step : complaint.transitions()) {
				if (step.at().isAfter(at)) {
					break;
				}
				status = step.to();
			}
			if (status != null && status.isOpen()) {
				open++;
			}
		}
		return open;
	}

	private static boolean isLow(SurveyResult survey) {
		return survey.score() <= ((survey.scale() == SurveyScale.NPS) ? DemoFeedback.NPS_LOW : DemoFeedback.FIVE_POINT_LOW);
	}

	private static double share(int[] count) {
		return (double) count[1] / count[0];
	}

}
