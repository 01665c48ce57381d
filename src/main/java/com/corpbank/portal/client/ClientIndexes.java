package com.corpbank.portal.client;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Indexes for row scope (managerUsernames, orgUnits), the list filters and the two keyset orders, and
 * {@code (_id, version)} for the batch's conditional writes ({@code AuditedWrites.updateEach}): redundant on MongoDB,
 * whose {@code _id} index serves them, but the embedded store uses an index only for a filter with exactly its fields,
 * and without it every one of a re-tiering job's writes would scan the whole book.
 */
@Component
class ClientIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "clients";
	}

	@Override
	public List<Index> indexes() {
		return List.of(
				new Index("uscc", Direction.ASC).unique().named("uscc_unique"),
				new Index().on("_id", Direction.ASC).on("version", Direction.ASC).unique().named("conditional_write"),
				new Index("managerUsernames", Direction.ASC).named("scope_manager"),
				new Index("orgUnits", Direction.ASC).named("scope_org_unit"),
				new Index().on("name", Direction.ASC).on("_id", Direction.ASC).named("order_name"),
				new Index().on("valueTier.score", Direction.ASC).on("_id", Direction.ASC).named("order_tier_score"),
				new Index("valueTier.tier", Direction.ASC).named("filter_tier"),
				new Index("industry.section", Direction.ASC).named("filter_industry_section"),
				new Index("region", Direction.ASC).named("filter_region"),
				new Index("risk.rating", Direction.ASC).named("filter_rating"),
				new Index("risk.fiveCategory", Direction.ASC).named("filter_five_category"));
	}

}
