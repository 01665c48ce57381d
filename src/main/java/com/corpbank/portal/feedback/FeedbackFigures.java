package com.corpbank.portal.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * What the churn signals read from feedback, for a whole chunk of clients of the tier evaluation at once: one
 * aggregation per question whatever the chunk size (the single-client evaluation is a chunk of one).
 */
@Service
public class FeedbackFigures {

	private final MongoTemplate mongoTemplate;

	FeedbackFigures(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** Mapped from the {@code $group} stage: the client id and its newest answer's fields. */
	record LatestRow(@Id String id, SurveyScale scale, int score, LocalDate respondedOn) {
	}

	/**
	 * The complaints of these clients that are open (OPEN or IN_PROGRESS) and were raised before {@code raisedBefore},
	 * counted per client in one aggregation. A client without any is left out (read it as 0).
	 */
	public Map<String, Integer> openComplaints(Collection<String> clientIds, Instant raisedBefore) {
		Map<String, Integer> counts = new HashMap<>();
		if (clientIds.isEmpty()) {
			return counts;
		}
		Aggregation aggregation = Aggregation.newAggregation(Complaint.class,
				Aggregation.match(Criteria.where("clientId")
					.in(clientIds)
					.and("status")
					.in(ComplaintStatus.OPEN_STATUSES)
					.and("raisedAt")
					.lt(raisedBefore)),
				Aggregation.group("clientId").count().as("open"));
		for (Document row : this.mongoTemplate.aggregate(aggregation, ComplaintQueries.COLLECTION, Document.class)
			.getMappedResults()) {
			if (row.get("_id") instanceof String clientId && row.get("open") instanceof Number open) {
				counts.put(clientId, open.intValue());
			}
		}
		return counts;
	}

	/**
	 * Each client's newest survey answer given from {@code from} to {@code to} (both inclusive), in one aggregation;
	 * answers of one day are told apart by when they were recorded. A client without one in the window is left out.
	 */
	public Map<String, LatestSurvey> latestSurveys(Collection<String> clientIds, LocalDate from, LocalDate to) {
		Map<String, LatestSurvey> latest = new HashMap<>();
		if (clientIds.isEmpty()) {
			return latest;
		}
		Aggregation aggregation = Aggregation.newAggregation(SurveyResult.class,
				Aggregation.match(Criteria.where("clientId")
					.in(clientIds)
					.and("respondedOn")
					.gte(from)
					.lte(to)),
				Aggregation.sort(Sort.by(Sort.Direction.DESC, "respondedOn", "recordedAt", "_id")),
				Aggregation.group("clientId")
					.first("scale")
					.as("scale")
					.first("score")
					.as("score")
					.first("respondedOn")
					.as("respondedOn"));
		List<LatestRow> rows = this.mongoTemplate.aggregate(aggregation, SurveyQueries.COLLECTION, LatestRow.class)
			.getMappedResults();
		for (LatestRow row : rows) {
			latest.put(row.id(), new LatestSurvey(row.id(), row.scale(), row.score(), row.respondedOn()));
		}
		return latest;
	}

}
