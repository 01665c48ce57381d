package com.corpbank.portal.graphql;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.PortalTestConfiguration.SchemaReportHolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every schema field and argument is backed by Java, and every controller mapping by the schema. */
@PortalTest
class SchemaInspectionTests {

	@Autowired
	SchemaReportHolder reportHolder;

	@Test
	void schemaHasNoUnmappedFieldsArgumentsOrRegistrations() {
		SchemaReport report = this.reportHolder.get();
		assertThat(report).as("schema inspection ran").isNotNull();
		assertThat(report.unmappedFields()).as(report.toString()).isEmpty();
		assertThat(report.unmappedArguments()).as(report.toString()).isEmpty();
		assertThat(report.unmappedRegistrations()).as(report.toString()).isEmpty();
		assertThat(report.skippedTypes()).as(report.toString()).isEmpty();
		assertThat(report.fieldNullnessErrors()).as(report.toString()).isEmpty();
		assertThat(report.argumentNullnessErrors()).as(report.toString()).isEmpty();
	}

}
