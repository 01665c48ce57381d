package com.corpbank.portal.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo bank's org directory, read from {@value #RESOURCE}: the one source of its org tree and people. The demo
 * seed and the test fixtures both read it, and the Keycloak realm must agree with it (a test checks), so that the
 * directory's relationship managers are bound to the very user ids Keycloak puts in {@code sub}.
 *
 * @param units the org tree, parents before children
 * @param people every demo user; those with the RM role are the relationship managers
 */
public record DemoDirectory(List<OrgUnit> units, List<Person> people) {

	public static final String RESOURCE = "reference/org-directory.json";

	private static final DemoDirectory INSTANCE = read();

	public DemoDirectory {
		units = List.copyOf(units);
		people = List.copyOf(people);
	}

	/**
	 * A person of the directory.
	 *
	 * @param id their Keycloak user id (the token's {@code sub}), stable across renames
	 * @param orgUnit code of their unit
	 * @param roles realm role names
	 */
	public record Person(String id, String username, String displayName, String orgUnit, List<String> roles) {

		public Person {
			roles = List.copyOf(roles);
		}

		public boolean isRelationshipManager() {
			return this.roles.contains("RM");
		}

	}

	public static DemoDirectory get() {
		return INSTANCE;
	}

	/** The RM records, each bound to the person's Keycloak user id. */
	public List<RelationshipManager> managers() {
		return this.people.stream()
			.filter(Person::isRelationshipManager)
			.map(person -> new RelationshipManager(person.username(), person.displayName(), person.orgUnit(),
					person.id()))
			.toList();
	}

	public Person person(String username) {
		return this.people.stream()
			.filter(person -> person.username().equals(username))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no person " + username + " in " + RESOURCE));
	}

	// ---- Reading the file ------------------------------------------------------------------------------------

	private record UnitEntry(String code, String name, OrgUnitType type, @Nullable String parent) {
	}

	private record FileContent(@Nullable String about, List<UnitEntry> units, List<Person> people) {
	}

	private static DemoDirectory read() {
		try (InputStream in = DemoDirectory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			FileContent content = JsonMapper.builder().build().readValue(in, FileContent.class);
			Map<String, List<String>> paths = new LinkedHashMap<>();
			List<OrgUnit> units = new ArrayList<>();
			for (UnitEntry unit : content.units()) {
				List<String> path = new ArrayList<>();
				if (unit.parent() != null) {
					List<String> parentPath = paths.get(unit.parent());
					if (parentPath == null) {
						throw new IllegalStateException(unit.code() + " is listed before its parent " + unit.parent());
					}
					path.addAll(parentPath);
				}
				path.add(unit.code());
				paths.put(unit.code(), List.copyOf(path));
				units.add(new OrgUnit(unit.code(), unit.name(), unit.type(), unit.parent(), List.copyOf(path)));
			}
			for (Person person : content.people()) {
				if (!paths.containsKey(person.orgUnit())) {
					throw new IllegalStateException(person.username() + " belongs to unknown unit " + person.orgUnit());
				}
			}
			return new DemoDirectory(units, content.people());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
