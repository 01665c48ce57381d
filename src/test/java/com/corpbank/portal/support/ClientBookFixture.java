package com.corpbank.portal.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientAssignment;
import com.corpbank.portal.client.EnterpriseSize;
import com.corpbank.portal.client.IdNumber;
import com.corpbank.portal.client.Industry;
import com.corpbank.portal.client.LegalRepresentative;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.client.Region;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.seed.DemoDirectory;
import com.corpbank.portal.tax.TaxCreditGrade;
import com.corpbank.portal.tax.TaxRecord;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Named test data: the demo org tree and RMs ({@link DemoDirectory}) and a small client book whose scope per role
 * is known by heart (rm_liu serves none of it).
 *
 * <pre>
 * C-LI-1     primary rm_li (SH-PD-T1)
 * C-LI-2     primary rm_li,    co rm_wang (SH-PD-T2)
 * C-ZHANG-1  primary rm_zhang (SH-PD-T1)
 * C-WANG-1   primary rm_wang (SH-PD-T2)
 * C-WANG-2   primary rm_wang,  co rm_li
 * C-XU-1     primary rm_xu (SH-HP-T1)
 * C-XU-2     primary rm_xu, not yet tiered
 * C-ZHAO-1   primary rm_zhao (BJ-HD-T1)
 * C-ZHAO-2   primary rm_zhao,  co rm_xu (cross-branch)
 * </pre>
 *
 * Every client has a registered address, founding date (2008-05-20), headcount (420) and a legal representative
 * ({@link #legalRepresentative}); their USCCs are NOT valid codes (made from the id's hash), as some real ones.
 */
public class ClientBookFixture {

	public static final List<String> ALL = List.of("C-LI-1", "C-LI-2", "C-ZHANG-1", "C-WANG-1", "C-WANG-2", "C-XU-1",
			"C-XU-2", "C-ZHAO-1", "C-ZHAO-2");

	/** The book by tier score ascending: untiered first, ties (41.00, 64.10) broken by id. */
	public static final List<String> BY_TIER_SCORE_ASC = List.of("C-XU-2", "C-WANG-1", "C-XU-1", "C-ZHANG-1",
			"C-ZHAO-2", "C-LI-2", "C-WANG-2", "C-LI-1", "C-ZHAO-1");

	private final MongoTemplate mongoTemplate;

	public ClientBookFixture(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** Empties the collections (delete, not drop: dropping would drop the unique indexes) and loads the book. */
	public void load() {
		clear();
		this.mongoTemplate.insertAll(orgUnits());
		this.mongoTemplate.insertAll(managers());
		List<Client> clients = List.of(
				client("C-LI-1", "上海东方精密机械有限公司", "rm_li").tier(ValueTierCode.A, "91.20").build(),
				client("C-LI-2", "上海浦江生物医药股份有限公司", "rm_li", "rm_wang").tier(ValueTierCode.B, "72.00")
					.section("C", "27").risk(CreditRating.BB, FiveCategory.SPECIAL_MENTION).build(),
				client("C-ZHANG-1", "上海临港智能装备有限公司", "rm_zhang").tier(ValueTierCode.B, "64.10").build(),
				client("C-WANG-1", "上海申通物流有限公司", "rm_wang").tier(ValueTierCode.C, "41.00")
					.section("G", "54").build(),
				client("C-WANG-2", "上海陆家嘴软件科技有限公司", "rm_wang", "rm_li").tier(ValueTierCode.A, "88.00")
					.section("I", "65").build(),
				client("C-XU-1", "上海外滩餐饮管理有限公司", "rm_xu").tier(ValueTierCode.C, "41.00")
					.section("H", "62").build(),
				client("C-XU-2", "上海黄浦商贸有限公司", "rm_xu").untiered().section("F", "51").build(),
				client("C-ZHAO-1", "北京中关村电子科技有限公司", "rm_zhao").tier(ValueTierCode.A, "95.00")
					.region(Region.NORTH_CHINA).risk(CreditRating.D, FiveCategory.DOUBTFUL).build(),
				client("C-ZHAO-2", "北京海淀建设工程有限公司", "rm_zhao", "rm_xu").tier(ValueTierCode.B, "64.10")
					.section("E", "48").region(Region.NORTH_CHINA).build());
		this.mongoTemplate.insertAll(clients);
		this.mongoTemplate.insertAll(clients.stream().flatMap(c -> statements(c.id()).stream()).toList());
	}

	/**
	 * The book of {@link #load()} plus what tiering reads about each client: 24 months of relationship figures
	 * (2024-11 to 2026-10, {@link #MONTHS}) and tax years 2023-2025, scaled by the client's tier (A large, C small;
	 * the untiered C-XU-2 is a prospect without products). Months and years are seeded documents (version null).
	 */
	public void loadWithRelationshipData() {
		load();
		List<RelationshipMetrics> months = new ArrayList<>();
		List<TaxRecord> taxRecords = new ArrayList<>();
		for (Client client : this.mongoTemplate.findAll(Client.class)) {
			int scale = (client.valueTier() == null) ? 0 : switch (client.valueTier().tier()) {
				case A -> 100;
				case B -> 20;
				case C -> 4;
			};
			for (int m = 0; m < MONTHS.size(); m++) {
				YearMonth month = MONTHS.get(m);
				Instant start = month.atDay(1).atStartOfDay(BANK_ZONE).toInstant();
				months.add(new RelationshipMetrics(RelationshipMetrics.idOf(client.id(), month.toString()), client.id(),
						month.toString(), start, yuan(scale * 1_000_000L + m * 1_000L), yuan(scale * 500_000L),
						yuan(scale * 2_000_000L), (scale == 0) ? 0 : 1 + scale / 15, yuan(scale * 1_500L),
						scale * 10, 0, month.atDay(15), start, "fixture", null));
			}
			for (int year = 2023; year <= 2025; year++) {
				taxRecords.add(new TaxRecord(TaxRecord.idOf(client.id(), year), client.id(), year, yuan(4_000_000L),
						TaxCreditGrade.A, Instant.parse(year + 1 + "-06-30T02:00:00Z"), "fixture", null));
			}
		}
		this.mongoTemplate.insertAll(months);
		this.mongoTemplate.insertAll(taxRecords);
	}

	/** The months of {@link #loadWithRelationshipData()}, oldest first. */
	public static final List<YearMonth> MONTHS = java.util.stream.IntStream.range(0, 24)
		.mapToObj(i -> YearMonth.of(2024, 11).plusMonths(i))
		.toList();

	private static final java.time.ZoneId BANK_ZONE = java.time.ZoneId.of("Asia/Shanghai");

	private static BigDecimal yuan(long amount) {
		return BigDecimal.valueOf(amount).setScale(2);
	}

	/** Adds {@code count} more clients served by {@code primary}, each with statements, for batching tests. */
	public void addBulkClients(String primary, int count) {
		addBulkClients("C-BULK", primary, count);
	}

	/** {@code count} clients {@code <prefix>-001..} served by {@code primary} and the co-RMs, with statements. */
	public void addBulkClients(String prefix, String primary, int count, String... coManagers) {
		List<Client> clients = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			clients.add(client("%s-%03d".formatted(prefix, i), "批量测试企业%s%03d有限公司".formatted(prefix, i), primary, coManagers)
				.tier(ValueTierCode.B, "60.%02d".formatted(i % 100)).build());
		}
		this.mongoTemplate.insertAll(clients);
		this.mongoTemplate.insertAll(clients.stream().flatMap(c -> statements(c.id()).stream()).toList());
	}

	public void clear() {
		// Every collection, so that histories, contacts and audit events of one test never leak into the next.
		for (String collection : this.mongoTemplate.getCollectionNames()) {
			if (!collection.startsWith("system.")) {
				this.mongoTemplate.remove(new Query(), collection);
			}
		}
	}

	/** The demo org tree, from the directory file the seed and the realm share. */
	public static List<OrgUnit> orgUnits() {
		return DemoDirectory.get().units();
	}

	/** The directory's six RMs, each bound to their Keycloak user id. */
	public static List<RelationshipManager> managers() {
		return DemoDirectory.get().managers();
	}

	/**
	 * Every client's legal representative: 法人 + the client id, with an ID number whose check character is right
	 * ({@link #legalRepresentativeIdNumber}).
	 */
	public static LegalRepresentative legalRepresentative(String clientId) {
		return new LegalRepresentative("法人" + clientId, legalRepresentativeIdNumber(clientId));
	}

	/** A valid GB 11643 number per client: 110105, a birth date in 1980 from the id's hash, sequence 123. */
	public static String legalRepresentativeIdNumber(String clientId) {
		LocalDate born = LocalDate.of(1980, 1, 1).plusDays(Math.floorMod(clientId.hashCode(), 365));
		String first17 = "110105" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "123";
		return first17 + IdNumber.checkCharacter(first17);
	}

	private static List<FinancialStatement> statements(String clientId) {
		return List.of(statement(clientId, "2024", "88000000.00", "61000000.00"),
				statement(clientId, "2025", "120000000.00", "78000000.00"));
	}

	private static FinancialStatement statement(String clientId, String year, String assets, String liabilities) {
		return new FinancialStatement(clientId + "-" + year, clientId, year, LocalDate.of(Integer.parseInt(year), 12, 31),
				"CNY", new BigDecimal("150000000.00"), new BigDecimal("9000000.50"), new BigDecimal(assets),
				new BigDecimal(liabilities), new BigDecimal("50000000.00"), new BigDecimal("30000000.00"),
				new BigDecimal("12000000.00"), new BigDecimal("4000000.00"), 420);
	}

	private static ClientBuilder client(String id, String name, String primary, String... coManagers) {
		return new ClientBuilder(id, name, new ClientAssignment(primary, List.of(coManagers)));
	}

	/** Builds a client with plausible defaults; scope fields are derived from the assignment as in production. */
	static final class ClientBuilder {

		private static final Map<String, List<String>> TEAM_PATHS = managers().stream()
			.collect(Collectors.toMap(RelationshipManager::username, manager -> orgUnits().stream()
				.filter(unit -> unit.code().equals(manager.teamCode()))
				.findFirst()
				.orElseThrow()
				.path()));

		private final String id;

		private final String name;

		private final ClientAssignment assignment;

		private Industry industry = new Industry("C", "34");

		private Region region = Region.EAST_CHINA;

		private ValueTier valueTier = null;

		private RiskGrade risk = new RiskGrade(CreditRating.A, FiveCategory.NORMAL, LocalDate.of(2026, 3, 31));

		ClientBuilder(String id, String name, ClientAssignment assignment) {
			this.id = id;
			this.name = name;
			this.assignment = assignment;
		}

		ClientBuilder tier(ValueTierCode tier, String score) {
			this.valueTier = new ValueTier(tier, new BigDecimal(score), "test-1", LocalDate.of(2026, 6, 30));
			return this;
		}

		ClientBuilder untiered() {
			this.valueTier = null;
			return this;
		}

		ClientBuilder section(String section, String division) {
			this.industry = new Industry(section, division);
			return this;
		}

		ClientBuilder region(Region region) {
			this.region = region;
			return this;
		}

		ClientBuilder risk(CreditRating rating, FiveCategory fiveCategory) {
			this.risk = new RiskGrade(rating, fiveCategory, LocalDate.of(2026, 3, 31));
			return this;
		}

		Client build() {
			String division = (this.region == Region.NORTH_CHINA) ? "110108" : "310115";
			String uscc = "91" + division + String.format("%010d", Math.abs(this.id.hashCode())).substring(0, 10);
			return new Client(this.id, this.name, uscc, this.industry, division, this.region, EnterpriseSize.MEDIUM,
					LifecycleStage.MATURE, this.valueTier, this.risk, this.assignment.primaryManager(),
					this.assignment.coManagers(), this.assignment.managerUsernames(),
					this.assignment.orgUnits(TEAM_PATHS), (this.region == Region.NORTH_CHINA) ? "北京市海淀区中关村大街1号" : "上海市浦东新区世纪大道100号",
					LocalDate.of(2008, 5, 20), 420,
					legalRepresentative(this.id), null, LocalDate.of(2012, 3, 1), null, null);
		}

	}

}
