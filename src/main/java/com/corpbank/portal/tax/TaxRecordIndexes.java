package com.corpbank.portal.tax;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** One record per client and year; a client's records are read newest year first. */
@Component
class TaxRecordIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "tax_records";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("clientId", Direction.ASC).on("year", Direction.DESC).unique()
			.named("client_year_unique"));
	}

}
