package com.corpbank.portal.contact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.FieldChange;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.contact.ContactTestData.ADD;
import static com.corpbank.portal.contact.ContactTestData.CLIENT_CONTACTS;
import static com.corpbank.portal.contact.ContactTestData.EMAIL;
import static com.corpbank.portal.contact.ContactTestData.EMAIL_MASKED;
import static com.corpbank.portal.contact.ContactTestData.ID_NUMBER;
import static com.corpbank.portal.contact.ContactTestData.ID_NUMBER_MASKED;
import static com.corpbank.portal.contact.ContactTestData.MOBILE;
import static com.corpbank.portal.contact.ContactTestData.MOBILE_MASKED;
import static com.corpbank.portal.contact.ContactTestData.REMOVE;
import static com.corpbank.portal.contact.ContactTestData.UPDATE;
import static com.corpbank.portal.contact.ContactTestData.addInput;
import static com.corpbank.portal.contact.ContactTestData.with;
import static com.corpbank.portal.contact.ContactTestData.without;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** addContact, updateContact, removeContact: who may, every field's rule, locking, soft removal and the audit trail. */
@PortalTest
class ContactWriteTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	// ---- addContact --------------------------------------------------------------------------------------------

	@Test
	void ownRmAddsAContactInFullWithOneMaskedAuditEvent() {
		GraphQlTester.Response response = add("rm_li", with(with(addInput("C-LI-1"), "mobile", "+86 138-1234-5678"),
				"email", "Zhang.Wei@EXAMPLE.Com"));
		response.path("addContact.errors").entityList(Object.class).hasSize(0);
		response.path("addContact.contact.clientId").entity(String.class).isEqualTo("C-LI-1");
		response.path("addContact.contact.mobile").entity(String.class).isEqualTo(MOBILE);
		// The domain is lower-cased, the local part kept as given.
		response.path("addContact.contact.email").entity(String.class).isEqualTo("Zhang.Wei@example.com");
		response.path("addContact.contact.idNumber").entity(String.class).isEqualTo(ID_NUMBER);
		response.path("addContact.contact.masked").entity(Boolean.class).isEqualTo(false);
		response.path("addContact.contact.version").entity(Integer.class).isEqualTo(0);
		String id = response.path("addContact.contact.id").entity(String.class).get();

		List<AuditEvent> events = this.mongoTemplate.find(new Query(Criteria.where("entityId").is(id)),
				AuditEvent.class);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("addContact");
			assertThat(event.entityType()).isEqualTo("Contact");
			assertThat(event.actor()).isEqualTo("rm_li");
			assertThat(event.entityVersion()).isZero();
			assertThat(event.changes()).contains(new FieldChange("clientId", null, "C-LI-1"),
					new FieldChange("name", null, "王芳"), new FieldChange("mobile", null, MOBILE_MASKED),
					new FieldChange("email", null, "Z***@example.com"),
					new FieldChange("idNumber", null, ID_NUMBER_MASKED));
		});
		assertNoPersonalDataInTheAuditTrail();
		assertThat(this.mongoTemplate.getCollection("contacts")
			.find(new org.bson.Document("pendingOutbox._id", new org.bson.Document("$exists", true)))
			.first()).isNull();
	}

	@Test
	void coRmAddsToTheClientTheyCoManage() {
		add("rm_li", addInput("C-WANG-2")).path("addContact.contact.clientId").entity(String.class)
			.isEqualTo("C-WANG-2");
	}

	@Test
	void optionalFieldsMayBeLeftOut() {
		GraphQlTester.Response response = add("rm_li",
				without(without(without(addInput("C-LI-1"), "title"), "email"), "idNumber"));
		response.path("addContact.errors").entityList(Object.class).hasSize(0);
		response.path("addContact.contact.title").valueIsNull();
		response.path("addContact.contact.email").valueIsNull();
		response.path("addContact.contact.idNumber").valueIsNull();
	}

	@Test
	void everyRoleButRmIsForbiddenAndNothingIsWritten() {
		for (String user : List.of("lead_sun", "mgr_chen", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			add(user, addInput("C-LI-1")).path("addContact.contact").valueIsNull()
				.path("addContact.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		}
		assertNothingWritten();
	}

	@Test
	void anotherRmsClientIsNotFoundExactlyLikeAnUnknownOne() {
		Map<String, Object> other = add("rm_li", addInput("C-ZHANG-1")).returnResponse().toMap();
		Map<String, Object> unknown = add("rm_li", addInput("C-NOPE")).returnResponse().toMap();
		assertThat(other).isEqualTo(unknown);
		add("rm_li", addInput("C-NOPE")).path("addContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
			.path("addContact.errors[0].field").entityList(String.class).containsExactly("input", "clientId");
		assertNothingWritten();
	}

	static Stream<Arguments> invalidFields() {
		return Stream.of(
				Arguments.of("clientId", "", "clientId is required"),
				Arguments.of("clientId", "C LI 1", "letters, digits"),
				Arguments.of("name", "   ", "name is required"),
				Arguments.of("name", "x".repeat(101), "at most 100"),
				Arguments.of("name", "王\n芳", "control characters"),
				Arguments.of("title", "x".repeat(101), "at most 100"),
				Arguments.of("title", "财务\t经理", "control characters"),
				Arguments.of("mobile", " ", "mobile is required"),
				Arguments.of("mobile", "1381234567", "11 digits"),
				Arguments.of("mobile", "138123456789", "11 digits"),
				Arguments.of("mobile", "12812345678", "13 to 19"),
				Arguments.of("mobile", "021-12345678", "11 digits"),
				Arguments.of("mobile", "1381234567a", "11 digits"),
				Arguments.of("mobile", "+1 1381234567", "11 digits"),
				Arguments.of("mobile", "1".repeat(21), "at most 20"),
				Arguments.of("email", "no-at-sign.example.com", "name@example.com"),
				Arguments.of("email", "two@@example.com", "name@example.com"),
				Arguments.of("email", "a@localhost", "name@example.com"),
				Arguments.of("email", "a..b@example.com", "name@example.com"),
				Arguments.of("email", "a b@example.com", "name@example.com"),
				Arguments.of("email", "a@-example.com", "name@example.com"),
				Arguments.of("email", "a@example.c0m", "name@example.com"),
				Arguments.of("email", "x".repeat(65) + "@example.com", "at most 64"),
				Arguments.of("email", "a@" + "x".repeat(250) + ".com", "at most 254"),
				Arguments.of("idNumber", ID_NUMBER.substring(0, 17) + wrongCheck(), "check character"),
				Arguments.of("idNumber", "11010519491331002X", "birth date"),
				Arguments.of("idNumber", "1101051949123100", "18 characters"),
				Arguments.of("idNumber", "11010519491231002Y", "digit or X"),
				Arguments.of("idNumber", "x".repeat(33), "at most 32"));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("invalidFields")
	void anInvalidFieldIsAValidationErrorOnItsPathAndNothingIsWritten(String field, String value, String message) {
		Map<String, Object> input = with(addInput("C-LI-1"), field, value);
		GraphQlTester.Response response = add("rm_li", input);
		response.path("addContact.contact").valueIsNull();
		response.path("addContact.errors[0].code").entity(String.class).isEqualTo("VALIDATION");
		response.path("addContact.errors[0].field").entityList(String.class).containsExactly("input", field);
		response.path("addContact.errors[0].message").entity(String.class)
			.satisfies(text -> assertThat(text).contains(message));
		response.path("addContact.errors").entityList(Object.class).hasSize(1);
		assertNothingWritten();
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Map<String, Object> input = new HashMap<>();
		input.put("clientId", "C-LI-1");
		input.put("name", "");
		input.put("mobile", "12345");
		input.put("email", "nope");
		input.put("idNumber", "123");
		add("rm_li", input).path("addContact.errors[*].field").entityList(Object.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(List.of("input", "name"), List.of("input", "mobile"), List.of("input", "email"),
					List.of("input", "idNumber")));
		assertNothingWritten();
	}

	@Test
	void aLowerCaseCheckXIsReadAsUpperCase() {
		// A sequence number whose check character is X, so that the lower-case form is exercised.
		String first17 = java.util.stream.IntStream.range(0, 1000)
			.mapToObj(seq -> "11010519800101" + String.format("%03d", seq))
			.filter(candidate -> ContactTestData.withCheck(candidate).endsWith("X"))
			.findFirst()
			.orElseThrow();
		add("rm_li", with(addInput("C-LI-1"), "idNumber", first17 + "x")).path("addContact.contact.idNumber")
			.entity(String.class)
			.isEqualTo(first17 + "X");
	}

	@Test
	void stringsThatLookLikeQueriesAreStoredAndReadBackAsText() {
		Map<String, Object> input = with(with(addInput("C-LI-1"), "name", "{\"$gt\": \"\"}"), "title", "a.b$c");
		String id = add("rm_li", input).path("addContact.contact.id").entity(String.class).get();
		as(this.graphQlTester, "rm_li").document(CLIENT_CONTACTS)
			.variable("id", "C-LI-1")
			.execute()
			.path("client.contacts[0].id").entity(String.class).isEqualTo(id)
			.path("client.contacts[0].name").entity(String.class).isEqualTo("{\"$gt\": \"\"}")
			.path("client.contacts[0].title").entity(String.class).isEqualTo("a.b$c");
	}

	@Test
	void aClientHasAtMostFiftyContacts() {
		for (int i = 0; i < ContactBook.MAX_CONTACTS_PER_CLIENT; i++) {
			ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-" + i, "C-LI-1"));
		}
		add("rm_li", addInput("C-LI-1")).path("addContact.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("addContact.errors[0].field").entityList(String.class).containsExactly("input", "clientId");
		assertThat(this.mongoTemplate.count(new Query(), "contacts")).isEqualTo(ContactBook.MAX_CONTACTS_PER_CLIENT);
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	// ---- updateContact -----------------------------------------------------------------------------------------

	@Test
	void updateChangesOnlyTheFieldsGivenAndAuditsThemMasked() {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		GraphQlTester.Response response = update("rm_li",
				Map.of("contactId", "CT-1", "mobile", "13987654321", "title", "CFO", "reason", "new phone",
						"expectedVersion", 0));
		response.path("updateContact.errors").entityList(Object.class).hasSize(0);
		response.path("updateContact.contact.mobile").entity(String.class).isEqualTo("13987654321");
		response.path("updateContact.contact.title").entity(String.class).isEqualTo("CFO");
		response.path("updateContact.contact.email").entity(String.class).isEqualTo(EMAIL);
		response.path("updateContact.contact.idNumber").entity(String.class).isEqualTo(ID_NUMBER);
		response.path("updateContact.contact.version").entity(Integer.class).isEqualTo(1);

		assertThat(this.mongoTemplate.find(new Query(Criteria.where("entityId").is("CT-1")), AuditEvent.class))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.operation()).isEqualTo("updateContact");
				assertThat(event.reason()).isEqualTo("new phone");
				assertThat(event.entityVersion()).isEqualTo(1L);
				assertThat(event.changes()).containsExactly(new FieldChange("title", "财务总监", "CFO"),
						new FieldChange("mobile", MOBILE_MASKED, "139****4321"));
			});
		assertNoPersonalDataInTheAuditTrail();
	}

	@Test
	void nullClearsAnOptionalField() {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		Map<String, Object> input = new HashMap<>(Map.of("contactId", "CT-1", "reason", "left the company",
				"expectedVersion", 0));
		input.put("email", null);
		input.put("idNumber", null);
		input.put("title", "");
		GraphQlTester.Response response = update("rm_li", input);
		response.path("updateContact.contact.email").valueIsNull();
		response.path("updateContact.contact.idNumber").valueIsNull();
		response.path("updateContact.contact.title").valueIsNull();
		response.path("updateContact.contact.mobile").entity(String.class).isEqualTo(MOBILE);
		assertThat(this.mongoTemplate.findById("CT-1", org.bson.Document.class, "contacts"))
			.doesNotContainKeys("email", "idNumber", "title");
		assertThat(this.mongoTemplate.findOne(new Query(), AuditEvent.class).changes())
			.contains(new FieldChange("email", EMAIL_MASKED, null), new FieldChange("idNumber", ID_NUMBER_MASKED, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "name", "mobile" })
	void aRequiredFieldCannotBeCleared(String field) {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		Map<String, Object> input = new HashMap<>(Map.of("contactId", "CT-1", "reason", "r", "expectedVersion", 0));
		input.put(field, null);
		update("rm_li", input).path("updateContact.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("updateContact.errors[0].field").entityList(String.class).containsExactly("input", field);
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	@Test
	void updateChecksEveryFieldReasonAndVersionAtOnce() {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		Map<String, Object> input = new HashMap<>();
		input.put("contactId", "CT-1");
		input.put("name", "x".repeat(101));
		input.put("title", "a\u0000b");
		input.put("mobile", "99");
		input.put("email", "@");
		input.put("idNumber", "11010519491231002Z");
		input.put("reason", " ");
		input.put("expectedVersion", -1);
		update("rm_li", input).path("updateContact.errors[*].field").entityList(Object.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(List.of("input", "name"), List.of("input", "title"), List.of("input", "mobile"),
					List.of("input", "email"), List.of("input", "idNumber"), List.of("input", "reason"),
					List.of("input", "expectedVersion")));
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	@Test
	void anUpdateThatNamesNoFieldOrChangesNothingIsRefusedWithoutAnEvent() {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		update("rm_li", Map.of("contactId", "CT-1", "reason", "r", "expectedVersion", 0))
			.path("updateContact.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("updateContact.errors[0].field").entityList(String.class).containsExactly("input");
		update("rm_li", Map.of("contactId", "CT-1", "mobile", "138 1234 5678", "reason", "r", "expectedVersion", 0))
			.path("updateContact.errors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("Nothing changes"));
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
		assertThat(this.mongoTemplate.findById("CT-1", Contact.class).version()).isZero();
	}

	@Test
	void aStaleVersionIsAConflictNamingTheCurrentOneAndChangesNothing() {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		update("rm_li", Map.of("contactId", "CT-1", "name", "张伟", "reason", "typo", "expectedVersion", 0))
			.path("updateContact.errors").entityList(Object.class).hasSize(0);
		GraphQlTester.Response stale = update("rm_li",
				Map.of("contactId", "CT-1", "name", "张玮", "reason", "typo", "expectedVersion", 0));
		stale.path("updateContact.contact").valueIsNull();
		stale.path("updateContact.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
		stale.path("updateContact.errors[0].field").entityList(String.class).containsExactly("input", "expectedVersion");
		stale.path("updateContact.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		remove("rm_li", "CT-1", 0).path("removeContact.errors[0].code").entity(String.class).isEqualTo("CONFLICT")
			.path("removeContact.errors[0].currentVersion").entity(Integer.class).isEqualTo(1);
		assertThat(this.mongoTemplate.findById("CT-1", Contact.class).name()).isEqualTo("张伟");
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(1);
	}

	@Test
	void onlyTheClientsOwnRmsMayUpdateOrRemove() {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		for (String user : List.of("lead_sun", "mgr_chen", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			update(user, Map.of("contactId", "CT-1", "name", "x", "reason", "r", "expectedVersion", 0))
				.path("updateContact.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
			remove(user, "CT-1", 0).path("removeContact.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		}
		for (String user : List.of("rm_zhang", "rm_wang", "rm_zhao")) {
			update(user, Map.of("contactId", "CT-1", "name", "x", "reason", "r", "expectedVersion", 0))
				.path("updateContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
			remove(user, "CT-1", 0).path("removeContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
				.path("removeContact.errors[0].field").entityList(String.class).containsExactly("input", "contactId");
		}
		assertThat(this.mongoTemplate.findById("CT-1", Contact.class).version()).isZero();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	// ---- removeContact -----------------------------------------------------------------------------------------

	@Test
	void aRemovedContactLeavesTheListButKeepsItsEvents() {
		String id = add("rm_li", addInput("C-LI-1")).path("addContact.contact.id").entity(String.class).get();
		GraphQlTester.Response removed = remove("rm_li", id, 0);
		removed.path("removeContact.errors").entityList(Object.class).hasSize(0);
		removed.path("removeContact.removedContactId").entity(String.class).isEqualTo(id);

		for (String user : List.of("rm_li", "lead_sun", "mgr_chen", "analyst_wu")) {
			as(this.graphQlTester, user).document(CLIENT_CONTACTS).variable("id", "C-LI-1").execute()
				.path("client.contacts").entityList(Object.class).hasSize(0);
		}
		// Gone for every later change and for a reveal, exactly like an unknown id.
		update("rm_li", Map.of("contactId", id, "name", "x", "reason", "r", "expectedVersion", 1))
			.path("updateContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		remove("rm_li", id, 1).path("removeContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		as(this.graphQlTester, "lead_sun").document(ContactTestData.REVEAL)
			.variable("input", Map.of("contactId", id, "purpose", "check"))
			.execute()
			.path("revealContact.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

		List<AuditEvent> events = this.mongoTemplate.find(
				new Query(Criteria.where("entityId").is(id)).with(org.springframework.data.domain.Sort.by("at")),
				AuditEvent.class);
		assertThat(events).extracting(AuditEvent::operation).containsExactlyInAnyOrder("addContact", "removeContact");
		assertThat(events).filteredOn(event -> event.operation().equals("removeContact")).singleElement()
			.satisfies(event -> {
				assertThat(event.reason()).isEqualTo("left the company");
				assertThat(event.entityVersion()).isEqualTo(1L);
				assertThat(event.changes()).containsExactly(new FieldChange("removed", "false", "true"));
			});
		assertThat(this.mongoTemplate.findById(id, Contact.class)).satisfies(contact -> {
			assertThat(contact.removedAt()).isNotNull();
			assertThat(contact.removedBy()).isEqualTo("rm_li");
		});
	}

	@Test
	void removeNeedsAReasonAndAVersion() {
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-1", "C-LI-1"));
		Map<String, Object> input = new HashMap<>();
		input.put("contactId", "CT-1");
		input.put("expectedVersion", -5);
		input.put("reason", "");
		as(this.graphQlTester, "rm_li").document(REMOVE).variable("input", input).execute()
			.path("removeContact.errors[*].field").entityList(Object.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(List.of("input", "reason"), List.of("input", "expectedVersion")));
		assertThat(this.mongoTemplate.findById("CT-1", Contact.class).removedAt()).isNull();
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private GraphQlTester.Response add(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(ADD).variable("input", input).execute();
	}

	private GraphQlTester.Response update(String user, Map<String, Object> input) {
		return as(this.graphQlTester, user).document(UPDATE).variable("input", input).execute();
	}

	private GraphQlTester.Response remove(String user, String contactId, int expectedVersion) {
		return as(this.graphQlTester, user).document(REMOVE)
			.variable("input", Map.of("contactId", contactId, "expectedVersion", expectedVersion, "reason",
					"left the company"))
			.execute();
	}

	private void assertNothingWritten() {
		assertThat(this.mongoTemplate.count(new Query(), "contacts")).isZero();
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

	private void assertNoPersonalDataInTheAuditTrail() {
		assertThat(ContactTestData.auditTrailJson(this.mongoTemplate)).isNotEmpty()
			.doesNotContain(MOBILE, "13987654321", ID_NUMBER, "zhang.wei", "Zhang.Wei");
	}

	private static char wrongCheck() {
		char right = ID_NUMBER.charAt(17);
		return (right == '0') ? '1' : '0';
	}

}
