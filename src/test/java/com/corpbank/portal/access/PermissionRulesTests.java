package com.corpbank.portal.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.PortalTest;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission table against the executable schema: every root field has a rule, and every rule names a field
 * that exists. Built from the schema the service runs, so a new Query or Mutation field without a rule fails the
 * build here (and is refused at run time, see {@link PermissionWiringTests}).
 */
@PortalTest
class PermissionRulesTests {

	/**
	 * Rules declared ahead of the features that add their fields (the issue-6 mutations and the personal-data fields
	 * of Client). An entry whose field now exists in the schema fails {@link #rulesDeclaredAheadAreNotYetInTheSchema}:
	 * delete it from this set when the feature is merged, until the set is empty.
	 */
	static final Set<String> DECLARED_AHEAD = Set.of();

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void everyQueryMutationAndSubscriptionFieldHasARule() {
		List<String> missing = rootCoordinates(this.graphQlSource.schema()).stream()
			.filter(coordinate -> Permissions.rule(coordinate).isEmpty())
			.toList();
		assertThat(missing).as("root fields without a rule in access/Permissions").isEmpty();
	}

	@Test
	void everyRuleNamesAFieldOfTheSchema() {
		GraphQLSchema schema = this.graphQlSource.schema();
		List<String> unknown = new ArrayList<>();
		for (String coordinate : new TreeSet<>(Permissions.all().keySet())) {
			if (!exists(schema, coordinate) && !DECLARED_AHEAD.contains(coordinate)) {
				unknown.add(coordinate);
			}
		}
		assertThat(unknown).as("rules naming no field of the schema (a typo, or a field that was removed)")
			.isEmpty();
	}

	@Test
	void rulesDeclaredAheadAreNotYetInTheSchema() {
		GraphQLSchema schema = this.graphQlSource.schema();
		assertThat(DECLARED_AHEAD.stream().filter(coordinate -> exists(schema, coordinate)).sorted().toList())
			.as("fields that now exist: remove them from PermissionRulesTests.DECLARED_AHEAD")
			.isEmpty();
		assertThat(Permissions.all().keySet()).as("DECLARED_AHEAD names only declared rules")
			.containsAll(DECLARED_AHEAD);
	}

	@Test
	void queryAndMutationCoordinatesAreFoundInTheSchema() {
		// Guards the two tests above against passing vacuously on a schema they failed to read.
		assertThat(rootCoordinates(this.graphQlSource.schema())).contains("Query.me", "Query.auditEvents",
				"Mutation.setRiskGrade");
	}

	@Test
	void auditEventsIsTheAuditorsAloneAndMutationsAreNeverOpenToEverySignedInUser() {
		assertThat(Permissions.rule("Query.auditEvents").orElseThrow().roles())
			.containsExactly(Role.AUDITOR);
		assertThat(Permissions.all().entrySet())
			.filteredOn(entry -> entry.getKey().startsWith("Mutation."))
			.allSatisfy(entry -> assertThat(entry.getValue().anySignedIn()).as(entry.getKey()).isFalse());
	}

	/** Query, Mutation and Subscription fields as {@code Type.field}. */
	static List<String> rootCoordinates(GraphQLSchema schema) {
		List<String> coordinates = new ArrayList<>();
		for (GraphQLObjectType root : new GraphQLObjectType[] { schema.getQueryType(), schema.getMutationType(),
				schema.getSubscriptionType() }) {
			if (root != null) {
				root.getFieldDefinitions().forEach(field -> coordinates.add(root.getName() + "." + field.getName()));
			}
		}
		return coordinates;
	}

	/** The Mutation fields of the schema, by name. */
	static List<String> mutationNames(GraphQLSchema schema) {
		GraphQLObjectType mutation = schema.getMutationType();
		return (mutation != null) ? mutation.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList()
				: List.of();
	}

	private static boolean exists(GraphQLSchema schema, String coordinate) {
		int dot = coordinate.indexOf('.');
		GraphQLType type = schema.getType(coordinate.substring(0, dot));
		return type instanceof GraphQLFieldsContainer container
				&& container.getFieldDefinition(coordinate.substring(dot + 1)) != null;
	}

}
