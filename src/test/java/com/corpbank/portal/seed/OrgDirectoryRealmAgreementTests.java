package com.corpbank.portal.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev realm ({@code infra/keycloak/portal-realm.json}) and the org directory ({@link DemoDirectory}) describe
 * the same people: same Keycloak user ids (the realm import keeps them, so tokens' {@code sub} binds to the
 * directory's RMs), usernames, org units, realm roles and display names.
 */
class OrgDirectoryRealmAgreementTests {

	private static final Path REALM = Path.of("infra/keycloak/portal-realm.json");

	record Entry(String id, String username, String displayName, String orgUnit, List<String> roles) {
	}

	@Test
	void realmUsersAreTheDirectorysPeople() {
		List<Entry> realm = new ArrayList<>();
		for (JsonNode user : JsonMapper.builder().build().readTree(REALM.toFile()).get("users")) {
			JsonNode attributes = user.get("attributes");
			List<String> roles = new ArrayList<>();
			user.get("realmRoles").forEach(role -> roles.add(role.asString()));
			realm.add(new Entry(text(user, "id"), text(user, "username"), attributes.get("display_name").get(0).asString(),
					attributes.get("org_unit").get(0).asString(), List.copyOf(roles)));
		}
		List<Entry> directory = DemoDirectory.get()
			.people()
			.stream()
			.map(person -> new Entry(person.id(), person.username(), person.displayName(), person.orgUnit(),
					person.roles()))
			.toList();
		assertThat(realm).containsExactlyInAnyOrderElementsOf(directory);
	}

	@Test
	void everyPersonHasAUniqueUuidAndAKnownUnit() {
		List<String> ids = DemoDirectory.get().people().stream().map(DemoDirectory.Person::id).toList();
		assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(UUID.fromString(id)).hasToString(id));
		List<String> units = DemoDirectory.get().units().stream().map(unit -> unit.code()).toList();
		assertThat(DemoDirectory.get().people()).allSatisfy(person -> assertThat(units).contains(person.orgUnit()));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		assertThat(value).as(field + " of a realm user").isNotNull();
		return value.asString();
	}

}
