package com.corpbank.portal.client;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.FieldChange;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** createClient: who becomes primary RM, every input rule, USCC duplicates and overrides, the audit event. */
@PortalTest
class CreateClientTests {

	static final String CREATE = """
			mutation($input: CreateClientInput!) {
			  createClient(input: $input) {
			    client {
			      id name uscc version lifecycleStage size valueTier { tier } risk { rating }
			      industry { section code } adminDivision region registeredAddress foundedOn employees
			      legalRepresentative { name idNumber }
			      primaryManager { username } coManagers { username }
			    }
			    errors { code field message }
			  }
			}""";

	/** 上海 浦东, a post-2015 code with both check characters right. */
	static final String USCC = Uscc.of('9', '1', "310115", "MA1FL8XQ");

	static final String ID_NUMBER = ClientBookFixture.legalRepresentativeIdNumber("NEW");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	static Map<String, Object> input() {
		Map<String, Object> input = new HashMap<>();
		input.put("name", "上海新建精密仪器有限公司");
		input.put("uscc", USCC);
		input.put("industryDivision", "40");
		input.put("adminDivision", "310115");
		input.put("registeredAddress", "上海市浦东新区张江路100号");
		input.put("foundedOn", "2016-03-01");
		input.put("employees", 85);
		input.put("legalRepresentative", Map.of("name", "王建国", "idNumber", ID_NUMBER));
		return input;
	}

	static Map<String, Object> input(String key, Object value) {
		Map<String, Object> input = input();
		input.put(key, value);
		return input;
	}

	@Test
	void rmCreatesAProspectTheyServeWithOneAuditEventHoldingTheIdNumberMasked() {
		GraphQlTester.Response response = create("rm_li", input());
		response.path("createClient.errors").entityList(Object.class).hasSize(0);
		String id = response.path("createClient.client.id").entity(String.class).get();
		assertThat(id).matches("C\\d{6}");
		response.path("createClient.client.version").entity(Integer.class).isEqualTo(0)
			.path("createClient.client.lifecycleStage").entity(String.class).isEqualTo("PROSPECT")
			.path("createClient.client.size").valueIsNull()
			.path("createClient.client.valueTier").valueIsNull()
			.path("createClient.client.risk").valueIsNull()
			.path("createClient.client.industry.section").entity(String.class).isEqualTo("C")
			.path("createClient.client.region").entity(String.class).isEqualTo("EAST_CHINA")
			.path("createClient.client.foundedOn").entity(String.class).isEqualTo("2016-03-01")
			.path("createClient.client.employees").entity(Integer.class).isEqualTo(85)
			.path("createClient.client.primaryManager.username").entity(String.class).isEqualTo("rm_li")
			.path("createClient.client.coManagers").entityList(Object.class).hasSize(0)
			// The creator is one of the client's RMs: the ID number in full.
			.path("createClient.client.legalRepresentative.idNumber").entity(String.class).isEqualTo(ID_NUMBER);

		Document stored = this.mongoTemplate.findById(id, Document.class, "clients");
		assertThat(stored).isNotNull();
		assertThat(stored.getList("orgUnits", String.class)).containsExactly("HO", "SH", "SH-PD", "SH-PD-T1");
		assertThat(stored.getList("managerUsernames", String.class)).containsExactly("rm_li");
		assertThat(stored.get("pendingOutbox", List.class)).isNullOrEmpty();

		AuditEvent event = onlyEvent();
		assertThat(event.operation()).isEqualTo("createClient");
		assertThat(event.entityType()).isEqualTo("Client");
		assertThat(event.entityId()).isEqualTo(id);
		assertThat(event.entityVersion()).isZero();
		assertThat(event.actor()).isEqualTo("rm_li");
		assertThat(event.changes()).extracting(FieldChange::field)
			.contains("name", "uscc", "industry.code", "adminDivision", "region", "lifecycleStage", "primaryManager",
					"foundedOn", "employees", "legalRepresentative.name", "legalRepresentative.idNumber")
			.doesNotContain("usccCheckOverride");
		assertThat(event.changes()).filteredOn(change -> change.field().equals("legalRepresentative.idNumber"))
			.singleElement()
			.satisfies(change -> assertThat(change.after()).isEqualTo(ID_NUMBER.substring(0, 3) + "***********"
					+ ID_NUMBER.substring(14)));
		assertThat(auditTrailText()).doesNotContain(ID_NUMBER);

		// In the creator's book at once, in no one else's.
		as(this.graphQlTester, "rm_li").document("{ client(id: \"" + id + "\") { id } }").execute()
			.path("client.id").entity(String.class).isEqualTo(id);
		as(this.graphQlTester, "rm_wang").document("{ client(id: \"" + id + "\") { id } }").execute()
			.path("client").valueIsNull();
	}

