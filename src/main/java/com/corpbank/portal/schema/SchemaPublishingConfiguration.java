package com.corpbank.portal.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import graphql.language.Description;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import static graphql.util.TreeTransformerUtil.changeNode;

/**
 * The SDL that Spring for GraphQL serves at {@code GET /graphql/schema} ({@code spring.graphql.schema.printer}) is
 * what the build publishes for the SPA's code generation; two fixes make it so.
 */
@Configuration(proxyBeanMethods = false)
class SchemaPublishingConfiguration {

	/**
	 * graphql-java describes a scalar by its Java definition when that has a description, and by the SDL only
	 * otherwise; the SDL files are the one place for descriptions (printer, introspection and artifact alike).
	 */
	@Bean
	GraphQlSourceBuilderCustomizer scalarsDescribedBySdl() {
		return builder -> builder.typeVisitorsToTransformSchema(List.of(new SdlScalarDescriptions()));
	}

	/**
	 * The printer answers {@code text/plain} without a charset, which tools read as ASCII or Latin-1: the
	 * descriptions' Chinese terms need the UTF-8 the body is written in to be declared.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> schemaEndpointCharset(GraphQlProperties properties) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.setCharacterEncoding(StandardCharsets.UTF_8.name());
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns(properties.getHttp().getPath() + "/schema");
		registration.setName("schemaEndpointCharset");
		return registration;
	}

	private static final class SdlScalarDescriptions extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
				TraverserContext<GraphQLSchemaElement> context) {
			ScalarTypeDefinition definition = scalar.getDefinition();
			Description description = (definition != null) ? definition.getDescription() : null;
			if (description != null && !description.getContent().equals(scalar.getDescription())) {
				return changeNode(context, scalar.transform(copy -> copy.description(description.getContent())));
			}
			return TraversalControl.CONTINUE;
		}

	}

}
