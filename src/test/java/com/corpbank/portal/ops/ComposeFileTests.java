package com.corpbank.portal.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/compose/compose.yaml, which cannot run here (no Docker): read as YAML, it has the services, a 3-member replica
 * set the API's URI names, the realm of infra/keycloak imported, the API's image a variable, and only settings the
 * service reads.
 */
class ComposeFileTests {

	private static final Path COMPOSE = Path.of("infra", "compose", "compose.yaml");

	private static Map<String, Object> compose;

	@BeforeAll
	static void read() throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		compose = new Yaml(options).load(Files.readString(COMPOSE));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(String name) {
		return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(String name) {
		return (Map<String, String>) service(name).get("environment");
	}

	@Test
	void hasTheReplicaSetItsInitJobKeycloakAndTheApi() {
		assertThat(stringList(List.copyOf(((Map<?, ?>) compose.get("services")).keySet())))
			.containsExactlyInAnyOrder("mongo1", "mongo2", "mongo3", "mongo-init", "keycloak", "api");
		for (String member : List.of("mongo1", "mongo2", "mongo3")) {
			assertThat(service(member).get("command")).as(member).isEqualTo(List.of("mongod", "--replSet", "rs0", "--bind_ip_all"));
			assertThat(service(member).get("hostname")).isEqualTo(member);
		}
		String init = String.join("\n", stringList(service("mongo-init").get("command")));
		assertThat(init).contains("rs.initiate", "_id: 'rs0'", "mongo1:27017", "mongo2:27017", "mongo3:27017");
		assertThat(stringList(List.copyOf(((Map<?, ?>) service("mongo-init").get("depends_on")).keySet()))).containsExactlyInAnyOrder("mongo1", "mongo2", "mongo3");
	}

	@Test
	void theApiUsesTheReplicaSetAndWaitsForItsInitAndKeycloak() {
		Map<String, String> env = environment("api");
		assertThat(env.get("MONGODB_URI"))
			.isEqualTo("mongodb://mongo1:27017,mongo2:27017,mongo3:27017/portal?replicaSet=rs0");
		Map<?, ?> dependsOn = (Map<?, ?>) service("api").get("depends_on");
		assertThat(dependsOn.get("mongo-init")).isEqualTo(Map.of("condition", "service_completed_successfully"));
		assertThat(dependsOn.get("keycloak")).isEqualTo(Map.of("condition", "service_healthy"));
		assertThat((String) service("api").get("image")).startsWith("${PORTAL_IMAGE");
		assertThat(env).containsEntry("MANAGEMENT_SERVER_PORT", "8081").containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		// The management port (health, Prometheus) is published on the loopback interface only.
		assertThat(stringList(service("api").get("ports"))).contains("8080:8080", "127.0.0.1:8081:8081");
	}

	@Test
	void keycloakImportsTheRealmOfInfraKeycloakAndTheApiTrustsThatRealm() {
		List<String> volumes = stringList(service("keycloak").get("volumes"));
		assertThat(volumes).hasSize(1);
		String[] mount = volumes.get(0).split(":");
		assertThat(COMPOSE.getParent().resolve(mount[0]).normalize()).isEqualTo(Path.of("infra", "keycloak", "portal-realm.json"));
		assertThat(Files.isRegularFile(COMPOSE.getParent().resolve(mount[0]))).isTrue();
		assertThat(mount[1]).startsWith("/opt/keycloak/data/import/");
		assertThat(stringList(service("keycloak").get("command"))).contains("--import-realm", "--hostname=http://localhost:8180");
		assertThat(environment("api").get("KEYCLOAK_ISSUER_URI")).isEqualTo("http://localhost:8180/realms/portal");
		assertThat(environment("api").get("KEYCLOAK_JWK_SET_URI")).startsWith("http://keycloak:8180/realms/portal/");
	}

	@Test
	void everyVariableOfTheApiIsASettingTheServiceReads() throws IOException {
		Set<String> placeholders = OpsManifestsTests.placeholders(Path.of("src/main/resources/application.yml"));
		Set<String> bootProperties = OpsManifestsTests.bootPropertiesAsEnvironmentVariables();
		assertThat(environment("api").keySet()).allSatisfy(name -> assertThat(placeholders.contains(name)
				|| bootProperties.contains(name) || name.equals("JAVA_TOOL_OPTIONS"))
			.as("%s is neither a placeholder of application.yml nor a Spring Boot property", name)
			.isTrue());
	}

	private static List<String> stringList(Object value) {
		return ((List<?>) value).stream().map(String::valueOf).toList();
	}

}
