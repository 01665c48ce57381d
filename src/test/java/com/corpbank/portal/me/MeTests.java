package com.corpbank.portal.me;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.withToken;
import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class MeTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

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
	void meAliasedUpToTheRootFieldLimitCostsOneStoreCommand() {
		// 10 root fields is production's max-root-fields; MeAliasCostTests raises the limit to 50.
		assertThat(commandsForAliasedMe(this.graphQlTester, this.commands, 10)).hasSizeLessThanOrEqualTo(1);
	}

	/** Asks for {@code me { orgUnit }} under {@code aliases} aliases as lead_sun; the store commands it cost. */
	static List<String> commandsForAliasedMe(HttpGraphQlTester graphQlTester, MongoCommandCounter commands,
			int aliases) {
		String document = IntStream.range(0, aliases)
			.mapToObj(i -> "m" + i + ": me { username orgUnit { code name } }")
			.collect(Collectors.joining("\n", "{\n", "\n}"));
		commands.reset();
		as(graphQlTester, "lead_sun").document(document).execute()
			.path("m0.orgUnit.code").entity(String.class).isEqualTo("SH-PD-T1")
			.path("m" + (aliases - 1) + ".orgUnit.name").entity(String.class).isEqualTo("浦东公司业务一团队");
		return commands.dataCommands();
	}

	@Test
	void anOrgUnitTheDirectoryDoesNotKnowIsNull() {
		withToken(this.graphQlTester,
				TestIdentityProvider.get().token("lead_sun", claims -> claims.claim("org_unit", "XX-UNKNOWN")))
			.documentName("me").execute()
			.path("me.username").entity(String.class).isEqualTo("lead_sun")
			.path("me.orgUnit").valueIsNull();
	}

	@Test
	void aUserWithoutPortalRolesStillSeesThemselves() {
		as(this.graphQlTester, "nobody").documentName("me").execute()
			.path("me.roles").entityList(String.class).hasSize(0)
			.path("me.orgUnit.code").entity(String.class).isEqualTo("HO");
	}

}
