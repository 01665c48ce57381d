package com.corpbank.portal.tier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model mutations and queries over GraphQL: the draft → edit → activate → retire life, DUPLICATE, CONFLICT,
 * immutable active and retired models, ADMIN only, audit events, reads for every role. The models here use BANDS and
 * CATEGORY_POINTS only, so activating them needs no book calibration ({@link TierModelActivationTests} covers it).
 */
@PortalTest
class TierModelMutationTests {

	static final String MODEL_FIELDS = """
			version description status effectiveFrom recordVersion createdBy createdAt activatedBy activatedAt
			thresholds { aFrom bFrom }
			clv { horizonYears retentionRate discountRate depositMargin loanMargin }
			factors { key input group weight description
			  normalisation { method bands { from points } min max cutPoints categories { category points }
			    higherIsBetter missingPoints } }""";

	static final String CREATE = """
			mutation($input: CreateTierModelInput!) {
			  createTierModel(input: $input) { model { %s } errors { code field message currentVersion } }
			}""".formatted(MODEL_FIELDS);

	static final String UPDATE = """
			mutation($input: UpdateTierModelInput!) {
			  updateTierModel(input: $input) { model { %s } errors { code field message currentVersion } }
			}""".formatted(MODEL_FIELDS);

	static final String ACTIVATE = """
			mutation($input: ActivateTierModelInput!) {
			  activateTierModel(input: $input) { model { %s } errors { code field message currentVersion } }
			}""".formatted(MODEL_FIELDS);

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter counter;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	/** A valid model: revenue in bands (60%) and the tax credit grade by points (40%). */
	static Map<String, Object> model(String version, String effectiveFrom) {
		List<Map<String, Object>> factors = new ArrayList<>();
		factors.add(new LinkedHashMap<>(Map.of("key", "revenue_scale", "input", "REVENUE", "method", "BANDS", "bands",
				List.of(Map.of("from", "0", "points", "0"), Map.of("from", "10000000", "points", "60"),
						Map.of("from", "1000000000", "points", "100")),
				"weight", "0.6", "description", "经营规模")));
		factors.add(new LinkedHashMap<>(Map.of("key", "tax_grade", "input", "TAX_CREDIT_GRADE", "method",
				"CATEGORY_POINTS", "categories",
				List.of(Map.of("category", "A", "points", "100"), Map.of("category", "B", "points", "80"),
						Map.of("category", "M", "points", "60"), Map.of("category", "C", "points", "20"),
						Map.of("category", "D", "points", "0")),
				"missingPoints", "40", "weight", "0.4")));
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("version", version);
		input.put("description", "Test model " + version);
		input.put("effectiveFrom", effectiveFrom);
		input.put("factors", factors);
		input.put("thresholds", Map.of("aFrom", "80", "bFrom", "60"));
		input.put("clv", Map.of("horizonYears", 5, "retentionRate", "0.9", "discountRate", "0.08", "depositMargin",
				"0.015", "loanMargin", "0.02"));
		return input;
	}

	GraphQlTester.Response create(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(CREATE).variable("input", input).execute();
	}

	GraphQlTester.Response update(String user, Map<String, Object> input, int expectedVersion) {
		Map<String, Object> withVersion = new LinkedHashMap<>(input);
		withVersion.put("expectedVersion", expectedVersion);
		return as(this.graphQlTester, user).document(UPDATE).variable("input", withVersion).execute();
	}

	GraphQlTester.Response activate(String user, String version, int expectedVersion) {
		return as(this.graphQlTester, user).document(ACTIVATE)
			.variable("input", Map.of("version", version, "expectedVersion", expectedVersion))
			.execute();
	}

	static void succeeded(GraphQlTester.Response response, String operation) {
		response.path(operation + ".errors").entityList(Object.class).hasSize(0);
	}

