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
				// A scoped page: the caller's scope (equality), then the keyset order. Their prefixes serve the
				// scoped counts and aggregates.
				new Index().on("managerUsernames", Direction.ASC).on("name", Direction.ASC).on("_id", Direction.ASC)
					.named("scope_manager_by_name"),
				new Index().on("managerUsernames", Direction.ASC).on("valueTier.score", Direction.ASC)
					.on("_id", Direction.ASC)
					.named("scope_manager_by_tier_score"),
				new Index().on("orgUnits", Direction.ASC).on("name", Direction.ASC).on("_id", Direction.ASC)
					.named("scope_org_unit_by_name"),
				new Index().on("orgUnits", Direction.ASC).on("valueTier.score", Direction.ASC).on("_id", Direction.ASC)
					.named("scope_org_unit_by_tier_score"),
				new Index().on("name", Direction.ASC).on("_id", Direction.ASC).named("order_name"),
				new Index().on("valueTier.score", Direction.ASC).on("_id", Direction.ASC).named("order_tier_score"),
				// A filtered page of the whole book (head office) in the default order; their first key serves the
				// filtered counts and aggregates.
				byName("valueTier.tier", "filter_tier_by_name"),
				byName("industry.section", "filter_industry_section_by_name"),
				byName("region", "filter_region_by_name"),
				byName("risk.rating", "filter_rating_by_name"),
				byName("risk.fiveCategory", "filter_five_category_by_name"),
				// The data-quality drill-down pages a scope (or a team's primary RMs) in _id order.
				new Index().on("managerUsernames", Direction.ASC).on("_id", Direction.ASC).named("scope_manager_by_id"),
				new Index().on("orgUnits", Direction.ASC).on("_id", Direction.ASC).named("scope_org_unit_by_id"),
				new Index().on("primaryManager", Direction.ASC).on("_id", Direction.ASC).named("primary_manager_by_id"));
	}

	private static Index byName(String field, String name) {
		return new Index().on(field, Direction.ASC).on("name", Direction.ASC).on("_id", Direction.ASC).named(name);
	}

}
