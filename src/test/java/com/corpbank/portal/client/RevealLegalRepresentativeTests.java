package com.corpbank.portal.client;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** A lead who sees the legal representative's ID number masked may reveal it with a purpose, audited once. */
@PortalTest
class RevealLegalRepresentativeTests {

	private static final String REVEAL = """
			mutation($input: RevealLegalRepresentativeInput!) {
			  revealLegalRepresentative(input: $input) {
			    legalRepresentative { name idNumber }
			    errors { code field message }
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

	@Test
	void aLeadRevealsTheFullIdNumberAndTheRevealIsAuditedOnceWithItsPurpose() {
		reveal("lead_sun", "C-LI-1", "授信审查核实法人身份")
			.path("revealLegalRepresentative.errors").entityList(Object.class).hasSize(0)
			.path("revealLegalRepresentative.legalRepresentative.idNumber").entity(String.class)
			.isEqualTo(ClientBookFixture.legalRepresentativeIdNumber("C-LI-1"));

		List<AuditEvent> events = this.mongoTemplate.findAll(AuditEvent.class);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.operation()).isEqualTo("revealLegalRepresentative");
			assertThat(event.actor()).isEqualTo("lead_sun");
			assertThat(event.entityId()).isEqualTo("C-LI-1");
			assertThat(event.reason()).isEqualTo("授信审查核实法人身份");
			assertThat(event.changes()).isEmpty();
		});
		// A reveal changes nothing: the client keeps its version.
		assertThat(this.mongoTemplate.findById("C-LI-1", Client.class).version()).isIn(0L, null);
	}

	@Test
	void aPurposeIsRequiredAndNothingIsAuditedWithoutIt() {
		reveal("mgr_chen", "C-LI-1", " ")
			.path("revealLegalRepresentative.legalRepresentative").valueIsNull()
			.path("revealLegalRepresentative.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("revealLegalRepresentative.errors[0].field").entityList(String.class).containsExactly("input", "purpose");
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
	}

	@Test
	void outOfScopeOrMissingIsNotFoundAndOtherRolesAreForbidden() {
		reveal("lead_sun", "C-WANG-1", "x").path("revealLegalRepresentative.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		reveal("lead_sun", "C-NOPE", "x").path("revealLegalRepresentative.errors[0].code").entity(String.class)
			.isEqualTo("NOT_FOUND");
		for (String user : List.of("rm_li", "analyst_wu", "risk_zhou", "admin", "auditor_qian")) {
			reveal(user, "C-LI-1", "x").path("revealLegalRepresentative.errors[0].code").entity(String.class)
				.isEqualTo("FORBIDDEN");
		}
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
	}

	@Test
	void aClientWithoutALegalRepresentativeHasNothingToReveal() {
		this.mongoTemplate.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id")
			.is("C-LI-1")), new Update().unset("legalRepresentative"), Client.class);
		reveal("lead_sun", "C-LI-1", "x")
			.path("revealLegalRepresentative.errors[0].code").entity(String.class).isEqualTo("VALIDATION")
			.path("revealLegalRepresentative.errors[0].field").entityList(String.class).containsExactly("input", "clientId");
		assertThat(this.mongoTemplate.count(new Query(), AuditEvent.class)).isZero();
	}

	private GraphQlTester.Response reveal(String user, String clientId, String purpose) {
		return as(this.graphQlTester, user).document(REVEAL)
			.variable("input", Map.of("clientId", clientId, "purpose", purpose))
			.execute();
	}

}