	static void failed(GraphQlTester.Response response, String operation, String code, String... field) {
		response.path(operation + ".model").valueIsNull();
		response.path(operation + ".errors[0].code").entity(String.class).isEqualTo(code);
		response.path(operation + ".errors[0].field").entityList(String.class).containsExactly(field);
	}

	List<AuditEvent> events() {
		return this.mongoTemplate.find(new Query().with(Sort.by("at", "_id")), AuditEvent.class);
	}

	Map<String, List<Document>> store() {
		Map<String, List<Document>> all = new LinkedHashMap<>();
		for (String collection : List.of("tier_models", TierModels.POINTER_COLLECTION, "audit_events")) {
			all.put(collection, this.mongoTemplate.find(new Query().with(Sort.by("_id")), Document.class, collection));
		}
		return all;
	}

	// ---- The life of a model ----------------------------------------------------------------------------------

	@Test
	void adminCreatesADraftWithEveryFieldAndOneAuditEvent() {
		GraphQlTester.Response response = create("admin", model("2026.2", "2026-01-01"));
		succeeded(response, "createTierModel");
		response.path("createTierModel.model.status").entity(String.class).isEqualTo("DRAFT")
			.path("createTierModel.model.recordVersion").entity(Integer.class).isEqualTo(0)
			.path("createTierModel.model.createdBy").entity(String.class).isEqualTo("admin")
			.path("createTierModel.model.activatedAt").valueIsNull()
			.path("createTierModel.model.factors[0].group").entity(String.class).isEqualTo("BUSINESS_SCALE")
			.path("createTierModel.model.factors[0].normalisation.bands[1].from").entity(String.class)
			.isEqualTo("10000000")
			.path("createTierModel.model.factors[1].normalisation.categories[*].category").entityList(String.class)
			.containsExactly("A", "B", "M", "C", "D")
			.path("createTierModel.model.factors[1].normalisation.missingPoints").entity(String.class).isEqualTo("40")
			.path("createTierModel.model.factors[0].normalisation.higherIsBetter").entity(Boolean.class).isEqualTo(true)
			.path("createTierModel.model.clv.retentionRate").entity(String.class).isEqualTo("0.9");

		assertThat(events()).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("createTierModel");
			assertThat(event.entityType()).isEqualTo("TierModel");
			assertThat(event.entityId()).isEqualTo("2026.2");
			assertThat(event.entityVersion()).isZero();
			assertThat(event.clientId()).as("a model belongs to no client").isNull();
			assertThat(event.actor()).isEqualTo("admin");
			assertThat(event.changes()).extracting("field")
				.contains("status", "effectiveFrom", "thresholds.aFrom", "clv.horizonYears", "factors.revenue_scale",
						"factors.tax_grade");
		});
		assertThat(pending()).isZero();
	}

	@Test
	void draftIsEditedThenActivatedAndASecondActivationRetiresTheFirst() {
		succeeded(create("admin", model("2026.1", "2026-01-01")), "createTierModel");
		Map<String, Object> edited = model("2026.1", "2026-02-01");
		edited.put("thresholds", Map.of("aFrom", "85", "bFrom", "55"));
		GraphQlTester.Response updated = update("admin", edited, 0);
		succeeded(updated, "updateTierModel");
		updated.path("updateTierModel.model.recordVersion").entity(Integer.class).isEqualTo(1)
			.path("updateTierModel.model.thresholds.aFrom").entity(String.class).isEqualTo("85")
			.path("updateTierModel.model.effectiveFrom").entity(String.class).isEqualTo("2026-02-01");

		GraphQlTester.Response first = activate("admin", "2026.1", 1);
		succeeded(first, "activateTierModel");
		first.path("activateTierModel.model.status").entity(String.class).isEqualTo("ACTIVE")
			.path("activateTierModel.model.activatedBy").entity(String.class).isEqualTo("admin")
			.path("activateTierModel.model.recordVersion").entity(Integer.class).isEqualTo(2);
		activeIs("2026.1");

		succeeded(create("admin", model("2026.2", "2026-03-01")), "createTierModel");
		succeeded(activate("admin", "2026.2", 0), "activateTierModel");
		activeIs("2026.2");
		as(this.graphQlTester, "admin").document("{ tierModels(status: RETIRED) { version status recordVersion } }")
			.execute()
			.path("tierModels[*].version").entityList(String.class).containsExactly("2026.1")
			.path("tierModels[0].recordVersion").entity(Integer.class).isEqualTo(3);
		as(this.graphQlTester, "admin").document("{ tierModels(status: ACTIVE) { version } }")
			.execute()
			.path("tierModels[*].version").entityList(String.class).containsExactly("2026.2");

		assertThat(events()).extracting(event -> event.operation() + " " + event.entityId() + " v"
				+ event.entityVersion())
			.containsExactlyInAnyOrder("createTierModel 2026.1 v0", "updateTierModel 2026.1 v1",
					"activateTierModel 2026.1 v2", "createTierModel 2026.2 v0", "activateTierModel 2026.2 v1",
					"activateTierModel 2026.1 v3");
		assertThat(event("updateTierModel", "2026.1", 1).changes())
			.extracting(change -> change.field() + " " + change.before() + " -> " + change.after())
			.containsExactlyInAnyOrder("effectiveFrom 2026-01-01 -> 2026-02-01", "thresholds.aFrom 80 -> 85",
					"thresholds.bFrom 60 -> 55");
		AuditEvent retirement = event("activateTierModel", "2026.1", 3);
		assertThat(retirement.changes()).extracting(change -> change.before() + " -> " + change.after())
			.containsExactly("ACTIVE -> RETIRED");
		assertThat(retirement.reason()).contains("2026.2");
		assertThat(event("activateTierModel", "2026.2", 1).changes()).extracting("field")
			.contains("status", "activatedBy");
		assertThat(pending()).isZero();
	}

	private AuditEvent event(String operation, String entityId, long entityVersion) {
		return events().stream()
			.filter(event -> event.operation().equals(operation) && event.entityId().equals(entityId)
					&& event.entityVersion() == entityVersion)
			.findFirst()
			.orElseThrow();
	}

	private void activeIs(String version) {
		as(this.graphQlTester, "rm_li").document("{ activeTierModel { version status } }")
			.execute()
			.path("activeTierModel.version").entity(String.class).isEqualTo(version)
			.path("activeTierModel.status").entity(String.class).isEqualTo("ACTIVE");
		assertThat(this.mongoTemplate.count(new Query(Criteria.where("status").is("ACTIVE")), "tier_models"))
			.as("ACTIVE models").isEqualTo(1);
	}

	// ---- Refusals ---------------------------------------------------------------------------------------------

	@Test
	void existingVersionIsDuplicateAndChangesNothing() {
		succeeded(create("admin", model("2026.2", "2026-01-01")), "createTierModel");
		Map<String, List<Document>> before = store();
		failed(create("admin", model("2026.2", "2026-05-01")), "createTierModel", "DUPLICATE", "input", "version");
		assertThat(store()).isEqualTo(before);
	}

	@Test
	void staleExpectedVersionIsAConflictNamingTheCurrentVersion() {
		succeeded(create("admin", model("2026.2", "2026-01-01")), "createTierModel");
		succeeded(update("admin", model("2026.2", "2026-01-02"), 0), "updateTierModel");
		Map<String, List<Document>> before = store();

		GraphQlTester.Response staleEdit = update("admin", model("2026.2", "2026-01-03"), 0);
		failed(staleEdit, "updateTierModel", "CONFLICT", "input", "expectedVersion");
		staleEdit.path("updateTierModel.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		GraphQlTester.Response staleActivation = activate("admin", "2026.2", 0);
		failed(staleActivation, "activateTierModel", "CONFLICT", "input", "expectedVersion");
		staleActivation.path("activateTierModel.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		assertThat(store()).isEqualTo(before);
	}

	@Test
	void activeAndRetiredModelsNeverChange() {
		succeeded(create("admin", model("2026.1", "2026-01-01")), "createTierModel");
		succeeded(activate("admin", "2026.1", 0), "activateTierModel");
		Map<String, List<Document>> active = store();
		failed(update("admin", model("2026.1", "2026-01-01"), 1), "updateTierModel", "VALIDATION", "input", "version");
		failed(activate("admin", "2026.1", 1), "activateTierModel", "VALIDATION", "input", "version");
		assertThat(store()).isEqualTo(active);

		succeeded(create("admin", model("2026.2", "2026-01-01")), "createTierModel");
		succeeded(activate("admin", "2026.2", 0), "activateTierModel");
		Map<String, List<Document>> retired = store();
		GraphQlTester.Response edit = update("admin", model("2026.1", "2026-01-01"), 2);
		failed(edit, "updateTierModel", "VALIDATION", "input", "version");
		edit.path("updateTierModel.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("RETIRED").contains("Create a new version"));
		failed(activate("admin", "2026.1", 2), "activateTierModel", "VALIDATION", "input", "version");
		assertThat(store()).isEqualTo(retired);
	}

	@Test
	void unknownVersionIsNotFound() {
		failed(update("admin", model("2099.9", "2026-01-01"), 0), "updateTierModel", "NOT_FOUND", "input", "version");
		failed(activate("admin", "2099.9", 0), "activateTierModel", "NOT_FOUND", "input", "version");
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	@Test
	void everyRoleButAdminIsForbiddenAndNothingChanges() {
		succeeded(create("admin", model("2026.1", "2026-01-01")), "createTierModel");
		Map<String, List<Document>> before = store();
		for (String user : List.of("rm_li", "lead_sun", "mgr_chen", "risk_zhou", "analyst_wu", "auditor_qian")) {
			create(user, model("2026.9", "2026-01-01")).path("createTierModel.errors[0].code").entity(String.class)
				.isEqualTo("FORBIDDEN");
			update(user, model("2026.1", "2026-01-01"), 0).path("updateTierModel.errors[0].code").entity(String.class)
				.isEqualTo("FORBIDDEN");
			activate(user, "2026.1", 0).path("activateTierModel.errors[0].code").entity(String.class)
				.isEqualTo("FORBIDDEN");
		}
		assertThat(store()).isEqualTo(before);
	}

	@Test
	void unknownInputIsAPayloadErrorWithItsPathAndChangesNothing() {
		Map<String, Object> input = model("2026.2", "2026-01-01");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> factors = new ArrayList<>((List<Map<String, Object>>) input.get("factors"));
		factors.set(0, new LinkedHashMap<>(factors.get(0)));
		factors.get(0).put("weight", "0.4");
		for (String key : List.of("employees_scale", "years_with_bank")) {
			factors.add(new LinkedHashMap<>(Map.of("key", key, "input", "EMPLOYEES", "method", "BANDS", "bands",
					List.of(Map.of("from", "0", "points", "50")), "weight", "0.1")));
		}
		factors.get(3).put("input", "YEARS_AT_BANK");
		input.put("factors", factors);
		GraphQlTester.Response response = create("admin", input);
		failed(response, "createTierModel", "VALIDATION", "input", "factors", "3", "input");
		response.path("createTierModel.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("YEARS_WITH_BANK"));
		response.path("createTierModel.errors").entityList(Object.class).hasSize(1);
		assertThat(store().values()).allSatisfy(documents -> assertThat(documents).isEmpty());
	}

	@Test
	void modelIsActivatedOnOrAfterItsEffectiveDateNeverBefore() {
		succeeded(create("admin", model("2099.1", "2099-01-01")), "createTierModel");
		Map<String, List<Document>> before = store();
		GraphQlTester.Response early = activate("admin", "2099.1", 0);
		failed(early, "activateTierModel", "VALIDATION", "input", "version");
		early.path("activateTierModel.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("2099-01-01"));
		assertThat(store()).isEqualTo(before);
	}

	@Test
	void modelNeverTakesEffectBeforeTheModelItReplaces() {
		succeeded(create("admin", model("2026.6", "2026-06-01")), "createTierModel");
		succeeded(activate("admin", "2026.6", 0), "activateTierModel");
		succeeded(create("admin", model("2026.1", "2026-01-01")), "createTierModel");
		Map<String, List<Document>> before = store();
		GraphQlTester.Response backdated = activate("admin", "2026.1", 0);
		failed(backdated, "activateTierModel", "VALIDATION", "input", "version");
		backdated.path("activateTierModel.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("2026.6"));
		assertThat(store()).isEqualTo(before);
	}

	@Test
	void textIsStoredAndReadBackVerbatim() {
		for (String description : List.of("{\"$gt\": \"\"}", "a.b$c")) {
			String version = "text-" + description.length();
			Map<String, Object> input = model(version, "2026-01-01");
			input.put("description", description);
			succeeded(create("admin", input), "createTierModel");
			as(this.graphQlTester, "rm_li").document("query($v: String!) { tierModel(version: $v) { description } }")
				.variable("v", version)
				.execute()
				.path("tierModel.description").entity(String.class).isEqualTo(description);
		}
	}

	// ---- Reading ----------------------------------------------------------------------------------------------

	@Test
	void everySignedInRoleReadsTheModelsWithTheirNormalisation() {
		succeeded(create("admin", model("2026.1", "2026-01-01")), "createTierModel");
		succeeded(activate("admin", "2026.1", 0), "activateTierModel");
		for (String user : List.of("rm_li", "lead_sun", "mgr_chen", "risk_zhou", "analyst_wu", "admin",
				"auditor_qian")) {
			as(this.graphQlTester, user).document("""
					{ tierModels { version }
					  tierModel(version: "2026.1") { %s }
					  activeTierModel { version factors { normalisation { bands { from points } } } } }"""
				.formatted(MODEL_FIELDS))
				.execute()
				.path("tierModels[*].version").entityList(String.class).containsExactly("2026.1")
				.path("tierModel.factors[1].normalisation.categories[0].points").entity(String.class).isEqualTo("100")
				.path("tierModel.activatedBy").entity(String.class).isEqualTo("admin")
				.path("activeTierModel.factors[0].normalisation.bands[2].points").entity(String.class).isEqualTo("100");
		}
	}

	@Test
	void unknownVersionReadsAsNullAndMalformedOneIsABadRequest() {
		as(this.graphQlTester, "rm_li").document("{ tierModel(version: \"2099.9\") { version } activeTierModel { version } }")
			.execute()
			.path("tierModel").valueIsNull()
			.path("activeTierModel").valueIsNull();
		as(this.graphQlTester, "rm_li").document("query($v: String!) { tierModel(version: $v) { version } }")
			.variable("v", "{\"$gt\":\"\"}")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void listingTheModelsCostsTheSameWhateverTheirNumber() {
		succeeded(create("admin", model("m1", "2026-01-01")), "createTierModel");
		int one = commandsOfAListing();
		for (int i = 2; i <= 8; i++) {
			succeeded(create("admin", model("m" + i, "2026-01-01")), "createTierModel");
		}
		assertThat(commandsOfAListing()).isEqualTo(one);
	}

	private int commandsOfAListing() {
		HttpGraphQlTester rm = as(this.graphQlTester, "rm_li");
		this.counter.reset();
		rm.document("{ tierModels { version factors { key group normalisation { bands { from } } } } }").execute();
		return this.counter.dataCommands().size();
	}

	private long pending() {
		return this.mongoTemplate.count(new Query(Criteria.where("pendingOutbox._id").exists(true)), "tier_models");
	}

}
