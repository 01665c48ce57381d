package com.corpbank.portal.support;

import java.util.List;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Per-role testers: the same HTTP tester with a demo user's bearer token. */
public final class Testers {

	private Testers() {
	}

	public static HttpGraphQlTester as(HttpGraphQlTester tester, String username) {
		return withToken(tester, TestIdentityProvider.get().token(username));
	}

	/** The tester with this bearer token, e.g. one with claims changed ({@link TestIdentityProvider#token}). */
	public static HttpGraphQlTester withToken(HttpGraphQlTester tester, String token) {
		return tester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
	}

	/** Ids of every client the user sees in one large page (the fixture is small). */
	public static List<String> visibleClientIds(HttpGraphQlTester tester, String username) {
		return clientIds(as(tester, username));
	}

	/** Ids of every client the already authenticated tester sees in one large page. */
	public static List<String> clientIds(HttpGraphQlTester authenticated) {
		return authenticated.documentName("clientIds")
			.execute()
			.path("clients.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

}
