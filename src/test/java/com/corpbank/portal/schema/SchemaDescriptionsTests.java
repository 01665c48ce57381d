package com.corpbank.portal.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs pane of GraphiQL and the SPA's generated types show the SDL's descriptions: every type, field,
 * argument, input field and enum value of {@code schema/} has one (the README promises it).
 */
class SchemaDescriptionsTests {

	@Test
	void everyElementOfTheSchemaIsDescribed() throws Exception {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse(SchemaArtifact.print(Path.of("schema"))), RuntimeWiring.MOCKED_WIRING);
		List<String> undescribed = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			String name = type.getName();
			if (name.startsWith("__") || List.of("String", "Int", "Float", "Boolean", "ID").contains(name)) {
				continue;
			}
			check(undescribed, name, type.getDescription());
			if (type instanceof GraphQLFieldsContainer container) {
				container.getFieldDefinitions().forEach(field -> {
					check(undescribed, name + "." + field.getName(), field.getDescription());
					field.getArguments()
						.forEach(argument -> check(undescribed, name + "." + field.getName() + "(" + argument.getName()
								+ ")", argument.getDescription()));
				});
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.forEach(field -> check(undescribed, name + "." + field.getName(), field.getDescription()));
			}
			if (type instanceof GraphQLEnumType enumType) {
				enumType.getValues()
					.forEach(value -> check(undescribed, name + "." + value.getName(), value.getDescription()));
			}
		}
		assertThat(undescribed).as("elements of schema/ without a description").isEmpty();
	}

	private static void check(List<String> undescribed, String element, String description) {
		if (description == null || description.isBlank()) {
			undescribed.add(element);
		}
	}

}
