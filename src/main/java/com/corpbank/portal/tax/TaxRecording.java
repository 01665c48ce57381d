package com.corpbank.portal.tax;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Objects;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Records a client's tax year (RM, TEAM_LEAD, BRANCH_MANAGER within their scope), as
 * {@code recordRelationshipMetrics} records a month: the first record of a year is an insert; recording the year
 * again is a correction that needs its {@code expectedVersion} and a reason, otherwise {@code DUPLICATE}. Each is one
 * audited write.
 */
@Service
public class TaxRecording {

	static final String OPERATION = "recordTaxRecord";

	static final String ENTITY_TYPE = "TaxRecord";

	/** The earliest tax year the portal keeps. */
	static final int FIRST_YEAR = 2000;

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final Clock clock;

	TaxRecording(MongoTemplate mongoTemplate, ClientsInScope clients, AuditedWrites writes, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.writes = writes;
		this.clock = clock;
	}

	public TaxRecord record(Actor actor, RecordTaxRecordInput input) {
		Instant now = this.clock.instant();
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		int currentYear = Year.now(this.clock.withZone(BankTime.ZONE)).getValue();
		Integer year = check.range("year", input.year(), FIRST_YEAR, currentYear, true);
		BigDecimal taxPaid = check.money("taxPaid", input.taxPaid(), true, false);
		if (input.creditGrade() == null) {
			check.reject("creditGrade", "creditGrade is required.");
		}
		String reason = check.optionalText("reason", input.reason(), InputCheck.MAX_REASON_LENGTH);
		Long expectedVersion = (input.expectedVersion() != null) ? check.expectedVersion(input.expectedVersion())
				: null;
		check.throwIfInvalid();
		Objects.requireNonNull(clientId);
		Objects.requireNonNull(year);
		Objects.requireNonNull(taxPaid);
		TaxCreditGrade grade = Objects.requireNonNull(input.creditGrade());

		this.clients.requireExists(actor.caller(), OPERATION, clientId);
		TaxRecord record = new TaxRecord(TaxRecord.idOf(clientId, year), clientId, year, taxPaid, grade, now,
				actor.caller().username(), 0L);
		TaxRecord onFile = this.mongoTemplate.findById(record.id(), TaxRecord.class);
		return (onFile == null) ? insert(actor, record, reason, expectedVersion)
				: correct(actor, onFile, record, reason, expectedVersion);
	}

	private TaxRecord insert(Actor actor, TaxRecord record, @Nullable String reason, @Nullable Long expectedVersion) {
		// 0 is the version of "nothing read yet" too: a client that always sends what it read may send it.
		if (expectedVersion != null && expectedVersion != 0) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "expectedVersion"),
					"No tax record for " + record.year() + " is on file yet: leave expectedVersion out to record it."));
		}
		AuditEvent event = changes(AuditEvent.by(actor, record.recordedAt(), OPERATION).reason(reason), null, record)
			.about(ENTITY_TYPE, record.id(), 0L, record.clientId());
		try {
			return this.writes.insert(record, event);
		}
		catch (DuplicateKeyException ex) {
			// Recorded by someone else since we looked: it is a correction now.
			TaxRecord onFile = this.mongoTemplate.findById(record.id(), TaxRecord.class);
			throw new MutationRejected(duplicate(record.year(), (onFile != null) ? onFile.currentVersion() : 0));
		}
	}

	private TaxRecord correct(Actor actor, TaxRecord onFile, TaxRecord record, @Nullable String reason,
			@Nullable Long expectedVersion) {
		if (expectedVersion == null || reason == null) {
			throw new MutationRejected(duplicate(onFile.year(), onFile.currentVersion()));
		}
		WriteTarget target = new WriteTarget("tax record", List.of("input", "year"),
				List.of("input", "expectedVersion"));
		if (onFile.currentVersion() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(target.versionField(), onFile.currentVersion()));
		}
		AuditEvent.Builder event = changes(AuditEvent.by(actor, record.recordedAt(), OPERATION).reason(reason),
				onFile, record);
		if (!event.hasChanges()) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"The tax record for " + onFile.year() + " is already this: nothing to correct."));
		}
		Update update = new Update().set("taxPaid", record.taxPaid())
			.set("creditGrade", record.creditGrade())
			.set("recordedAt", record.recordedAt())
			.set("recordedBy", record.recordedBy());
		return this.writes.update(TaxRecord.class, Criteria.where("_id").is(onFile.id()), expectedVersion, update,
				target, event.about(ENTITY_TYPE, onFile.id(), expectedVersion + 1, onFile.clientId()));
	}

	private static UserError duplicate(int year, long version) {
		return new UserError(UserErrorCode.DUPLICATE, List.of("input", "year"), "The tax record for " + year
				+ " is on file at version " + version + ": send expectedVersion " + version
				+ " and a reason to correct it.", Math.toIntExact(version));
	}

	private static AuditEvent.Builder changes(AuditEvent.Builder event, @Nullable TaxRecord before, TaxRecord after) {
		return event.change("year", (before != null) ? before.year() : null, after.year())
			.change("taxPaid", (before != null) ? before.taxPaid() : null, after.taxPaid())
			.change("creditGrade", (before != null) ? before.creditGrade() : null, after.creditGrade());
	}

}
