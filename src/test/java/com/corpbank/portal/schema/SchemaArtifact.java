package com.corpbank.portal.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * Build tooling, not part of the service: prints the whole SDL of {@code schema/} into one file for the SPA's code
 * generation ({@code ${build.dir}/schema/portal.graphqls}, written by the exec-maven-plugin in
 * {@code process-test-classes}).
 * <p>
 * It reads the same files the service loads and prints them with the printer Spring for GraphQL's
 * {@code GET /graphql/schema} uses ({@code new SchemaPrinter()}), so the artifact is the served SDL byte for byte;
 * {@code SchemaEndpointTests} compares the two. The mocked wiring only stands in for scalars and resolvers, which
 * the printer does not look at.
 */
public final class SchemaArtifact {

	private SchemaArtifact() {
	}

	/** {@code SchemaArtifact <schema folder> <output file>}. */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: SchemaArtifact <schema folder> <output file>");
		}
		Path output = Path.of(args[1]);
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, print(Path.of(args[0])), StandardCharsets.UTF_8);
		System.out.println("[schema] wrote " + output);
	}

	/** The SDL the service serves for the schema files under {@code schemaDir}. */
	public static String print(Path schemaDir) {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		SchemaParser parser = new SchemaParser();
		for (Path file : schemaFiles(schemaDir)) {
			registry.merge(parser.parse(read(file)));
		}
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.MOCKED_WIRING);
		return new SchemaPrinter().print(schema);
	}

	/** What Spring Boot loads from {@code classpath:graphql/}: {@code **}{@code /*.graphqls} and {@code *.gqls}. */
	public static List<Path> schemaFiles(Path schemaDir) {
		try (Stream<Path> files = Files.walk(schemaDir)) {
			List<Path> found = files.filter(Files::isRegularFile)
				.filter(file -> file.toString().endsWith(".graphqls") || file.toString().endsWith(".gqls"))
				.sorted()
				.toList();
			if (found.isEmpty()) {
				throw new IllegalStateException("No *.graphqls or *.gqls files under " + schemaDir.toAbsolutePath());
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
