package com.corpbank.portal.support;

import java.util.concurrent.atomic.AtomicReference;

import com.corpbank.portal.store.CollectionIndexes;
import com.corpbank.portal.support.indexuse.IndexUseGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Wires the test identity provider, a command counter and the index-use guard on the Mongo driver, and the schema
 * inspection report.
 */
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
	IndexUseGuard indexUseGuard(ObjectProvider<CollectionIndexes> declarations) {
		return new IndexUseGuard(declarations);
	}

	@Bean
	MongoClientSettingsBuilderCustomizer checkIndexUse(IndexUseGuard guard) {
		return settings -> settings.addCommandListener(guard);
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
