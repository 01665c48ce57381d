package com.corpbank.portal.schema;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.language.AbstractDescribedNode;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
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
 * The SDL artifact the build writes for the SPA ({@code ${build.dir}/schema/portal.graphqls}, by the
 * {@code schema-artifact} execution in {@code process-test-classes}): one file that builds on its own and holds
 * every type, field, input field and enum value of {@code schema/}, with their descriptions.
 */
class SchemaArtifactTests {

	private static final Path SCHEMA = Path.of("schema");

	@Test
	void artifactIsTheCurrentSchemaPrinted() throws Exception {
		assertThat(Files.readString(artifact(), StandardCharsets.UTF_8))
			.as("the artifact is printed from the current schema/ files")
			.isEqualTo(SchemaArtifact.print(SCHEMA));
	}

	@Test
	void artifactBuildsOnItsOwnAndHoldsEveryElementOfTheSchemaFolder() throws Exception {
		String sdl = Files.readString(artifact(), StandardCharsets.UTF_8);
		GraphQLSchema published = new SchemaGenerator()
			.makeExecutableSchema(new SchemaParser().parse(sdl), RuntimeWiring.MOCKED_WIRING);

		List<String> expected = new ArrayList<>();
		for (Path file : SchemaArtifact.schemaFiles(SCHEMA)) {
			Document document = Parser.parse(Files.readString(file, StandardCharsets.UTF_8));
			for (Definition<?> definition : document.getDefinitions()) {
				if (definition instanceof TypeDefinition<?> type) {
					expected.addAll(elementsOf(type));
					if (type instanceof AbstractDescribedNode<?> described && described.getDescription() != null) {
						assertThat(((GraphQLNamedType) published.getType(type.getName())).getDescription()).as(type.getName())
							.isEqualTo(described.getDescription().getContent());
					}
				}
			}
		}
		assertThat(expected).as("schema/ declares types").contains("Query", "Client", "Decimal", "ValueTierCode");
		assertThat(elementsOf(published)).containsAll(expected);
		assertThat(sdl).doesNotContain("extend type").contains("贵宾");
	}

	private static List<String> elementsOf(TypeDefinition<?> type) {
		List<String> names = new ArrayList<>(List.of(type.getName()));
		if (type instanceof ImplementingTypeDefinition<?> object) {
			for (FieldDefinition field : object.getFieldDefinitions()) {
				names.add(type.getName() + "." + field.getName());
			}
		}
		if (type instanceof InputObjectTypeDefinition input) {
			input.getInputValueDefinitions().forEach(field -> names.add(type.getName() + "." + field.getName()));
		}
		if (type instanceof EnumTypeDefinition enumeration) {
			enumeration.getEnumValueDefinitions().forEach(value -> names.add(type.getName() + "." + value.getName()));
		}
		return names;
	}

	private static List<String> elementsOf(GraphQLSchema schema) {
		List<String> names = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			names.add(type.getName());
			if (type instanceof GraphQLFieldsContainer container) {
				container.getFieldDefinitions().forEach(field -> names.add(type.getName() + "." + field.getName()));
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions().forEach(field -> names.add(type.getName() + "." + field.getName()));
			}
			if (type instanceof GraphQLEnumType enumeration) {
				enumeration.getValues().forEach(value -> names.add(type.getName() + "." + value.getName()));
			}
		}
		return names;
	}

	/** {@code ${build.dir}/schema/portal.graphqls}: beside this build's test-classes folder. */
	private static Path artifact() throws URISyntaxException {
		Path testClasses = Path.of(SchemaArtifactTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path artifact = testClasses.getParent().resolve("schema").resolve("portal.graphqls");
		assertThat(artifact)
			.as("the build writes the artifact before the tests (./mvnw process-test-classes)")
			.isRegularFile();
		return artifact;
	}

}
