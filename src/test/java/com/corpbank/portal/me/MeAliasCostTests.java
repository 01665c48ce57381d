package com.corpbank.portal.me;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each alias of {@code me} is its own {@code Me}; its {@code orgUnit} is still one store command per request, even
 * with 50 aliases (the root-field and alias limits raised for this context, closed afterwards).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=false",
				"portal.graphql.max-root-fields=50", "portal.graphql.max-aliases=50" })
@AutoConfigureHttpGraphQlTester
@Import(PortalTestConfiguration.class)
@DirtiesContext
class MeAliasCostTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	MongoCommandCounter commands;

	@Test
	void meAliasedFiftyTimesCostsOneStoreCommand() {
		new ClientBookFixture(this.mongoTemplate).load();
		assertThat(MeTests.commandsForAliasedMe(this.graphQlTester, this.commands, 50)).hasSizeLessThanOrEqualTo(1);
	}

}
