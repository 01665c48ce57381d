package com.corpbank.portal.industry;

import com.corpbank.portal.client.Industry;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Names of {@code Industry} fields, from the in-memory GB/T 4754 catalog (no store round trip). */
@Controller
class IndustryController {

	private final IndustryCatalog catalog;

	IndustryController(IndustryCatalog catalog) {
		this.catalog = catalog;
	}

	@SchemaMapping
	String sectionName(Industry industry) {
		return this.catalog.section(industry.section()).map(IndustryCatalog.Section::name).orElse(industry.section());
	}

	@SchemaMapping
	String name(Industry industry) {
		return this.catalog.division(industry.code()).map(IndustryCatalog.Division::name).orElse(industry.code());
	}

}
