package com.corpbank.portal.financials;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * One statement per client and period; the latest-statement lookup walks clientId + periodEnd + period; the size sweep finds
 * the few statements still marked {@code sizeApplied: false}.
 */
@Component
class FinancialStatementIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "financial_statements";
	}

	@Override
	public List<Index> indexes() {
		return List.of(
				new Index().on("clientId", Direction.ASC).on("period", Direction.ASC).unique().named("client_period_unique"),
				// In latestByClientId's order (periodEnd newest first, then period): a year before its fourth quarter.
				new Index().on("clientId", Direction.ASC).on("periodEnd", Direction.DESC).on("period", Direction.ASC)
					.named("client_latest_then_period"),
				new Index().on("sizeApplied", Direction.ASC).sparse().named("size_pending"));
	}

}
