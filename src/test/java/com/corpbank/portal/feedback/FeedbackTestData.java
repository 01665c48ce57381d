package com.corpbank.portal.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Complaints and survey results stored as the feature stores them, for the read-side tests. */
final class FeedbackTestData {

	static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

	private FeedbackTestData() {
	}

	/** Today in Beijing by the wall clock (the service's clock in these tests). */
	static LocalDate today() {
		return LocalDate.now(BANK_ZONE);
	}

	/** A complaint in {@code status} at version 0, raised {@code raisedAgo} ago with the severity's default SLA. */
	static Complaint complaint(MongoTemplate store, String id, String clientId, String assignee,
			ComplaintStatus status, ComplaintSeverity severity, Duration raisedAgo) {
		Instant raisedAt = Instant.now().minus(raisedAgo);
		Complaint complaint = new Complaint(id, clientId, ComplaintCategory.SERVICE_QUALITY, severity, status,
				"test: slow service", assignee, raisedAt, "test", raisedAt.plus(FeedbackProperties.DEFAULT_SLA.get(severity)),
				null, null, null,
				List.of(new ComplaintTransition(null, null, ComplaintStatus.OPEN, "test", raisedAt, assignee, null)), 0L);
		return store.insert(complaint);
	}

	static Complaint complaint(MongoTemplate store, String id, String clientId, String assignee,
			ComplaintStatus status) {
		return complaint(store, id, clientId, assignee, status, ComplaintSeverity.MEDIUM, Duration.ofHours(1));
	}

	/** A survey result counted for {@code rm}. */
	static SurveyResult survey(MongoTemplate store, String id, String clientId, String rm, SurveyScale scale, int score,
			LocalDate respondedOn) {
		return store.insert(new SurveyResult(id, clientId, scale, score, null, SurveyChannel.PHONE, respondedOn,
				YearMonth.from(respondedOn).toString(), (scale == SurveyScale.NPS) ? NpsBand.of(score) : null, rm, rm,
				respondedOn.atStartOfDay(BANK_ZONE).toInstant().plusSeconds(3600), 0L));
	}

}
