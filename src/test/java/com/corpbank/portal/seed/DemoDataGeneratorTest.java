package com.corpbank.portal.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientAssignment;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.IdNumber;
import com.corpbank.portal.client.LegalRepresentative;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.client.Region;
import com.corpbank.portal.client.Regions;
import com.corpbank.portal.client.Uscc;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitType;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.tier.SeedTierModel;
import com.corpbank.portal.tier.ValueTierCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DemoDataGeneratorTest {

	private static final IndustryCatalog catalog = new IndustryCatalog();

	private static final EnterpriseSizeClassifier classifier = new EnterpriseSizeClassifier();

	private static final DemoData data = new DemoDataGenerator(catalog, classifier).generate();

	private static final List<Client> clients = data.clients();

	private static final Map<String, RelationshipManager> managers = data.managers()
		.stream()
		.collect(Collectors.toMap(RelationshipManager::username, Function.identity()));

	private static final Map<String, OrgUnit> units = data.orgUnits()
		.stream()
		.collect(Collectors.toMap(OrgUnit::code, Function.identity()));

	private static final Map<String, List<FinancialStatement>> statementsByClient = data.statements()
		.stream()
		.collect(Collectors.groupingBy(FinancialStatement::clientId));

	@Test
	void sameCallGivesEqualData() {
		DemoData again = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier()).generate();
		assertThat(again).isEqualTo(data);
	}

	@Test
	void orgTreeHasTheAgreedUnitsWithRootFirstPaths() {
		assertThat(data.orgUnits()).extracting(OrgUnit::code)
			.containsExactly("HO", "SH", "BJ", "SH-PD", "SH-HP", "BJ-HD", "SH-PD-T1", "SH-PD-T2", "SH-HP-T1", "BJ-HD-T1");
		assertThat(units.get("HO").type()).isEqualTo(OrgUnitType.HEAD_OFFICE);
		assertThat(units.get("HO").parentCode()).isNull();
		assertThat(units.get("HO").path()).containsExactly("HO");
		assertThat(units.get("BJ").type()).isEqualTo(OrgUnitType.BRANCH);
		assertThat(units.get("SH-HP").type()).isEqualTo(OrgUnitType.SUB_BRANCH);
		assertThat(units.get("SH-PD-T2").path()).containsExactly("HO", "SH", "SH-PD", "SH-PD-T2");
		assertThat(units.get("BJ-HD-T1").name()).isEqualTo("海淀公司业务一团队");
		for (OrgUnit unit : data.orgUnits()) {
			if (unit.parentCode() != null) {
				List<String> parentPath = units.get(unit.parentCode()).path();
				assertThat(unit.path()).startsWith(parentPath.toArray(String[]::new)).endsWith(unit.code());
			}
		}
	}

	@Test
	void sixManagersInTheirTeamsEachBoundToTheirKeycloakUserId() {
		assertThat(data.managers()).extracting(RelationshipManager::username, RelationshipManager::displayName,
				RelationshipManager::teamCode)
			.containsExactly(tuple("rm_li", "李明", "SH-PD-T1"), tuple("rm_zhang", "张强", "SH-PD-T1"),
					tuple("rm_wang", "王芳", "SH-PD-T2"), tuple("rm_xu", "徐静", "SH-HP-T1"),
					tuple("rm_zhao", "赵伟", "BJ-HD-T1"), tuple("rm_liu", "刘洋", "BJ-HD-T1"));
		for (RelationshipManager manager : data.managers()) {
			assertThat(manager.keycloakUserId()).isEqualTo(DemoDirectory.get().person(manager.username()).id());
		}
		assertThat(data.managers()).extracting(RelationshipManager::keycloakUserId).doesNotHaveDuplicates();
	}

	@Test
	void atLeast320ClientsWithSequentialIds() {
		assertThat(clients).hasSizeGreaterThanOrEqualTo(320);
		for (int i = 0; i < clients.size(); i++) {
			assertThat(clients.get(i).id()).isEqualTo("C%06d".formatted(i + 1));
			assertThat(clients.get(i).version()).isNull();
		}
	}

	@Test
	void everyManagerIsPrimaryForAtLeastThirtyAndEveryTeamHasClients() {
		Map<String, Long> byManager = count(Client::primaryManager);
		assertThat(byManager.keySet()).isEqualTo(managers.keySet());
		assertThat(byManager.values()).allMatch(count -> count >= 30);
		Map<String, Long> byTeam = count(client -> managers.get(client.primaryManager()).teamCode());
		assertThat(byTeam).containsOnlyKeys("SH-PD-T1", "SH-PD-T2", "SH-HP-T1", "BJ-HD-T1");
		Set<String> subBranches = clients.stream()
			.map(client -> teamPath(client.primaryManager()).get(2))
			.collect(Collectors.toSet());
		assertThat(subBranches).containsExactlyInAnyOrder("SH-PD", "SH-HP", "BJ-HD");
	}

	@Test
	void aboutOneInTenHasOneCoManagerFromAnotherTeam() {
		List<Client> shared = clients.stream().filter(client -> !client.coManagers().isEmpty()).toList();
		assertThat(shared.size()).isBetween(clients.size() / 10, clients.size() * 15 / 100);
		for (Client client : shared) {
			assertThat(client.coManagers()).hasSize(1);
			assertThat(team(client.coManagers().get(0))).isNotEqualTo(team(client.primaryManager()));
		}
		// Across branches, both ways.
		assertThat(shared).anyMatch(client -> branch(client.primaryManager()).equals("SH")
				&& branch(client.coManagers().get(0)).equals("BJ"));
		assertThat(shared).anyMatch(client -> branch(client.primaryManager()).equals("BJ")
				&& branch(client.coManagers().get(0)).equals("SH"));
		// rm_li helps other teams, and rm_wang helps rm_li.
		assertThat(shared).anyMatch(client -> client.coManagers().contains("rm_li")
				&& !team(client.primaryManager()).equals("SH-PD-T1"));
		assertThat(shared)
			.anyMatch(client -> client.primaryManager().equals("rm_li") && client.coManagers().contains("rm_wang"));
	}

	@Test
	void scopeKeysAreDerivedFromTheAssignment() {
		Map<String, List<String>> teamPaths = DemoDataGenerator.teamPathByManager(data.orgUnits());
		for (Client client : clients) {
			ClientAssignment assignment = new ClientAssignment(client.primaryManager(), client.coManagers());
			assertThat(client.managerUsernames()).isEqualTo(assignment.managerUsernames());
			assertThat(client.orgUnits()).isEqualTo(assignment.orgUnits(teamPaths));
			assertThat(client.orgUnits()).contains("HO").containsAll(teamPath(client.primaryManager()));
			for (String coManager : client.coManagers()) {
				assertThat(client.orgUnits()).containsAll(teamPath(coManager));
			}
		}
	}

	@Test
	void usccsAreValidUniqueAndMatchTheDivision() {
		Set<String> seen = new HashSet<>();
		for (Client client : clients) {
			assertThat(Uscc.isValid(client.uscc())).as(client.uscc()).isTrue();
			assertThat(seen.add(client.uscc())).as(client.uscc()).isTrue();
			assertThat(client.uscc()).startsWith("91" + client.adminDivision());
			assertThat(client.region()).isEqualTo(Regions.ofDivision(client.adminDivision()));
		}
		assertThat(clients).anyMatch(client -> client.uscc().startsWith("MA", 8))
			.anyMatch(client -> Character.isDigit(client.uscc().charAt(8)));
	}

	@Test
	void registeredAcrossChinaMostlyNearTheBranches() {
		assertThat(clients).anyMatch(client -> client.adminDivision().equals("310115"))
			.anyMatch(client -> client.adminDivision().equals("310101"))
			.anyMatch(client -> client.adminDivision().equals("110108"));
		for (String province : List.of("31", "11", "32", "33", "44", "13", "51")) {
			assertThat(clients).as(province).anyMatch(client -> client.adminDivision().startsWith(province));
		}
		assertThat(clients.stream().map(Client::region).collect(Collectors.toSet()))
			.isEqualTo(EnumSet.allOf(Region.class));
		assertThat(count(Client::region).get(Region.EAST_CHINA)).isGreaterThan(clients.size() / 2);
	}

	@Test
	void profilesArePlausible() {
		for (Client client : clients) {
			assertThat(client.registeredAddress()).as(client.id()).endsWith("号").matches("[\\p{IsHan}0-9]+");
			FinancialStatement latest = latest(client.id());
			assertThat(client.employees()).isEqualTo(latest.employees());
			assertThat(client.foundedOn()).isBefore(LocalDate.of(2022, 1, 1)).isAfter(LocalDate.of(1991, 12, 31));
			if (client.uscc().startsWith("MA", 8)) {
				assertThat(client.foundedOn()).isAfterOrEqualTo(LocalDate.of(2015, 10, 1));
			}
			LegalRepresentative representative = client.legalRepresentative();
			assertThat(representative).isNotNull();
			assertThat(representative.name()).matches("\\p{IsHan}{2,3}");
			assertThat(IdNumber.problem(representative.idNumber())).as(representative.idNumber()).isEmpty();
		}
		assertThat(clients).anyMatch(client -> client.registeredAddress().startsWith("上海市浦东新区"))
			.anyMatch(client -> client.registeredAddress().startsWith("北京市海淀区"))
			.anyMatch(client -> client.registeredAddress().startsWith("江苏省"));
		assertThat(clients.stream().map(client -> client.legalRepresentative().idNumber()).distinct().count())
			.isEqualTo(clients.size());
	}

	@Test
	void namesAreUniqueChineseCompanyNames() {
		assertThat(clients.stream().map(Client::name).distinct().count()).isEqualTo(clients.size());
		assertThat(clients).allMatch(client -> client.name().endsWith("有限公司"))
			.anyMatch(client -> client.name().endsWith("股份有限公司"));
		assertThat(clients).allMatch(client -> client.name().codePoints().allMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
	}

	@Test
	void industriesComeFromTheCatalogAcrossManySections() {
		for (Client client : clients) {
			assertThat(catalog.division(client.industry().code())).as(client.industry().toString())
				.hasValueSatisfying(division -> assertThat(division.sectionLetter())
					.isEqualTo(client.industry().section()));
		}
		assertThat(clients.stream().map(client -> client.industry().section()).distinct().count())
			.isGreaterThanOrEqualTo(12);
		assertThat(count(client -> client.industry().section()).get("C")).isLessThan(clients.size() / 2);
	}

	@Test
	void fourAnnualStatementsPerClient() {
		assertThat(data.statements()).hasSize(clients.size() * 4);
		for (Client client : clients) {
			List<FinancialStatement> statements = statementsByClient.get(client.id());
			assertThat(statements).extracting(FinancialStatement::period).containsExactly("2022", "2023", "2024", "2025");
			for (FinancialStatement statement : statements) {
				assertThat(statement.id()).isEqualTo(client.id() + "-" + statement.period());
				assertThat(statement.periodEnd())
					.isEqualTo(LocalDate.of(Integer.parseInt(statement.period()), 12, 31));
				assertThat(statement.currency()).isEqualTo("CNY");
				assertThat(List.of(statement.revenue(), statement.netProfit(), statement.totalAssets(),
						statement.totalLiabilities(), statement.currentAssets(), statement.currentLiabilities(),
						statement.operatingCashFlow(), statement.taxPaid()))
					.allMatch(amount -> amount.scale() == 2);
				assertThat(statement.revenue().signum()).isPositive();
				assertThat(statement.taxPaid().signum()).isNotNegative();
				assertThat(statement.currentAssets()).isLessThanOrEqualTo(statement.totalAssets());
				assertThat(statement.employees()).isPositive();
			}
		}
	}

	@Test
	void financialsArePlausible() {
		List<FinancialStatement> latest = clients.stream().map(client -> latest(client.id())).toList();
		assertThat(latest).allMatch(statement -> statement.revenue().compareTo(new BigDecimal("2000000")) >= 0
				&& statement.revenue().compareTo(new BigDecimal("20000000000")) <= 0);
		assertThat(latest).anyMatch(statement -> statement.revenue().compareTo(new BigDecimal("5000000")) < 0)
			.anyMatch(statement -> statement.revenue().compareTo(new BigDecimal("5000000000")) > 0);
		long lossMakers = latest.stream().filter(statement -> statement.netProfit().signum() < 0).count();
		assertThat(lossMakers).isBetween(clients.size() / 20L, clients.size() / 5L);
		long distressed = latest.stream()
			.filter(statement -> statement.debtRatio().compareTo(new BigDecimal("0.85")) > 0)
			.count();
		assertThat(distressed).isBetween(3L, clients.size() / 15L);
		assertThat(data.statements().stream().filter(s -> s.totalLiabilities().compareTo(s.totalAssets()) < 0).count())
			.isGreaterThan(data.statements().size() * 95L / 100);
		// Growth: both growers and shrinkers over the four years.
		assertThat(clients).anyMatch(client -> grew(client.id())).anyMatch(client -> !grew(client.id()));
	}

	@Test
	void sizeIsClassifiedFromTheLatestStatement() {
		for (Client client : clients) {
			FinancialStatement latest = latest(client.id());
			assertThat(client.size()).as(client.id())
				.isEqualTo(classifier.classify(client.industry(), latest.employees(), latest.revenue(),
						latest.totalAssets()));
		}
		assertThat(clients.stream().map(Client::size).distinct().count()).isEqualTo(4);
	}

	@Test
	void lifecycleIsMostlyMatureOrNewWithEveryStagePresent() {
		Map<LifecycleStage, Long> stages = count(Client::lifecycleStage);
		assertThat(stages.keySet()).isEqualTo(EnumSet.allOf(LifecycleStage.class));
		assertThat(stages.get(LifecycleStage.MATURE) + stages.get(LifecycleStage.NEW)).isGreaterThan(clients.size() / 2);
		assertThat(stages.get(LifecycleStage.CHURNED)).isLessThan(clients.size() / 10);
	}

	@Test
	void risksFollowTheMasterScaleMix() {
		Map<CreditRating, Long> ratings = count(client -> client.risk().rating());
		long investmentGradeBand = ratings.get(CreditRating.AA) + ratings.get(CreditRating.A)
				+ ratings.get(CreditRating.BBB);
		assertThat(investmentGradeBand).isGreaterThan(clients.size() * 6L / 10);
		assertThat(ratings.get(CreditRating.AAA)).isPositive().isLessThan(clients.size() / 20);
		assertThat(ratings.get(CreditRating.D)).isBetween(2L, 4L);
		assertThat(ratings).containsKeys(CreditRating.BB, CreditRating.B, CreditRating.CCC);

		Map<FiveCategory, Long> categories = count(client -> client.risk().fiveCategory());
		assertThat(categories.get(FiveCategory.NORMAL)).isGreaterThan(clients.size() * 3L / 4);
		assertThat(categories.keySet()).isEqualTo(EnumSet.allOf(FiveCategory.class));
		long nonPerforming = categories.get(FiveCategory.SUBSTANDARD) + categories.get(FiveCategory.DOUBTFUL)
				+ categories.get(FiveCategory.LOSS);
		assertThat(nonPerforming).isLessThan(clients.size() / 20);
		for (Client client : clients) {
			if (client.risk().rating() == CreditRating.D) {
				assertThat(client.risk().fiveCategory()).isIn(FiveCategory.SUBSTANDARD, FiveCategory.DOUBTFUL,
						FiveCategory.LOSS);
				assertThat(latest(client.id()).netProfit().signum()).isNegative();
			}
			assertThat(client.risk().ratedOn().getYear()).isIn(2025, 2026);
		}
	}

	@Test
	void tiersFollowTheScoreAndTheBookSplit() {
		for (Client client : clients) {
			BigDecimal score = client.valueTier().score();
			assertThat(score.scale()).isEqualTo(2);
			assertThat(score).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
			ValueTierCode expected = (score.compareTo(BigDecimal.valueOf(80)) >= 0) ? ValueTierCode.A
					: (score.compareTo(BigDecimal.valueOf(60)) >= 0) ? ValueTierCode.B : ValueTierCode.C;
			assertThat(client.valueTier().tier()).isEqualTo(expected);
			assertThat(client.valueTier().modelVersion()).isEqualTo("seed-2026.1");
			assertThat(client.valueTier().evaluatedOn().getYear()).isEqualTo(2026);
		}
		Map<ValueTierCode, Long> tiers = count(client -> client.valueTier().tier());
		assertThat(share(tiers.get(ValueTierCode.A))).isBetween(0.10, 0.20);
		assertThat(share(tiers.get(ValueTierCode.B))).isBetween(0.38, 0.52);
		assertThat(share(tiers.get(ValueTierCode.C))).isBetween(0.33, 0.47);
	}

	@Test
	void tierScoresAreMostlyDistinctWithSomeExactTies() {
		Map<BigDecimal, Long> byScore = count(client -> client.valueTier().score());
		assertThat(byScore.values()).anyMatch(clientsWithScore -> clientsWithScore > 1);
		assertThat(byScore.size()).isGreaterThan(clients.size() * 9 / 10);
	}

	@Test
	void tiersAreTheSeedModelsOverTheLatestStatementAndTheLifecycle() {
		for (Client client : clients) {
			FinancialStatement latest = latest(client.id());
			// The generator's margin is unrounded; the stored statement's amounts are in fen, so allow a cent of score.
			BigDecimal margin = latest.netProfit().divide(latest.revenue(), 12, java.math.RoundingMode.HALF_EVEN);
			assertThat(client.valueTier().score()).as(client.id())
				.isCloseTo(SeedTierModel.score(latest.revenue(), margin, client.lifecycleStage().name()),
						org.assertj.core.api.Assertions.within(new BigDecimal("0.01")));
		}
	}

	@Test
	void everyLifecycleStageHasASeedTierWeight() {
		for (LifecycleStage stage : LifecycleStage.values()) {
			assertThat(SeedTierModel.lifecyclePoints(stage.name())).as(stage.name()).isBetween(0, 100);
		}
	}

	private static <K> Map<K, Long> count(Function<Client, K> key) {
		return clients.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
	}

	private static double share(long count) {
		return (double) count / clients.size();
	}

	private static String team(String username) {
		return managers.get(username).teamCode();
	}

	private static List<String> teamPath(String username) {
		return units.get(team(username)).path();
	}

	private static String branch(String username) {
		return teamPath(username).get(1);
	}

	private static FinancialStatement latest(String clientId) {
		List<FinancialStatement> statements = statementsByClient.get(clientId);
		return statements.get(statements.size() - 1);
	}

	private static boolean grew(String clientId) {
		List<FinancialStatement> statements = statementsByClient.get(clientId);
		return statements.get(statements.size() - 1).revenue().compareTo(statements.get(0).revenue()) > 0;
	}

}
