package com.corpbank.portal.financials;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Reads of financial statements, always for many clients at once (callers batch). */
@Service
public class FinancialStatements {

	private final MongoTemplate mongoTemplate;

	FinancialStatements(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * The latest statement of each given client, in one aggregation: newest first, then the first per client.
	 * The ids must come from a scoped client query; statements carry no scope of their own.
	 */
	public Map<String, FinancialStatement> latestByClientId(Collection<String> clientIds) {
		Map<String, FinancialStatement> latest = new HashMap<>();
		if (clientIds.isEmpty()) {
			return latest;
		}
		Aggregation aggregation = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("clientId").in(clientIds)),
				// A year and its fourth quarter end on the same day: the year ("2025" sorts before "2025Q4") wins.
				Aggregation.sort(Sort.by(Sort.Order.desc("periodEnd"), Sort.Order.asc("period"))),
				Aggregation.group("clientId").first(Aggregation.ROOT).as("latest"));
		for (Document group : this.mongoTemplate.aggregate(aggregation, "financial_statements", Document.class)) {
			FinancialStatement statement = this.mongoTemplate.getConverter()
				.read(FinancialStatement.class, group.get("latest", Document.class));
			latest.put(statement.clientId(), statement);
		}
		return latest;
	}

}
