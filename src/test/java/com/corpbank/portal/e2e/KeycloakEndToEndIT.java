package com.corpbank.portal.e2e;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.PortalApplication;
import com.corpbank.portal.seed.DemoDirectory;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on real parts: the real Keycloak with the project's realm issues the tokens (password grant of the
 * dev client, which this context allows as the local profile does), the service validates them against the
 * realm's JWKS, and the demo seed is the data. Expected scopes are counted straight from the store with plain
 * queries, independently of the service's scope code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=true",
				"portal.security.allowed-clients=portal-spa,portal-cli" })
@AutoConfigureHttpGraphQlTester
class KeycloakEndToEndIT {

	private static KeycloakProcess keycloak;

	@DynamicPropertySource
	static void realKeycloak(DynamicPropertyRegistry registry) {
		keycloak = KeycloakProcess.shared();
		registry.add("portal.security.issuer-uri", keycloak::issuer);
		registry.add("portal.security.jwk-set-uri", keycloak::jwkSetUri);
	}

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Test
	void demoBookIsSeeded() {
		assertThat(this.mongoTemplate.getCollection("clients").countDocuments()).isGreaterThanOrEqualTo(300);
	}

	@Test
	void rmLiSeesExactlyTheClientsTheyServe() {
		HttpGraphQlTester rmLi = as("rm_li");
		rmLi.document("{ me { username displayName roles orgUnit { code name } } }").execute()
			.path("me.username").entity(String.class).isEqualTo("rm_li")
			.path("me.displayName").entity(String.class).isEqualTo("李明")
			.path("me.roles").entityList(String.class).containsExactly("RM")
			.path("me.orgUnit.code").entity(String.class).isEqualTo("SH-PD-T1");

		long expected = countInStore(new Document("managerUsernames", "rm_li"));
		List<Map<String, Object>> nodes = allClients(rmLi);
		assertThat(nodes).hasSize((int) expected).isNotEmpty();
		assertThat(nodes).allSatisfy(node -> assertThat(managerUsernames(node)).contains("rm_li"));

		String notServed = idOfAClient(new Document("managerUsernames", new Document("$ne", "rm_li")));
		rmLi.document("query($id: ID!) { client(id: $id) { id } }").variable("id", notServed).execute()
			.path("client").valueIsNull();
	}

	@Test
	void leadSunSeesEveryClientOfTheirTeam() {
		long expected = countInStore(new Document("orgUnits", "SH-PD-T1"));
		List<Map<String, Object>> nodes = allClients(as("lead_sun"));
		assertThat(nodes).hasSize((int) expected);
		assertThat(nodes).allSatisfy(node -> assertThat(teamCodes(node)).contains("SH-PD-T1"));
		// more than any single RM of the team: the lead sees rm_li's and rm_zhang's clients
		assertThat(expected).isGreaterThan(countInStore(new Document("managerUsernames", "rm_li")));
	}

	@Test
	void mgrChenSeesTheShanghaiBranchAndNothingOfBeijingAlone() {
		long expected = countInStore(new Document("orgUnits", "SH"));
		List<Map<String, Object>> nodes = allClients(as("mgr_chen"));
		assertThat(nodes).hasSize((int) expected);
		assertThat(nodes).allSatisfy(node -> assertThat(teamCodes(node)).anyMatch(team -> team.startsWith("SH-")));

		String beijingOnly = idOfAClient(new Document("orgUnits", new Document("$ne", "SH")));
		as("mgr_chen").document("query($id: ID!) { client(id: $id) { id } }").variable("id", beijingOnly).execute()
			.path("client").valueIsNull();
	}

	@Test
	void analystWuSeesTheWholeBook() {
		long all = this.mongoTemplate.getCollection("clients").countDocuments();
		as("analyst_wu").document("{ clients(first: 1) { totalCount } }").execute()
			.path("clients.totalCount").entity(Long.class).isEqualTo(all);
	}

	@Test
	void realmTokensCarryTheDirectorysUserIdAsSubject() {
		for (String username : List.of("rm_li", "lead_sun", "mgr_chen")) {
			Map<String, Object> claims = payload(keycloak.accessToken(username));
			assertThat(claims).containsEntry("sub", DemoDirectory.get().person(username).id())
				.containsEntry("preferred_username", username)
				.containsEntry("azp", "portal-cli");
		}
	}

	@Test
	void aRealDevClientTokenIsRefusedByADeploymentThatDoesNotAllowIt() {
		String token = keycloak.accessToken("rm_li");
		// The same service with production's client list (portal-spa only), beside this context.
		// Command-line arguments: they outrank application.yml (builder "properties" would not).
		try (ConfigurableApplicationContext production = new SpringApplicationBuilder(PortalApplication.class).run(
				"--server.port=0", "--portal.store.data-dir=", "--portal.store.mongodb-uri=",
				"--portal.demo-data.enabled=false", "--portal.security.issuer-uri=" + keycloak.issuer(),
				"--portal.security.jwk-set-uri=" + keycloak.jwkSetUri())) {
			String port = production.getEnvironment().getProperty("local.server.port");
			WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
			http.post().uri("/graphql")
				.headers(headers -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", "{ me { username } }"))
				.exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		}
		// ... and accepted here, where the dev client is allowed.
		as("rm_li").document("{ me { username } }").execute().path("me.username").entity(String.class).isEqualTo("rm_li");
	}

	@Test
	void theSpaClientCannotUseThePasswordGrant() {
		assertThat(keycloak.passwordGrant("portal-spa", "rm_li").statusCode()).isIn(400, 401);
	}

	private HttpGraphQlTester as(String username) {
		String token = keycloak.accessToken(username);
		return this.graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
	}

	private List<Map<String, Object>> allClients(HttpGraphQlTester tester) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = tester.document("""
					query($after: String) {
					  clients(first: 100, after: $after) {
					    edges { node { id primaryManager { username team { code } } coManagers { username team { code } } } }
					    pageInfo { hasNextPage endCursor }
					  }
					}
					""").variable("after", after).execute();
			nodes.addAll(page.path("clients.edges[*].node").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get());
			hasNext = page.path("clients.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("clients.pageInfo.endCursor").entity(String.class).get();
		}
		return nodes;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> managers(Map<String, Object> node) {
		List<Map<String, Object>> managers = new ArrayList<>();
		managers.add((Map<String, Object>) node.get("primaryManager"));
		managers.addAll((List<Map<String, Object>>) node.get("coManagers"));
		return managers;
	}

	private static List<String> managerUsernames(Map<String, Object> node) {
		return managers(node).stream().map(manager -> (String) manager.get("username")).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> teamCodes(Map<String, Object> node) {
		return managers(node).stream()
			.map(manager -> (String) ((Map<String, Object>) manager.get("team")).get("code"))
			.toList();
	}

	private static Map<String, Object> payload(String jwt) {
		byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
		return JsonMapper.builder().build().readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	private long countInStore(Document filter) {
		return this.mongoTemplate.getCollection("clients").countDocuments(filter);
	}

	private String idOfAClient(Document filter) {
		Document client = this.mongoTemplate.getCollection("clients").find(filter).first();
		assertThat(client).as("a client matching " + filter.toJson()).isNotNull();
		return client.getString("_id");
	}

}
