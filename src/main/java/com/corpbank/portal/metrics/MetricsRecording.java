package com.corpbank.portal.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.portfolio.ClientFigureCopies;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Records a client's relationship figures for a month (RM, TEAM_LEAD, BRANCH_MANAGER within their scope). The first
 * record of a month is an insert; recording the month again is a correction that needs its {@code expectedVersion}
 * and a reason, otherwise {@code DUPLICATE}. Each is one audited write.
 *
 * <p>Every amount is non-negative: balances and volumes cannot be, and fee income is the gross fees the bank booked
 * (a refund reverses an earlier month's fee: correct that month instead).
 *
 * <p>After the write, the client's copy of its newest month's figures ({@link ClientFigureCopies}) is re-derived. A crash
 * between the two leaves the copy behind until the client's next month is recorded or a repair calls
 * {@link ClientFigureCopies#refresh}.
 *
 * <p>Transaction count, open complaints and the latest contact are optional (null = not reported); a correction
 * replaces every figure of the month, so an optional figure left out of it is cleared.
 */
@Service
public class MetricsRecording {

	static final String OPERATION = "recordRelationshipMetrics";

	static final String ENTITY_TYPE = "RelationshipMetrics";

	/** The earliest month the portal keeps figures for. */
	static final YearMonth FIRST_MONTH = YearMonth.of(1990, 1);

	/** A thousand products is a typing error, not a relationship. */
	static final int MAX_PRODUCTS = 1_000;

	/** Ten million transactions in a month is beyond any corporate client of a branch: a typing error. */
	static final int MAX_TRANSACTIONS = 10_000_000;

	/** As many open complaints as this is a feed error, not a client. */
	static final int MAX_OPEN_COMPLAINTS = 10_000;

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final Clock clock;

	private final ClientFigureCopies figureCopies;

	MetricsRecording(MongoTemplate mongoTemplate, ClientsInScope clients, AuditedWrites writes, Clock clock,
			ClientFigureCopies figureCopies) {
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.writes = writes;
		this.clock = clock;
		this.figureCopies = figureCopies;
	}

	public RelationshipMetrics record(Actor actor, RecordRelationshipMetricsInput input) {
		Instant now = this.clock.instant();
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		YearMonth month = month(check, input.month(), YearMonth.now(this.clock.withZone(BankTime.ZONE)));
		BigDecimal averageDeposits = check.money("averageDeposits", input.averageDeposits(), true, false);
		BigDecimal loanBalance = check.money("loanBalance", input.loanBalance(), true, false);
		BigDecimal settlementVolume = check.money("settlementVolume", input.settlementVolume(), true, false);
		Integer productsHeld = check.range("productsHeld", input.productsHeld(), 0, MAX_PRODUCTS, true);
		BigDecimal feeIncome = check.money("feeIncome", input.feeIncome(), true, false);
		Integer transactionCount = check.range("transactionCount", input.transactionCount(), 0, MAX_TRANSACTIONS,
				false);
		Integer openComplaints = check.range("openComplaints", input.openComplaints(), 0, MAX_OPEN_COMPLAINTS, false);
		LocalDate lastContactOn = lastContactOn(check, input.lastContactOn(), month,
				LocalDate.now(this.clock.withZone(BankTime.ZONE)));
		String reason = check.optionalText("reason", input.reason(), InputCheck.MAX_REASON_LENGTH);
		Long expectedVersion = (input.expectedVersion() != null) ? check.expectedVersion(input.expectedVersion())
				: null;
		check.throwIfInvalid();

		Criteria match = this.clients.requireExists(actor.caller(), OPERATION, clientId);
		String label = month.toString();
		RelationshipMetrics figures = new RelationshipMetrics(RelationshipMetrics.idOf(clientId, label), clientId,
				label, month.atDay(1).atStartOfDay(BankTime.ZONE).toInstant(), averageDeposits, loanBalance,
				settlementVolume, productsHeld, feeIncome, transactionCount, openComplaints, lastContactOn, now,
				actor.caller().username(), 0L);
		RelationshipMetrics onFile = this.mongoTemplate.findOne(
				new Query(Criteria.where("clientId").is(clientId).and("month").is(label)), RelationshipMetrics.class);
		RelationshipMetrics recorded = (onFile == null) ? insert(actor, figures, reason, expectedVersion)
				: correct(actor, onFile, figures, reason, expectedVersion);
		// The copy the portfolio aggregates sum, re-derived from the months on file (this one may not be the newest).
		this.figureCopies.refresh(clientId);
		return recorded;
	}

	private RelationshipMetrics insert(Actor actor, RelationshipMetrics figures, @Nullable String reason,
			@Nullable Long expectedVersion) {
		if (expectedVersion != null) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "expectedVersion"),
					"No figures for " + figures.month() + " are on file yet: leave expectedVersion out to record them."));
		}
		AuditEvent event = changes(AuditEvent.by(actor, figures.recordedAt(), OPERATION).reason(reason), null,
				figures)
			.about(ENTITY_TYPE, figures.id(), 0L, figures.clientId());
		try {
			return this.writes.insert(figures, event);
		}
		catch (DuplicateKeyException ex) {
			// Recorded by someone else since we looked: it is a correction now.
			RelationshipMetrics onFile = this.mongoTemplate.findById(figures.id(), RelationshipMetrics.class);
			throw new MutationRejected(duplicate(figures.month(), (onFile != null) ? onFile.currentVersion() : 0));
		}
	}

	private RelationshipMetrics correct(Actor actor, RelationshipMetrics onFile, RelationshipMetrics figures,
			@Nullable String reason, @Nullable Long expectedVersion) {
		if (expectedVersion == null || reason == null) {
			throw new MutationRejected(duplicate(onFile.month(), onFile.currentVersion()));
		}
		WriteTarget target = new WriteTarget("month of figures", List.of("input", "month"),
				List.of("input", "expectedVersion"));
		if (onFile.currentVersion() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(target.versionField(), onFile.currentVersion()));
		}
		AuditEvent.Builder event = changes(AuditEvent.by(actor, figures.recordedAt(), OPERATION).reason(reason),
				onFile, figures);
		if (!event.hasChanges()) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"The figures for " + onFile.month() + " are already these: nothing to correct."));
		}
		Update update = new Update().set("averageDeposits", figures.averageDeposits())
			.set("loanBalance", figures.loanBalance())
			.set("settlementVolume", figures.settlementVolume())
			.set("productsHeld", figures.productsHeld())
			.set("feeIncome", figures.feeIncome())
			.set("transactionCount", figures.transactionCount())
			.set("openComplaints", figures.openComplaints())
			.set("lastContactOn", figures.lastContactOn())
			.set("recordedAt", figures.recordedAt())
			.set("recordedBy", figures.recordedBy());
		return this.writes.update(RelationshipMetrics.class, Criteria.where("_id").is(onFile.id()), expectedVersion,
				update, target, event.about(ENTITY_TYPE, onFile.id(), expectedVersion + 1, onFile.clientId()));
	}

	private static UserError duplicate(String month, long version) {
		return new UserError(UserErrorCode.DUPLICATE, List.of("input", "month"), "The figures for " + month
				+ " are on file at version " + version + ": send expectedVersion " + version
				+ " and a reason to correct them.", Math.toIntExact(version));
	}

	private static AuditEvent.Builder changes(AuditEvent.Builder event, @Nullable RelationshipMetrics before,
			RelationshipMetrics after) {
		return event.change("month", (before != null) ? before.month() : null, after.month())
			.change("averageDeposits", (before != null) ? before.averageDeposits() : null, after.averageDeposits())
			.change("loanBalance", (before != null) ? before.loanBalance() : null, after.loanBalance())
			.change("settlementVolume", (before != null) ? before.settlementVolume() : null,
					after.settlementVolume())
			.change("productsHeld", (before != null) ? before.productsHeld() : null, after.productsHeld())
			.change("feeIncome", (before != null) ? before.feeIncome() : null, after.feeIncome())
			.change("transactionCount", (before != null) ? before.transactionCount() : null,
					after.transactionCount())
			.change("openComplaints", (before != null) ? before.openComplaints() : null, after.openComplaints())
			.change("lastContactOn", (before != null) ? before.lastContactOn() : null, after.lastContactOn());
	}

	/**
	 * The latest contact as of the month's end: not after that end (a later contact belongs to a later month's
	 * figures), not in the future, not before {@link #FIRST_MONTH}.
	 */
	private static @Nullable LocalDate lastContactOn(InputCheck check, @Nullable LocalDate value, YearMonth month,
			LocalDate today) {
		if (value == null) {
			return null;
		}
		if (value.isAfter(today)) {
			check.reject("lastContactOn", "lastContactOn cannot be in the future (today is " + today + ").");
			return null;
		}
		if (value.isAfter(month.atEndOfMonth())) {
			check.reject("lastContactOn", "lastContactOn is a contact as of the month's end: on or before "
					+ month.atEndOfMonth() + ".");
			return null;
		}
		if (value.isBefore(FIRST_MONTH.atDay(1))) {
			check.reject("lastContactOn", "lastContactOn is on or after " + FIRST_MONTH.atDay(1) + ".");
			return null;
		}
		return value;
	}

	/** A calendar month "2026-10" from {@link #FIRST_MONTH} up to the current month (its figures so far). */
	private static YearMonth month(InputCheck check, @Nullable String value, YearMonth current) {
		String text = check.requiredText("month", value, 7);
		if (text == null) {
			return current;
		}
		if (!MONTH.matcher(text).matches()) {
			check.reject("month", "month is a calendar month such as 2026-10.");
			return current;
		}
		YearMonth month = YearMonth.parse(text);
		if (month.isBefore(FIRST_MONTH) || month.isAfter(current)) {
			check.reject("month", "month is between " + FIRST_MONTH + " and the current month, " + current + ".");
		}
		return month;
	}

}
