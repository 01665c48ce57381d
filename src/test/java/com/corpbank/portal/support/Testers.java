package com.corpbank.portal.support;

import java.util.List;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Per-role testers: the same HTTP tester with a demo user's bearer token. */
public final class Testers {

	private Testers() {
	}

	public static HttpGraphQlTester as(HttpGraphQlTester tester, String username) {
		String token = TestIdentityProvider.get().token(username);
		return tester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
	}

	/** Ids of every client the user sees in one large page (the fixture is small). */
	public static List<String> visibleClientIds(HttpGraphQlTester tester, String username) {
		return as(tester, username).documentName("clientIds")
			.execute()
			.path("clients.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

}
