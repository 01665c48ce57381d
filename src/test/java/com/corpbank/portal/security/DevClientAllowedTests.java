package com.corpbank.portal.security;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTestConfiguration;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A deployment that lists the dev client (as the local profile does) accepts its tokens; one that does not (the
 * default) refuses them ({@link TokenIdentityTests}). Its own context, closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=false",
				"portal.security.allowed-clients=portal-spa,portal-cli" })
@AutoConfigureHttpGraphQlTester
@Import(PortalTestConfiguration.class)
@DirtiesContext
class DevClientAllowedTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void devClientTokenIsAcceptedWhereConfigured() {
		String token = TestIdentityProvider.get().token("rm_li", claims -> claims.claim("azp", "portal-cli"));
		this.graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build()
			.document("{ me { username } clients(first: 10) { totalCount } }")
			.execute()
			.path("me.username").entity(String.class).isEqualTo("rm_li")
			.path("clients.totalCount").entity(Integer.class).isEqualTo(3);
	}

}
