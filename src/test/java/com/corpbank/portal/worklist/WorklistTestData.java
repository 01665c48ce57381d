package com.corpbank.portal.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import com.corpbank.portal.churn.ChurnAlert;
import com.corpbank.portal.churn.ChurnAlertStatus;
import com.corpbank.portal.churn.ChurnSignal;
import com.corpbank.portal.churn.FiredSignal;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.override.TierOverride;
import com.corpbank.portal.override.TierOverrideStatus;
import com.corpbank.portal.tier.ValueTierCode;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Named worklist sources written straight into the store, on the clients of {@code ClientBookFixture}. */
final class WorklistTestData {

	static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

	private final MongoTemplate mongoTemplate;

	WorklistTestData(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** The start of a Beijing day. */
	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(BANK_ZONE).toInstant();
	}

	/** Gives the client a follow-up due on {@code dueOn} from {@code rm}. */
	WorklistTestData followUp(String clientId, LocalDate dueOn, String rm) {
		FollowUp followUp = new FollowUp(dueOn, rm, dueOn.minusMonths(1), ValueTierCode.A, null, null);
		// By collection name: an update by entity class would move the client's @Version.
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(clientId)), new Update().set("followUp", followUp),
				"clients");
		return this;
	}

	WorklistTestData churnAlert(String id, String clientId, ChurnAlertStatus status, Instant openedAt) {
		List<FiredSignal> signals = List.of(new FiredSignal(ChurnSignal.DEPOSITS_FALLING, "0.4213", "0.30", "日均存款下降"));
		this.mongoTemplate.insert(new ChurnAlert(id, clientId, status, signals, signals, openedAt, "admin", List.of(),
				LocalDate.of(2026, 11, 1), (status == ChurnAlertStatus.CLOSED) ? id : clientId, 0));
		return this;
	}

	/** A complaint as the complaints feature stores it (its contract: plain fields, instants as dates). */
	WorklistTestData complaint(String id, String clientId, String status, Instant slaDueAt, String assignee) {
		this.mongoTemplate.insert(new Document("_id", id).append("clientId", clientId)
			.append("category", "SERVICE")
			.append("severity", "HIGH")
			.append("status", status)
			.append("assignee", assignee)
			.append("raisedAt", Date.from(slaDueAt.minusSeconds(5 * 86400)))
			.append("slaDueAt", Date.from(slaDueAt))
			.append("version", 0L), "complaints");
		return this;
	}

	WorklistTestData override(String id, String clientId, int sequence, TierOverrideStatus status, LocalDate expiresOn) {
		this.mongoTemplate.insert(new TierOverride(id, clientId, sequence, ValueTierCode.A, "strategic client",
				expiresOn, status, "mgr_chen", "sub-chen", Instant.parse("2026-10-01T02:00:00Z"), "mgr_he",
				Instant.parse("2026-10-02T02:00:00Z"), "ok", 1L));
		return this;
	}

}
