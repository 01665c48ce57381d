package com.corpbank.portal.industry;

import com.corpbank.portal.client.Industry;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Industry.outlook}, from the in-memory outlook table (no store round trip). */
@Controller
class IndustryOutlookController {

	private final IndustryOutlooks outlooks;

	IndustryOutlookController(IndustryOutlooks outlooks) {
		this.outlooks = outlooks;
	}

	/** Null for a section the table does not know (an industry recorded before the current catalog). */
	@SchemaMapping
	@Nullable IndustryOutlook outlook(Industry industry) {
		return this.outlooks.all().get(industry.section());
	}

}