	@Test
	void onlyTheNameIsNeededBesidesTheCodesAndOptionalFieldsStayEmpty() {
		Map<String, Object> input = new HashMap<>(Map.of("name", "上海极简贸易有限公司", "uscc", USCC,
				"industryDivision", "51", "adminDivision", "310101"));
		create("rm_li", input).path("createClient.errors").entityList(Object.class).hasSize(0)
			.path("createClient.client.registeredAddress").valueIsNull()
			.path("createClient.client.foundedOn").valueIsNull()
			.path("createClient.client.employees").valueIsNull()
			.path("createClient.client.legalRepresentative").valueIsNull()
			.path("createClient.client.industry.section").entity(String.class).isEqualTo("F");
	}

	@Test
	void newIdsFollowTheHighestSeedStyleIdOnFile() {
		this.mongoTemplate.getCollection("clients").insertOne(new Document("_id", "C000336").append("name", "seeded")
			.append("uscc", "SEEDED-USCC"));
		String first = create("rm_li", input()).path("createClient.client.id").entity(String.class).get();
		String second = create("rm_li", input("uscc", Uscc.of('9', '1', "310115", "MA1FL8XR")))
			.path("createClient.client.id").entity(String.class).get();
		assertThat(first).isEqualTo("C000337");
		assertThat(second).isEqualTo("C000338");
	}

	// ---- Validation: each rule alone, then all at once ------------------------------------------------------------

