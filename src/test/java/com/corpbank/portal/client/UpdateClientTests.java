package com.corpbank.portal.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.FieldChange;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** updateClient: partial changes and clearing, scope, locking, USCC rules and one audit event per change. */
@PortalTest
class UpdateClientTests {

	private static final String UPDATE = """
			mutation($input: UpdateClientInput!) {
			  updateClient(input: $input) {
			    client {
			      id name uscc version industry { section code } adminDivision region registeredAddress foundedOn
			      employees legalRepresentative { name idNumber }
			    }
			    errors { code field message currentVersion }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	private static Map<String, Object> change(String clientId, int expectedVersion, Object... fieldsAndValues) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", clientId);
		input.put("expectedVersion", expectedVersion);
		input.put("reason", "营业执照变更");
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			input.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return input;
	}

	@Test
	void anRmChangesTheirClientAndTheEventListsOnlyWhatChanged() {
		GraphQlTester.Response response = update("rm_li",
				change("C-LI-1", 0, "name", "上海东方精密机械股份有限公司", "employees", 420, "industryDivision", "35"));
		response.path("updateClient.errors").entityList(Object.class).hasSize(0)
			.path("updateClient.client.version").entity(Integer.class).isEqualTo(1)
			.path("updateClient.client.name").entity(String.class).isEqualTo("上海东方精密机械股份有限公司")
			.path("updateClient.client.industry.code").entity(String.class).isEqualTo("35")
			// Left out: unchanged.
			.path("updateClient.client.registeredAddress").entity(String.class).isEqualTo("上海市浦东新区世纪大道100号")
			.path("updateClient.client.foundedOn").entity(String.class).isEqualTo("2008-05-20");

		AuditEvent event = onlyEvent();
		assertThat(event.operation()).isEqualTo("updateClient");
		assertThat(event.reason()).isEqualTo("营业执照变更");
		assertThat(event.entityVersion()).isEqualTo(1L);
		// employees was given but equal: not a change. The section stays C.
		assertThat(event.changes()).containsExactlyInAnyOrder(
				new FieldChange("name", "上海东方精密机械有限公司", "上海东方精密机械股份有限公司"),
				new FieldChange("industry.code", "34", "35"));
		assertThat(this.mongoTemplate.findById("C-LI-1", Document.class, "clients").get("pendingOutbox", List.class))
			.isNullOrEmpty();
	}

	@Test
	void aNewAdministrativeDivisionMovesTheRegionWithIt() {
		update("rm_li", change("C-LI-1", 0, "adminDivision", "110108")).path("updateClient.client.region")
			.entity(String.class).isEqualTo("NORTH_CHINA");
		assertThat(onlyEvent().changes()).containsExactlyInAnyOrder(new FieldChange("adminDivision", "310115", "110108"),
				new FieldChange("region", "EAST_CHINA", "NORTH_CHINA"));
	}

	@Test
	void explicitNullClearsOptionalFieldsAndLeavesTheRest() {
		Map<String, Object> input = change("C-LI-1", 0);
		input.put("registeredAddress", null);
		input.put("foundedOn", null);
		input.put("employees", null);
		input.put("legalRepresentative", null);
		input.put("name", null);
		update("rm_li", input).path("updateClient.errors").entityList(Object.class).hasSize(0)
			.path("updateClient.client.registeredAddress").valueIsNull()
			.path("updateClient.client.foundedOn").valueIsNull()
			.path("updateClient.client.employees").valueIsNull()
			.path("updateClient.client.legalRepresentative").valueIsNull()
			.path("updateClient.client.name").entity(String.class).isEqualTo("上海东方精密机械有限公司");
		Document stored = this.mongoTemplate.findById("C-LI-1", Document.class, "clients");
		assertThat(stored).doesNotContainKeys("registeredAddress", "foundedOn", "employees", "legalRepresentative");
		assertThat(onlyEvent().changes()).extracting(FieldChange::field)
			.containsExactlyInAnyOrder("registeredAddress", "foundedOn", "employees", "legalRepresentative.name",
					"legalRepresentative.idNumber");
		assertThat(onlyEvent().changes()).allSatisfy(change -> assertThat(change.after()).isNull());
	}

	@Test
	void aNewLegalRepresentativeIsAuditedWithBothIdNumbersMasked() {
		String before = ClientBookFixture.legalRepresentativeIdNumber("C-LI-1");
		String after = ClientBookFixture.legalRepresentativeIdNumber("SOMEONE-ELSE");
		update("rm_li", change("C-LI-1", 0, "legalRepresentative", Map.of("name", "赵新", "idNumber", after)))
			.path("updateClient.client.legalRepresentative.idNumber").entity(String.class).isEqualTo(after);
		assertThat(onlyEvent().changes()).containsExactlyInAnyOrder(
				new FieldChange("legalRepresentative.name", "法人C-LI-1", "赵新"),
				new FieldChange("legalRepresentative.idNumber", PersonalDataPolicy.maskIdNumber(before),
						PersonalDataPolicy.maskIdNumber(after)));
		String trail = this.mongoTemplate.findAll(Document.class, "audit_events").toString();
		assertThat(trail).doesNotContain(before).doesNotContain(after);
	}

	@Test
	void hostileTextIsStoredVerbatim() {
		update("rm_li", change("C-LI-1", 0, "name", "{\"$gt\": \"\"}", "registeredAddress", "a.b$c"))
			.path("updateClient.client.name").entity(String.class).isEqualTo("{\"$gt\": \"\"}")
			.path("updateClient.client.registeredAddress").entity(String.class).isEqualTo("a.b$c");
		assertThat(this.mongoTemplate.findById("C-LI-1", Document.class, "clients").getString("name"))
			.isEqualTo("{\"$gt\": \"\"}");
	}

	// ---- Scope and roles ------------------------------------------------------------------------------------------------

	@Test
	void anotherRmsClientIsNotFoundExactlyLikeAMissingOne() {
		GraphQlTester.Response foreign = update("rm_li", change("C-ZHAO-1", 0, "name", "篡改"));
		GraphQlTester.Response missing = update("rm_li", change("C-NOPE", 0, "name", "篡改"));
		for (GraphQlTester.Response response : List.of(foreign, missing)) {
			response.path("updateClient.client").valueIsNull()
				.path("updateClient.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
				.path("updateClient.errors[0].field").entityList(String.class).containsExactly("input", "clientId");
		}
		assertThat(foreign.path("updateClient.errors[0].message").entity(String.class).get())
			.isEqualTo(missing.path("updateClient.errors[0].message").entity(String.class).get());
		assertNothingChanged();
	}

	@Test
	void aliasesDoNotReachAnotherRmsClient() {
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				mutation($own: UpdateClientInput!, $foreign: UpdateClientInput!) {
				  mine: updateClient(input: $own) { client { id } errors { code } }
				  theirs: updateClient(input: $foreign) { client { id legalRepresentative { idNumber } } errors { code } }
				}""")
			.variable("own", change("C-LI-1", 0, "employees", 500))
			.variable("foreign", change("C-WANG-1", 0, "employees", 500))
			.execute();
		response.path("mine.client.id").entity(String.class).isEqualTo("C-LI-1")
			.path("theirs.client").valueIsNull()
			.path("theirs.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(this.mongoTemplate.findById("C-WANG-1", Document.class, "clients").getInteger("employees"))
			.isEqualTo(420);
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isOne();
	}

	@Test
	void aCoRmMayUpdateAndATeamLeadOnlyWithinTheTeam() {
		update("rm_li", change("C-WANG-2", 0, "employees", 430)).path("updateClient.errors").entityList(Object.class)
			.hasSize(0);
		update("lead_sun", change("C-ZHANG-1", 0, "employees", 430)).path("updateClient.errors")
			.entityList(Object.class).hasSize(0);
		update("lead_sun", change("C-WANG-1", 0, "employees", 430)).path("updateClient.errors[0].code")
			.entity(String.class).isEqualTo("NOT_FOUND");
		update("mgr_chen", change("C-ZHAO-1", 0, "employees", 430)).path("updateClient.errors[0].code")
			.entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(2);
	}

	@Test
	void rolesWithoutTheRuleAreForbidden() {
		for (String user : List.of("risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			update(user, change("C-LI-1", 0, "employees", 1)).path("updateClient.errors[0].code").entity(String.class)
				.isEqualTo("FORBIDDEN");
		}
		assertNothingChanged();
	}

	// ---- Locking and rules ----------------------------------------------------------------------------------------------

	@Test
	void aStaleVersionIsAConflictNamingTheCurrentOne() {
		update("rm_li", change("C-LI-1", 0, "employees", 430)).path("updateClient.errors").entityList(Object.class)
			.hasSize(0);
		update("rm_li", change("C-LI-1", 0, "employees", 440)).path("updateClient.errors[0].code").entity(String.class)
			.isEqualTo("CONFLICT")
			.path("updateClient.errors[0].currentVersion").entity(Integer.class).isEqualTo(1)
			.path("updateClient.errors[0].field").entityList(String.class).containsExactly("input", "expectedVersion");
		assertThat(this.mongoTemplate.findById("C-LI-1", Document.class, "clients").getInteger("employees"))
			.isEqualTo(430);
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isOne();
	}

	@Test
	void aReasonIsRequiredAndAnInputThatChangesNothingIsRefused() {
		Map<String, Object> noReason = change("C-LI-1", 0, "employees", 430);
		noReason.put("reason", "   ");
		update("rm_li", noReason).path("updateClient.errors[0].field").entityList(String.class)
			.containsExactly("input", "reason");
		update("rm_li", change("C-LI-1", 0, "employees", 420, "name", "上海东方精密机械有限公司"))
			.path("updateClient.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("updateClient.errors[0].field").entityList(String.class).containsExactly("input");
		assertNothingChanged();
	}

	@Test
	void theSameFieldRulesAsCreationApply() {
		GraphQlTester.Response response = update("rm_li", change("C-LI-1", 0, "name", "", "industryDivision", "98",
				"adminDivision", "12345", "foundedOn", "2999-01-01", "employees", -1, "uscc", "TOO-SHORT",
				"legalRepresentative", Map.of("name", "赵新", "idNumber", "110105198001011231")));
		response.path("updateClient.errors[*].field").entityList(Object.class).hasSize(7);
		assertNothingChanged();
	}

	@Test
	void theCurrentUsccGivenAgainNeedsNoOverrideEvenIfItFailsItsCheck() {
		// Fixture USCCs fail their check (as some registry codes do); sending the form back must not need an override.
		String current = this.mongoTemplate.findById("C-LI-1", Client.class).uscc();
		assertThat(Uscc.isValid(current)).isFalse();
		update("rm_li", change("C-LI-1", 0, "uscc", current, "employees", 430)).path("updateClient.errors")
			.entityList(Object.class).hasSize(0);
		assertThat(onlyEvent().changes()).extracting(FieldChange::field).containsExactly("employees");
	}

	@Test
	void aNewUsccMustPassItsCheckOrCarryAnOverride() {
		String registryCode = CreateClientTests.USCC.substring(0, 17)
				+ (CreateClientTests.USCC.charAt(17) == '0' ? '1' : '0');
		update("rm_li", change("C-LI-1", 0, "uscc", registryCode)).path("updateClient.errors[0].field")
			.entityList(String.class).containsExactly("input", "uscc");
		update("rm_li", change("C-LI-1", 0, "usccCheckOverride", "no code given")).path("updateClient.errors[0].field")
			.entityList(String.class).containsExactly("input", "usccCheckOverride");
		assertNothingChanged();
		update("rm_li", change("C-LI-1", 0, "uscc", registryCode, "usccCheckOverride", "registry holds it"))
			.path("updateClient.client.uscc").entity(String.class).isEqualTo(registryCode);
		assertThat(onlyEvent().changes()).contains(new FieldChange("usccCheckOverride", null, "registry holds it"));
	}

	@Test
	void aUsccAnotherClientHoldsIsADuplicate() {
		as(this.graphQlTester, "rm_zhao").document(CreateClientTests.CREATE)
			.variable("input", CreateClientTests.input("adminDivision", "110108"))
			.execute()
			.path("createClient.errors").entityList(Object.class).hasSize(0);
		update("rm_li", change("C-LI-1", 0, "uscc", CreateClientTests.USCC)).path("updateClient.errors[0].code")
			.entity(String.class).isEqualTo("DUPLICATE")
			.path("updateClient.errors[0].field").entityList(String.class).containsExactly("input", "uscc");
		assertThat(AuditedWrites.versionOf(this.mongoTemplate.findById("C-LI-1", Document.class, "clients"))).isZero();
	}

	// ---- Helpers ----------------------------------------------------------------------------------------------------------

	private GraphQlTester.Response update(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(UPDATE).variable("input", input).execute();
	}

	private AuditEvent onlyEvent() {
		List<AuditEvent> events = this.mongoTemplate.findAll(AuditEvent.class);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private void assertNothingChanged() {
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
		for (Document client : this.mongoTemplate.findAll(Document.class, "clients")) {
			assertThat(AuditedWrites.versionOf(client)).as(client.getString("_id")).isZero();
		}
	}

}
