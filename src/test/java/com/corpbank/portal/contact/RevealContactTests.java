package com.corpbank.portal.contact;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.contact.ContactTestData.CLIENT_CONTACTS;
import static com.corpbank.portal.contact.ContactTestData.EMAIL;
import static com.corpbank.portal.contact.ContactTestData.ID_NUMBER;
import static com.corpbank.portal.contact.ContactTestData.MOBILE;
import static com.corpbank.portal.contact.ContactTestData.MOBILE_MASKED;
import static com.corpbank.portal.contact.ContactTestData.REVEAL;
import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** revealContact: leads only, within their unit, with a purpose, and every reveal audited exactly once. */
@PortalTest
class RevealContactTests {

	private static final String PURPOSE = "客户授信审查需核实联系人身份";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		ContactTestData.store(this.mongoTemplate, ContactTestData.contact("CT-LI-1", "C-LI-1"),
				ContactTestData.contact("CT-WANG-1", "C-WANG-1"), ContactTestData.contact("CT-ZHAO-1", "C-ZHAO-1"));
	}

	@Test
	void teamLeadSeesTheContactInFullAndTheRevealIsAuditedOnceWithoutPersonalData() {
		GraphQlTester.Response response = reveal("lead_sun", "CT-LI-1", PURPOSE);
		response.path("revealContact.errors").entityList(Object.class).hasSize(0);
		response.path("revealContact.contact.mobile").entity(String.class).isEqualTo(MOBILE)
			.path("revealContact.contact.email").entity(String.class).isEqualTo(EMAIL)
			.path("revealContact.contact.idNumber").entity(String.class).isEqualTo(ID_NUMBER)
			.path("revealContact.contact.masked").entity(Boolean.class).isEqualTo(false);

		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("revealContact");
			assertThat(event.actor()).isEqualTo("lead_sun");
			assertThat(event.entityType()).isEqualTo("Contact");
			assertThat(event.entityId()).isEqualTo("CT-LI-1");
			assertThat(event.entityVersion()).isNull();
			assertThat(event.reason()).isEqualTo(PURPOSE);
			assertThat(event.changes()).isEmpty();
			assertThat(event.requestId()).isNotBlank();
		});
		assertThat(ContactTestData.auditTrailJson(this.mongoTemplate)).doesNotContain(MOBILE, ID_NUMBER, "zhang.wei");
		// A reveal shows the contact once; the list stays masked and the contact unchanged.
		as(this.graphQlTester, "lead_sun").document(CLIENT_CONTACTS).variable("id", "C-LI-1").execute()
			.path("client.contacts[0].mobile").entity(String.class).isEqualTo(MOBILE_MASKED)
			.path("client.contacts[0].version").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void branchManagerRevealsWithinTheBranchAndEachRevealIsItsOwnEvent() {
		reveal("mgr_chen", "CT-WANG-1", PURPOSE).path("revealContact.contact.idNumber").entity(String.class)
			.isEqualTo(ID_NUMBER);
		reveal("mgr_chen", "CT-WANG-1", "second look").path("revealContact.errors").entityList(Object.class)
			.hasSize(0);
		assertThat(this.mongoTemplate.findAll(AuditEvent.class)).extracting(AuditEvent::reason)
			.containsExactlyInAnyOrder(PURPOSE, "second look");
	}

	@Test
	void analystRmRiskAdminAndAuditorAreForbiddenAndNothingIsRecorded() {
		for (String user : List.of("analyst_wu", "rm_li", "risk_zhou", "admin", "auditor_qian")) {
			reveal(user, "CT-LI-1", PURPOSE).path("revealContact.contact").valueIsNull()
				.path("revealContact.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
		}
		assertNoEvent();
	}

	@Test
	void aContactOutsideTheLeadsUnitIsNotFoundExactlyLikeAnUnknownOne() {
		Map<String, Object> otherTeam = reveal("lead_sun", "CT-WANG-1", PURPOSE).returnResponse().toMap();
		Map<String, Object> unknown = reveal("lead_sun", "CT-NOPE", PURPOSE).returnResponse().toMap();
		assertThat(otherTeam).isEqualTo(unknown);
		reveal("lead_sun", "CT-WANG-1", PURPOSE).path("revealContact.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND")
			.path("revealContact.errors[0].field").entityList(String.class).containsExactly("input", "contactId");
		reveal("mgr_chen", "CT-ZHAO-1", PURPOSE).path("revealContact.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		assertNoEvent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "line\nbreak" })
	void aMissingOrUnplainPurposeIsAValidationErrorAndNothingIsRecorded(String purpose) {
		reveal("lead_sun", "CT-LI-1", purpose).path("revealContact.contact").valueIsNull()
			.path("revealContact.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("revealContact.errors[0].field").entityList(String.class).containsExactly("input", "purpose");
		assertNoEvent();
	}

	@Test
	void aPurposeIsAtMostTwoHundredCharacters() {
		reveal("lead_sun", "CT-LI-1", "查".repeat(201)).path("revealContact.errors[0].code").entity(String.class)
			.isEqualTo("VALIDATION");
		assertNoEvent();
		reveal("lead_sun", "CT-LI-1", "查".repeat(200)).path("revealContact.errors").entityList(Object.class)
			.hasSize(0);
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isEqualTo(1);
	}

	private GraphQlTester.Response reveal(String user, String contactId, String purpose) {
		return as(this.graphQlTester, user).document(REVEAL)
			.variable("input", Map.of("contactId", contactId, "purpose", purpose))
			.execute();
	}

	private void assertNoEvent() {
		assertThat(this.mongoTemplate.count(new Query(), "audit_events")).isZero();
	}

}
