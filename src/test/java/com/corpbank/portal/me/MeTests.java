package com.corpbank.portal.me;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;

@PortalTest
class MeTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void meShowsTheTokensUserRolesAndOrgUnitIgnoringKeycloaksOwnRoles() {
		as(this.graphQlTester, "lead_sun").documentName("me").execute().path("me").matchesJson("""
				{ "username": "lead_sun", "displayName": "孙磊", "roles": ["TEAM_LEAD"],
				  "orgUnit": { "code": "SH-PD-T1", "name": "浦东公司业务一团队", "type": "TEAM" } }
				""");
	}

	@Test
	void meListsEveryPortalRoleOfAMultiRoleUser() {
		as(this.graphQlTester, "lead_rm_wang").documentName("me").execute()
			.path("me.roles").entityList(String.class).containsExactly("RM", "TEAM_LEAD");
	}

	@Test
	void aUserWithoutPortalRolesStillSeesThemselves() {
		as(this.graphQlTester, "nobody").documentName("me").execute()
			.path("me.roles").entityList(String.class).hasSize(0)
			.path("me.orgUnit.code").entity(String.class).isEqualTo("HO");
	}

}