	static Stream<Arguments> invalidInputs() {
		String tooLong = "企".repeat(201);
		String badCheck = USCC.substring(0, 17) + (USCC.charAt(17) == '0' ? '1' : '0');
		String idWrongCheck = ID_NUMBER.substring(0, 17) + (ID_NUMBER.charAt(17) == '0' ? '1' : '0');
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		return Stream.of(Arguments.of("name", "   ", List.of("input", "name")),
				Arguments.of("name", tooLong, List.of("input", "name")),
				Arguments.of("name", "上海\n换行有限公司", List.of("input", "name")),
				Arguments.of("name", "上海\u0000空字符有限公司", List.of("input", "name")),
				Arguments.of("uscc", "91310115MA1FL8XQ", List.of("input", "uscc")),
				Arguments.of("uscc", USCC.substring(0, 17) + "I", List.of("input", "uscc")),
				Arguments.of("uscc", "91ABCDEF" + USCC.substring(8), List.of("input", "uscc")),
				Arguments.of("uscc", badCheck, List.of("input", "uscc")),
				Arguments.of("industryDivision", "98", List.of("input", "industryDivision")),
				Arguments.of("industryDivision", "4", List.of("input", "industryDivision")),
				Arguments.of("industryDivision", "C", List.of("input", "industryDivision")),
				Arguments.of("adminDivision", "31011", List.of("input", "adminDivision")),
				Arguments.of("adminDivision", "810000", List.of("input", "adminDivision")),
				Arguments.of("adminDivision", "{\"$gt\": \"\"}", List.of("input", "adminDivision")),
				Arguments.of("registeredAddress", "上".repeat(201), List.of("input", "registeredAddress")),
				Arguments.of("registeredAddress", "上海\t浦东", List.of("input", "registeredAddress")),
				Arguments.of("foundedOn", tomorrow, List.of("input", "foundedOn")),
				Arguments.of("foundedOn", "1899-12-31", List.of("input", "foundedOn")),
				Arguments.of("employees", -1, List.of("input", "employees")),
				Arguments.of("employees", 5_000_001, List.of("input", "employees")),
				Arguments.of("legalRepresentative", Map.of("name", "王建国", "idNumber", idWrongCheck),
						List.of("input", "legalRepresentative", "idNumber")),
				Arguments.of("legalRepresentative", Map.of("name", "王建国", "idNumber", "11010519800230123X"),
						List.of("input", "legalRepresentative", "idNumber")),
				Arguments.of("legalRepresentative", Map.of("name", "王建国", "idNumber", "1101051980"),
						List.of("input", "legalRepresentative", "idNumber")),
				Arguments.of("legalRepresentative", Map.of("name", " ", "idNumber", ID_NUMBER),
						List.of("input", "legalRepresentative", "name")),
				Arguments.of("primaryManager", "rm li", List.of("input", "primaryManager")));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("invalidInputs")
	void eachRuleRejectsItsFieldAndNothingIsWritten(String field, Object value, List<String> path) {
		GraphQlTester.Response response = create("rm_li", input(field, value));
		response.path("createClient.client").valueIsNull();
		response.path("createClient.errors[*].code").entityList(String.class).containsExactly("VALIDATION");
		response.path("createClient.errors[0].field").entityList(String.class).containsExactly(path.toArray(String[]::new));
		assertNothingWritten();
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Map<String, Object> input = input();
		input.put("name", "");
		input.put("uscc", "123");
		input.put("industryDivision", "00");
		input.put("adminDivision", "999999");
		input.put("foundedOn", "2999-01-01");
		input.put("employees", -5);
		input.put("legalRepresentative", Map.of("name", "", "idNumber", "x"));
		GraphQlTester.Response response = create("rm_li", input);
		response.path("createClient.errors[*].field").entityList(Object.class).hasSize(8);
		response.path("createClient.errors[*].code").entityList(String.class)
			.satisfies(codes -> assertThat(codes).containsOnly("VALIDATION"));
		response.path("createClient.errors[*].message").entityList(String.class)
			.satisfies(messages -> assertThat(messages).allSatisfy(message -> assertThat(message)
				.doesNotContainIgnoringCase("exception").doesNotContain("com.").doesNotContain("E11000")));
		assertNothingWritten();
	}

	@Test
	void namesThatLookLikeQueriesAreStoredAndReadBackVerbatim() {
		for (String name : List.of("{\"$gt\": \"\"}", "a.b$c", "'; db.clients.drop(); //")) {
			String id = create("rm_li", input("name", name)).path("createClient.client.name").entity(String.class)
				.isEqualTo(name)
				.path("createClient.client.id").entity(String.class).get();
			as(this.graphQlTester, "rm_li").document("query($id: ID!) { client(id: $id) { name } }")
				.variable("id", id).execute().path("client.name").entity(String.class).isEqualTo(name);
			assertThat(this.mongoTemplate.findById(id, Document.class, "clients").getString("name")).isEqualTo(name);
			// Free the USCC for the next name.
			this.mongoTemplate.remove(new Query(Criteria.where("_id").is(id)), "clients");
		}
		assertThat(this.mongoTemplate.count(new Query(), "clients")).isEqualTo(ClientBookFixture.ALL.size());
	}

	@Test
	void textIsTrimmedAndTheUsccUpperCasedAndALowerCaseXAccepted() {
		String idEndingInX = idNumberEndingInX();
		Map<String, Object> input = input("name", "  上海留白有限公司  ");
		input.put("uscc", " " + USCC.toLowerCase() + " ");
		input.put("legalRepresentative", Map.of("name", "李四", "idNumber", idEndingInX.toLowerCase()));
		create("rm_li", input).path("createClient.errors").entityList(Object.class).hasSize(0)
			.path("createClient.client.name").entity(String.class).isEqualTo("上海留白有限公司")
			.path("createClient.client.uscc").entity(String.class).isEqualTo(USCC)
			.path("createClient.client.legalRepresentative.idNumber").entity(String.class).isEqualTo(idEndingInX);
	}

	// ---- USCC: duplicates and the check override ----------------------------------------------------------------------

	@Test
	void aUsccAnotherClientHoldsIsADuplicateEvenOutsideTheCallersBook() {
		create("rm_li", input()).path("createClient.errors").entityList(Object.class).hasSize(0);
		// rm_liu cannot see rm_li's client, and the answer does not name it either.
		GraphQlTester.Response again = create("rm_liu", input("name", "北京另一家有限公司"));
		again.path("createClient.client").valueIsNull()
			.path("createClient.errors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("createClient.errors[0].field").entityList(String.class).containsExactly("input", "uscc")
			.path("createClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).doesNotContain("C0").doesNotContain("上海新建"));
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("uscc").is(USCC)), "clients")).isOne();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isOne();
	}

