package com.corpbank.portal.industry;

import java.util.Optional;

import com.corpbank.portal.client.Industry;
import com.corpbank.portal.client.IndustryDivisions;
import org.springframework.stereotype.Component;

/** The client feature's division lookup, answered from the in-memory catalog (no store round trip). */
@Component
class CatalogIndustryDivisions implements IndustryDivisions {

	private final IndustryCatalog catalog;

	CatalogIndustryDivisions(IndustryCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Optional<Industry> industryOf(String divisionCode) {
		return this.catalog.division(divisionCode)
			.map(division -> new Industry(division.sectionLetter(), division.code()));
	}

	@Override
	public int divisionCount() {
		return this.catalog.divisions().size();
	}

}
