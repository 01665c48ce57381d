package com.corpbank.portal.support;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Wires the test identity provider, a command counter on the Mongo driver and the schema inspection report. */
@TestConfiguration(proxyBeanMethods = false)
public class PortalTestConfiguration {

	@Bean
	DynamicPropertyRegistrar testIdentityProviderProperties() {
		return registry -> {
			registry.add("portal.security.issuer-uri", () -> TestIdentityProvider.ISSUER);
			registry.add("portal.security.jwk-set-uri", () -> TestIdentityProvider.get().jwkSetUri());
		};
	}

	@Bean
	MongoCommandCounter mongoCommandCounter() {
		return new MongoCommandCounter();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommandCounter counter) {
		return settings -> settings.addCommandListener(counter);
	}

	@Bean
	SchemaReportHolder schemaReportHolder() {
		return new SchemaReportHolder();
	}

	@Bean
	GraphQlSourceBuilderCustomizer keepSchemaReport(SchemaReportHolder holder) {
		return builder -> builder.inspectSchemaMappings(holder::set);
	}

	/** The schema inspection report of the running context. */
	public static class SchemaReportHolder {

		private final AtomicReference<SchemaReport> report = new AtomicReference<>();

		void set(SchemaReport report) {
			this.report.set(report);
		}

		public SchemaReport get() {
			return this.report.get();
		}

	}

}