	@Test
	void concurrentCreationsOfOneUsccGiveOneClientAndDuplicatesForTheRest() throws Exception {
		// The pre-check cannot see a creation that is still in flight: the unique index decides, and its refusal is
		// mapped to DUPLICATE, never an internal error.
		int attempts = 8;
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			List<Callable<List<String>>> calls = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				calls.add(() -> create("rm_li", input()).path("createClient.errors[*].code").entityList(String.class)
					.get());
			}
			List<List<String>> outcomes = new ArrayList<>();
			for (Future<List<String>> future : pool.invokeAll(calls)) {
				outcomes.add(future.get());
			}
			assertThat(outcomes).filteredOn(List::isEmpty).hasSize(1);
			assertThat(outcomes).filteredOn(codes -> !codes.isEmpty())
				.allSatisfy(codes -> assertThat(codes).containsExactly("DUPLICATE"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("uscc").is(USCC)), "clients")).isOne();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isOne();
	}

	@Test
	void aFailedCheckNeedsAnOverrideReasonWhichTheAuditEventKeeps() {
		String registryCode = USCC.substring(0, 17) + (USCC.charAt(17) == '0' ? '1' : '0');
		create("rm_li", input("uscc", registryCode)).path("createClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("usccCheckOverride"));
		assertNothingWritten();

		Map<String, Object> overridden = input("uscc", registryCode);
		overridden.put("usccCheckOverride", "营业执照原件核对无误, registry holds this code");
		create("rm_li", overridden).path("createClient.errors").entityList(Object.class).hasSize(0)
			.path("createClient.client.uscc").entity(String.class).isEqualTo(registryCode);
		assertThat(onlyEvent().changes()).contains(
				new FieldChange("usccCheckOverride", null, "营业执照原件核对无误, registry holds this code"));
	}

	@Test
	void anOverrideForACodeThatPassesIsRefused() {
		create("rm_li", input("usccCheckOverride", "just in case")).path("createClient.errors[0].field")
			.entityList(String.class).containsExactly("input", "usccCheckOverride");
		assertNothingWritten();
	}

	@Test
	void aMalformedCodeCannotBeOverridden() {
		Map<String, Object> input = input("uscc", "91310115MA1FL8X");
		input.put("usccCheckOverride", "registry");
		create("rm_li", input).path("createClient.errors[0].field").entityList(String.class)
			.containsExactly("input", "uscc");
		assertNothingWritten();
	}

	// ---- The primary RM -----------------------------------------------------------------------------------------------

	@Test
	void anRmMayNameThemselvesButNoOneElse() {
		create("rm_li", input("primaryManager", "rm_li")).path("createClient.client.primaryManager.username")
			.entity(String.class).isEqualTo("rm_li");
		GraphQlTester.Response other = create("rm_li", input("primaryManager", "rm_zhang"));
		other.path("createClient.client").valueIsNull();
		other.path("createClient.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
			.path("createClient.errors[0].field").entityList(String.class).containsExactly("input", "primaryManager");
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isOne();
	}

	@Test
	void aTeamLeadNamesAnRmOfTheirTeamAndSeesTheClientMasked() {
		GraphQlTester.Response response = create("lead_sun", input("primaryManager", "rm_zhang"));
		response.path("createClient.errors").entityList(Object.class).hasSize(0)
			.path("createClient.client.primaryManager.username").entity(String.class).isEqualTo("rm_zhang")
			.path("createClient.client.legalRepresentative.idNumber").entity(String.class)
			.isEqualTo(ID_NUMBER.substring(0, 3) + "***********" + ID_NUMBER.substring(14));
		String id = response.path("createClient.client.id").entity(String.class).get();
		as(this.graphQlTester, "rm_zhang").document("{ client(id: \"" + id + "\") { legalRepresentative { idNumber } } }")
			.execute().path("client.legalRepresentative.idNumber").entity(String.class).isEqualTo(ID_NUMBER);
		assertThat(onlyEvent().actor()).isEqualTo("lead_sun");
	}

	@Test
	void aTeamLeadNamingAnRmOutsideTheirTeamIsForbidden() {
		create("lead_sun", input("primaryManager", "rm_wang")).path("createClient.errors[0].code").entity(String.class)
			.isEqualTo("FORBIDDEN")
			.path("createClient.errors[0].field").entityList(String.class).containsExactly("input", "primaryManager")
			.path("createClient.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("rm_wang"));
		assertNothingWritten();
	}

	@Test
	void aLeadMustNameAnRmAndAnUnknownOneIsAValidationError() {
		create("lead_sun", input()).path("createClient.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("createClient.errors[0].field").entityList(String.class).containsExactly("input", "primaryManager");
		create("lead_sun", input("primaryManager", "rm_nobody")).path("createClient.errors[0].code")
			.entity(String.class).isEqualTo("VALIDATION");
		assertNothingWritten();
	}

	@Test
	void aBranchManagerNamesAnyRmOfTheirBranchButNotOfAnother() {
		create("mgr_chen", input("primaryManager", "rm_xu")).path("createClient.errors").entityList(Object.class)
			.hasSize(0)
			.path("createClient.client.primaryManager.username").entity(String.class).isEqualTo("rm_xu");
		create("mgr_chen", input("primaryManager", "rm_zhao")).path("createClient.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isOne();
	}

	@Test
	void scopeKeysComeFromTheStoresDirectoryNotFromCode() {
		// Move rm_zhang to team 2 in the store only: the new client's org path follows the store.
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("rm_zhang")),
				Update.update("teamCode", "SH-PD-T2"), "managers");
		String id = create("mgr_chen", input("primaryManager", "rm_zhang")).path("createClient.client.id")
			.entity(String.class).get();
		assertThat(this.mongoTemplate.findById(id, Document.class, "clients").getList("orgUnits", String.class))
			.containsExactly("HO", "SH", "SH-PD", "SH-PD-T2");
	}

	@Test
	void rolesWithoutTheRuleAreForbiddenAndNothingIsWritten() {
		for (String user : List.of("risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			create(user, input()).path("createClient.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
				.path("createClient.client").valueIsNull();
		}
		assertNothingWritten();
	}

	// ---- Helpers ------------------------------------------------------------------------------------------------------

	private GraphQlTester.Response create(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(CREATE).variable("input", input).execute();
	}

	private AuditEvent onlyEvent() {
		List<AuditEvent> events = this.mongoTemplate.findAll(AuditEvent.class);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private String auditTrailText() {
		return this.mongoTemplate.findAll(Document.class, "audit_events").toString();
	}

	private void assertNothingWritten() {
		assertThat(this.mongoTemplate.count(new Query(), "clients")).isEqualTo(ClientBookFixture.ALL.size());
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	/** A valid ID number whose check character is X (the first birth date in 1980 that gives one). */
	static String idNumberEndingInX() {
		LocalDate born = LocalDate.of(1980, 1, 1);
		while (true) {
			String first17 = "110105" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "123";
			if (IdNumber.checkCharacter(first17) == 'X') {
				return first17 + 'X';
			}
			born = born.plusDays(1);
		}
	}

}
