package com.corpbank.portal.graphql;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The GraphQL runtime pieces shared by every feature: scalars, request limits, clean error messages. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer portalScalars() {
		return wiring -> wiring.scalar(DecimalScalar.INSTANCE).scalar(DateScalar.INSTANCE).scalar(DateTimeScalar.INSTANCE);
	}

	/** Each distinct valid document is parsed and validated once ({@link PreparsedDocuments}). */
	@Bean
	GraphQlSourceBuilderCustomizer preparsedDocuments() {
		PreparsedDocuments documents = new PreparsedDocuments();
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
	}

	/**
	 * The instrumentation beans, in Boot's order, as one {@link SparseInstrumentationChain} instead of the chain Boot
	 * builds (this customizer runs after Boot has set it).
	 */
	@Bean
	GraphQlSourceBuilderCustomizer sparseInstrumentationChain(ObjectProvider<Instrumentation> instrumentations) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl
			.instrumentation(new SparseInstrumentationChain(instrumentations.orderedStream().toList())));
	}

	/** Boot hands every {@link Instrumentation} bean to graphql-java. */
	@Bean
	Instrumentation graphQlLimits(GraphQlLimitsProperties limits,
			@Value("${spring.graphql.schema.introspection.enabled:true}") boolean introspection) {
		return new GraphQlLimitsInstrumentation(limits, introspection);
	}

}
