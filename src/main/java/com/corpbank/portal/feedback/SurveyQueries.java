package com.corpbank.portal.feedback;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.graphql.InvalidArgumentException;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Reads of survey results and their trends. A client's results and trend are read inside the caller's client scope
 * (joined to the client as it is now, as complaints); an RM's trend reads the results counted for that RM
 * ({@code rmUsername}), the caller's right to see that RM being checked before ({@link RmTrendScope}).
 */
@Service
public class SurveyQueries {

	static final String COLLECTION = "surveys";

	/** The largest {@code first} of {@code Client.surveyResults}. */
	public static final int MAX_RESULTS = 100;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "respondedOn", "recordedAt", "_id");

	private final MongoTemplate mongoTemplate;

	SurveyQueries(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** The newest {@code first} results of each of these clients in the scope, in one aggregation. */
	public Map<String, List<SurveyResult>> ofClients(ClientScope scope, Collection<String> clientIds, int first) {
		if (first < 0 || first > MAX_RESULTS) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_RESULTS + ".");
		}
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(Criteria.where("clientId").in(clientIds)));
		stages.add(Aggregation.sort(NEWEST_FIRST));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		Map<String, List<SurveyResult>> byClient = new HashMap<>();
		for (SurveyResult result : this.mongoTemplate
			.aggregate(Aggregation.newAggregation(SurveyResult.class, stages), COLLECTION, SurveyResult.class)
			.getMappedResults()) {
			List<SurveyResult> list = byClient.computeIfAbsent(result.clientId(), key -> new ArrayList<>());
			if (list.size() < first) {
				list.add(result);
			}
		}
		return byClient;
	}

	/**
	 * The trend of each of these clients over the {@code periods} periods ending with today's, in one aggregation
	 * that sums the answers per client, month, scale and NPS band.
	 */
	public Map<String, List<SatisfactionPoint>> clientTrends(ClientScope scope, Collection<String> clientIds,
			TrendGranularity granularity, int periods, LocalDate today) {
		List<SatisfactionTrends.Period> range = SatisfactionTrends.lastPeriods(granularity, periods, today);
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(Criteria.where("clientId")
			.in(clientIds)
			.and("respondedMonth")
			.gte(YearMonth.from(range.get(0).startsOn()).toString())
			.lte(YearMonth.from(range.get(range.size() - 1).endsOn()).toString())));
		stages.addAll(scope.stagesOnJoinedClient("clientId"));
		stages.add(Aggregation.group("clientId", "respondedMonth", "scale", "npsBand")
			.count()
			.as("responses")
			.sum("score")
			.as("total"));
		Map<String, List<SatisfactionTrends.Sums>> sums = new HashMap<>();
		for (Document row : this.mongoTemplate
			.aggregate(Aggregation.newAggregation(SurveyResult.class, stages), COLLECTION, Document.class)
			.getMappedResults()) {
			Document key = (Document) row.get("_id");
			sums.computeIfAbsent(key.getString("clientId"), id -> new ArrayList<>()).add(sumsOf(key, row));
		}
		Map<String, List<SatisfactionPoint>> trends = new HashMap<>();
		for (String clientId : clientIds) {
			trends.put(clientId, SatisfactionTrends.points(range, sums.getOrDefault(clientId, List.of())));
		}
		return trends;
	}

	/** The trend of the results counted for this RM answered from {@code from} to {@code to}, both inclusive. */
	public List<SatisfactionPoint> rmTrend(String rmUsername, LocalDate from, LocalDate to,
			TrendGranularity granularity) {
		List<SatisfactionTrends.Period> range = SatisfactionTrends.periodsBetween(granularity, from, to);
		Aggregation aggregation = Aggregation.newAggregation(SurveyResult.class,
				Aggregation.match(Criteria.where("rmUsername").is(rmUsername).and("respondedOn").gte(from).lte(to)),
				Aggregation.group("respondedMonth", "scale", "npsBand").count().as("responses").sum("score").as("total"));
		List<SatisfactionTrends.Sums> sums = new ArrayList<>();
		for (Document row : this.mongoTemplate.aggregate(aggregation, COLLECTION, Document.class).getMappedResults()) {
			sums.add(sumsOf((Document) row.get("_id"), row));
		}
		return SatisfactionTrends.points(range, sums);
	}

	private static SatisfactionTrends.Sums sumsOf(Document key, Document row) {
		Object band = key.get("npsBand");
		return new SatisfactionTrends.Sums(key.getString("respondedMonth"), SurveyScale.valueOf(key.getString("scale")),
				(band instanceof String text) ? NpsBand.valueOf(text) : null, ((Number) row.get("responses")).longValue(),
				((Number) row.get("total")).longValue());
	}

}
