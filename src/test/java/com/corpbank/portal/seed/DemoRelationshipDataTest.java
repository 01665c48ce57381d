package com.corpbank.portal.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.churn.ChurnInputs;
import com.corpbank.portal.churn.ChurnSignals;
import com.corpbank.portal.churn.ChurnTestData;
import com.corpbank.portal.churn.FiredSignal;
import com.corpbank.portal.churn.MonthFigures;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.feedback.SurveyScale;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.seed.RelationshipHistory.ChurnSignal;
import com.corpbank.portal.seed.RelationshipHistory.Move;
import com.corpbank.portal.tax.TaxCreditGrade;
import com.corpbank.portal.tax.TaxRecord;
import com.corpbank.portal.tier.ValueTierCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo book's relationship side (onboarding dates, 24 months of figures, 3 tax years): its shape per lifecycle
 * stage, the listed churn patterns (and no other client with one), the tier movers, and the tax records.
 */
class DemoRelationshipDataTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	private static final DemoData data = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier())
		.generate();

	private static final Map<String, List<RelationshipMetrics>> monthsByClient = data.metrics()
		.stream()
		.collect(Collectors.groupingBy(RelationshipMetrics::clientId));

	private static final Map<String, Client> clients = data.clients()
		.stream()
		.collect(Collectors.toMap(Client::id, Function.identity()));

	@Test
	void twoGenerateCallsGiveEqualFiguresAndTaxRecords() {
		DemoData again = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier()).generate();
		assertThat(again.metrics()).isEqualTo(data.metrics());
		assertThat(again.taxRecords()).isEqualTo(data.taxRecords());
		assertThat(again.clients()).isEqualTo(data.clients());
	}

	@Test
	void everyClientHas24MonthsFrom2024_11To2026_10InFenWithSeededVersions() {
		assertThat(data.metrics()).hasSize(data.clients().size() * 24);
		for (Client client : data.clients()) {
			List<RelationshipMetrics> months = months(client.id());
			assertThat(months).extracting(RelationshipMetrics::month)
				.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 24)
					.mapToObj(i -> YearMonth.of(2024, 11).plusMonths(i).toString())
					.toList());
			for (RelationshipMetrics month : months) {
				assertThat(month.id()).isEqualTo(client.id() + "-" + month.month());
				assertThat(month.version()).isNull();
				assertThat(List.of(month.averageDeposits(), month.loanBalance(), month.settlementVolume(),
						month.feeIncome()))
					.allSatisfy(amount -> {
						assertThat(amount.scale()).isEqualTo(2);
						assertThat(amount.signum()).isNotNegative();
					});
				assertThat(month.productsHeld()).isBetween(0, 11);
				assertThat(month.transactionCount()).isNotNull().isNotNegative();
				assertThat(month.openComplaints()).isNotNull().isNotNegative();
				assertThat(month.lastContactOn()).isNotNull()
					.isBeforeOrEqualTo(YearMonth.parse(month.month()).atEndOfMonth());
			}
		}
	}

	@Test
	void everyProspectHasNoProductsAndNoBusinessInAnyMonth() {
		List<Client> prospects = stage(LifecycleStage.PROSPECT);
		assertThat(prospects).isNotEmpty();
		for (Client client : prospects) {
			assertThat(months(client.id())).allSatisfy(month -> {
				assertThat(month.productsHeld()).isZero();
				assertThat(month.transactionCount()).isZero();
				assertThat(month.averageDeposits().signum()).isZero();
				assertThat(month.loanBalance().signum()).isZero();
				assertThat(month.feeIncome().signum()).isZero();
			});
		}
	}

	@Test
	void churnedClientsHeldProductsEarlierAndNoneInTheirLastEightMonthsOrMore() {
		List<Client> churned = stage(LifecycleStage.CHURNED);
		assertThat(churned).isNotEmpty();
		for (Client client : churned) {
			List<RelationshipMetrics> months = months(client.id());
			assertThat(months.subList(16, 24)).as(client.id()).allMatch(month -> month.productsHeld() == 0
					&& month.averageDeposits().signum() == 0 && month.transactionCount() == 0);
			assertThat(months.subList(0, 16)).as(client.id()).anyMatch(month -> month.productsHeld() > 0);
		}
	}

	@Test
	void dormantClientsHoldProductsWithoutTransactionsForTheirLastSixMonthsOrMore() {
		List<Client> dormant = stage(LifecycleStage.DORMANT);
		assertThat(dormant).isNotEmpty();
		for (Client client : dormant) {
			List<RelationshipMetrics> months = months(client.id());
			assertThat(months.subList(18, 24)).as(client.id())
				.allMatch(month -> month.productsHeld() > 0 && month.transactionCount() == 0);
			assertThat(months.subList(0, 10)).as(client.id()).anyMatch(month -> month.transactionCount() > 0);
		}
	}

	@Test
	void figuresFollowTheTier() {
		for (Client client : data.clients()) {
			if (client.lifecycleStage() != LifecycleStage.MATURE || isPatterned(client)) {
				continue;
			}
			RelationshipMetrics latest = months(client.id()).get(23);
			if (client.valueTier().tier() == ValueTierCode.A) {
				assertThat(latest.productsHeld()).as(client.id()).isBetween(5, 11);
				assertThat(latest.transactionCount()).as(client.id()).isGreaterThan(300);
			}
			if (client.valueTier().tier() == ValueTierCode.C) {
				assertThat(latest.productsHeld()).as(client.id()).isBetween(1, 6);
			}
		}
		assertThat(averageDeposits(ValueTierCode.A)).isGreaterThan(averageDeposits(ValueTierCode.B) * 3);
		assertThat(averageDeposits(ValueTierCode.B)).isGreaterThan(averageDeposits(ValueTierCode.C) * 3);
	}

	@Test
	void onboardingDatesFitTheLifecycle() {
		for (Client client : data.clients()) {
			LocalDate onboarded = client.onboardedOn();
			assertThat(onboarded).as(client.id()).isNotNull().isAfter(client.foundedOn());
			if (client.lifecycleStage() == LifecycleStage.NEW) {
				assertThat(onboarded).as(client.id()).isAfter(AS_OF.minusMonths(12)).isBefore(AS_OF);
				// Nothing before onboarding; business since.
				List<RelationshipMetrics> months = months(client.id());
				assertThat(months).filteredOn(month -> YearMonth.parse(month.month()).isBefore(YearMonth.from(onboarded)))
					.allMatch(month -> month.productsHeld() == 0 && month.averageDeposits().signum() == 0);
				assertThat(months.get(23).productsHeld()).as(client.id()).isPositive();
			}
			else if (client.lifecycleStage() == LifecycleStage.PROSPECT) {
				assertThat(onboarded).as(client.id()).isBefore(AS_OF.minusMonths(12));
			}
			else {
				assertThat(onboarded).as(client.id()).isBefore(LocalDate.of(2024, 11, 1));
			}
		}
	}

	@Test
	void theListedClientsShowTheirChurnPatternsAndNoOtherClientShowsAny() {
		Map<String, Set<ChurnSignal>> patterns = DemoDataGenerator.CHURN_PATTERNS;
		assertThat(patterns).hasSizeBetween(8, 12).containsKey("C000006");
		assertThat(patterns.keySet().stream().map(clients::get).map(Client::primaryManager))
			.contains("rm_li", "rm_wang", "rm_zhang", "rm_xu", "rm_zhao", "rm_liu");
		for (Client client : data.clients()) {
			Set<ChurnSignal> fired = signals(client);
			assertThat(fired).as(client.id()).isEqualTo(patterns.getOrDefault(client.id(), Set.of()));
		}
	}

	@Test
	void fifteenTierMoversHaveAClearlyBetterOrWorseLastYear() {
		Map<String, Move> movers = DemoDataGenerator.movers(data.clients());
		assertThat(movers).hasSize(15);
		assertThat(movers.values().stream().filter(Move.UP::equals).count()).isEqualTo(8);
		for (Client client : data.clients()) {
			if (client.lifecycleStage() != LifecycleStage.MATURE && client.lifecycleStage() != LifecycleStage.AT_RISK) {
				continue;
			}
			double ratio = lastYearOverYearBefore(client.id());
			Move move = movers.get(client.id());
			if (move == Move.UP) {
				assertThat(ratio).as(client.id()).isGreaterThan(1.8);
			}
			else if (move == Move.DOWN) {
				assertThat(ratio).as(client.id()).isLessThan(0.5);
			}
			else if (!isPatterned(client)) {
				assertThat(ratio).as(client.id()).isBetween(0.7, 1.4);
			}
		}
	}

	@Test
	void threeTaxYearsPerClientWithTaxPaidWithinOneToFourPercentOfRevenue() {
		assertThat(data.taxRecords()).hasSize(data.clients().size() * 3);
		Map<String, FinancialStatement> statements = data.statements()
			.stream()
			.collect(Collectors.toMap(FinancialStatement::id, Function.identity()));
		for (TaxRecord record : data.taxRecords()) {
			assertThat(record.id()).isEqualTo(record.clientId() + "-" + record.year());
			assertThat(record.year()).isIn(2023, 2024, 2025);
			assertThat(record.version()).isNull();
			assertThat(record.taxPaid().scale()).isEqualTo(2);
			BigDecimal revenue = statements.get(record.clientId() + "-" + record.year()).revenue();
			double share = record.taxPaid().doubleValue() / revenue.doubleValue();
			assertThat(share).as(record.id()).isBetween(0.0099, 0.0401);
		}
	}

	@Test
	void taxGradesAreMostlyAOrBWithSomeMAndCAndOneOrTwoD() {
		Map<TaxCreditGrade, Long> grades = data.taxRecords()
			.stream()
			.collect(Collectors.groupingBy(TaxRecord::creditGrade, Collectors.counting()));
		long total = data.taxRecords().size();
		assertThat(grades.get(TaxCreditGrade.A) + grades.get(TaxCreditGrade.B)).isGreaterThan(total * 8 / 10);
		assertThat(grades.get(TaxCreditGrade.M)).isPositive().isLessThan(total / 10);
		assertThat(grades.get(TaxCreditGrade.C)).isPositive().isLessThan(total / 10);
		assertThat(grades.get(TaxCreditGrade.D)).isBetween(1L, 2L);
	}

	// ---- The churn signals of the churn feature itself, with application.yml's thresholds, as of 2026-11-20 ----

	private static final ChurnSignals CHURN_SIGNALS = new ChurnSignals(ChurnTestData.DEFAULTS);

	/** What the churn feature fires for the client's seeded figures and tier, as the seed's names. */
	private static Set<ChurnSignal> signals(Client client) {
		List<MonthFigures> figures = months(client.id()).stream()
			.map(month -> new MonthFigures(YearMonth.parse(month.month()), month.averageDeposits(),
					month.productsHeld(), month.transactionCount(), month.openComplaints(), month.lastContactOn()))
			.toList();
		// With the portal's side as the tier evaluation reads it: the latest interaction, the complaints open at the
		// as-of date and the newest survey answer up to it.
		LocalDate lastInteraction = data.interactions().stream()
			.filter(interaction -> interaction.clientId().equals(client.id()))
			.map(interaction -> interaction.occurredAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())
			.filter(day -> !day.isAfter(AS_OF))
			.max(LocalDate::compareTo)
			.orElse(null);
		java.time.Instant endOfAsOf = AS_OF.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
		int open = (int) data.complaints().stream()
			.filter(complaint -> complaint.clientId().equals(client.id()) && complaint.status().isOpen()
					&& complaint.raisedAt().isBefore(endOfAsOf))
			.count();
		ChurnInputs.SatisfactionReading latest = data.surveys().stream()
			.filter(survey -> survey.clientId().equals(client.id()) && !survey.respondedOn().isAfter(AS_OF))
			.max(java.util.Comparator.comparing(SurveyResult::respondedOn).thenComparing(SurveyResult::recordedAt))
			.map(survey -> new ChurnInputs.SatisfactionReading(survey.respondedOn(), survey.scale() == SurveyScale.NPS,
					survey.score()))
			.orElse(null);
		ChurnInputs inputs = new ChurnInputs(client.id(), client.valueTier().tier(), figures,
				(client.risk() != null) ? client.risk().overdueDays() : null, AS_OF, lastInteraction, open, latest);
		Set<ChurnSignal> fired = EnumSet.noneOf(ChurnSignal.class);
		for (FiredSignal signal : CHURN_SIGNALS.evaluate(inputs)) {
			String name = signal.code().name();
			assertThat(EnumSet.allOf(ChurnSignal.class)).extracting(Enum::name)
				.as(client.id() + " fires a signal the demo data never shapes")
				.contains(name);
			fired.add(ChurnSignal.valueOf(name));
		}
		return fired;
	}

	private static double average(List<RelationshipMetrics> months) {
		return months.stream().mapToDouble(month -> month.averageDeposits().doubleValue()).average().orElse(0);
	}

	private static double lastYearOverYearBefore(String clientId) {
		List<RelationshipMetrics> months = months(clientId);
		return average(months.subList(12, 24)) / average(months.subList(0, 12));
	}

	private static double averageDeposits(ValueTierCode tier) {
		return data.clients()
			.stream()
			.filter(client -> client.valueTier().tier() == tier && client.lifecycleStage() == LifecycleStage.MATURE)
			.mapToDouble(client -> average(months(client.id())))
			.average()
			.orElseThrow();
	}

	private static boolean isPatterned(Client client) {
		return DemoDataGenerator.CHURN_PATTERNS.containsKey(client.id())
				|| DemoDataGenerator.movers(data.clients()).containsKey(client.id());
	}

	private static List<Client> stage(LifecycleStage stage) {
		return data.clients().stream().filter(client -> client.lifecycleStage() == stage).toList();
	}

	private static List<RelationshipMetrics> months(String clientId) {
		return monthsByClient.get(clientId);
	}

}
