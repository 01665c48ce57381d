package com.corpbank.portal.industry;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;

/** A client's industry carries its section's outlook; the client its onboarding date. */
@PortalTest
class IndustryOutlookQueryTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void theClientsIndustryShowsItsSectionsOutlook() {
		as(this.graphQlTester, "rm_wang").document("""
				{ client(id: "C-WANG-2") { onboardedOn industry { section outlook { section growth competition points } } } }""")
			.execute()
			.path("client.onboardedOn").entity(String.class).isEqualTo("2012-03-01")
			.path("client.industry.outlook.section").entity(String.class).isEqualTo("I")
			.path("client.industry.outlook.growth").entity(String.class).isEqualTo("0.090")
			.path("client.industry.outlook.competition").entity(String.class).isEqualTo("HIGH")
			.path("client.industry.outlook.points").entity(Integer.class).isEqualTo(85);
	}

}
