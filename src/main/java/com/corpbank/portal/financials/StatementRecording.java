package com.corpbank.portal.financials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientsInScope;
import com.corpbank.portal.write.InputCheck;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserError;
import com.corpbank.portal.write.UserErrorCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Records a client's financial statement for a period (RM, TEAM_LEAD, BRANCH_MANAGER within their scope). The first
 * statement of a period is an insert; recording the period again is a correction that needs the statement's
 * {@code expectedVersion} and a reason, otherwise {@code DUPLICATE}. Each is one audited write of the statement.
 *
 * <p>An annual statement then changes the client's size: a second audited write, of the client, by
 * {@link ClientSizing}. The statement write carries {@code sizeApplied: false}, cleared once the client is re-sized,
 * so a crash between the two writes leaves a marker that the sweep re-applies.
 */
@Service
public class StatementRecording {

	static final String OPERATION = "recordFinancialStatement";

	/** The entity type audit events name for a statement. */
	static final String ENTITY_TYPE = "FinancialStatement";

	static final String DEFAULT_CURRENCY = "CNY";

	/** More staff than any employer on earth: a typing error. */
	static final int MAX_EMPLOYEES = 10_000_000;

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

	private static final Logger log = LoggerFactory.getLogger(StatementRecording.class);

	private final MongoTemplate mongoTemplate;

	private final ClientsInScope clients;

	private final AuditedWrites writes;

	private final ClientSizing sizing;

	private final Clock clock;

	StatementRecording(MongoTemplate mongoTemplate, ClientsInScope clients, AuditedWrites writes,
			ClientSizing sizing, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clients = clients;
		this.writes = writes;
		this.sizing = sizing;
		this.clock = clock;
	}

	/**
	 * The statement as written and the client after its size was re-derived.
	 * @param client null only when the client left the caller's scope (a handover) between the write and the read
	 */
	public record Recorded(FinancialStatement statement, @Nullable Client client) {
	}

	public Recorded record(Actor actor, RecordFinancialStatementInput input) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), BankTime.ZONE);
		InputCheck check = InputCheck.of("input");
		String clientId = check.id("clientId", input.clientId());
		Period period = period(check, input.period(), input.periodEnd(), today);
		String currency = currency(check, input.currency());
		BigDecimal revenue = check.money("revenue", input.revenue(), true, false);
		BigDecimal netProfit = check.money("netProfit", input.netProfit(), true, true);
		BigDecimal totalAssets = check.money("totalAssets", input.totalAssets(), true, false);
		BigDecimal totalLiabilities = check.money("totalLiabilities", input.totalLiabilities(), true, false);
		BigDecimal currentAssets = check.money("currentAssets", input.currentAssets(), false, false);
		BigDecimal currentLiabilities = check.money("currentLiabilities", input.currentLiabilities(), false, false);
		BigDecimal operatingCashFlow = check.money("operatingCashFlow", input.operatingCashFlow(), true, true);
		BigDecimal taxPaid = check.money("taxPaid", input.taxPaid(), false, false);
		Integer employees = check.range("employees", input.employees(), 0, MAX_EMPLOYEES, true);
		// A reason is optional for a new period and required for a correction (checked once we know which).
		String reason = check.optionalText("reason", input.reason(), InputCheck.MAX_REASON_LENGTH);
		Long expectedVersion = (input.expectedVersion() != null) ? check.expectedVersion(input.expectedVersion())
				: null;
		// Current figures are part of the totals (流动资产 ⊂ 资产总额): more is a typing error.
		if (currentAssets != null && totalAssets != null && currentAssets.compareTo(totalAssets) > 0) {
			check.reject("currentAssets", "currentAssets is part of totalAssets and cannot exceed it.");
		}
		if (currentLiabilities != null && totalLiabilities != null
				&& currentLiabilities.compareTo(totalLiabilities) > 0) {
			check.reject("currentLiabilities", "currentLiabilities is part of totalLiabilities and cannot exceed it.");
		}
		check.throwIfInvalid();

		Criteria match = this.clients.requireExists(actor.caller(), OPERATION, clientId);
		FinancialStatement onFile = this.mongoTemplate.findOne(
				new Query(Criteria.where("clientId").is(clientId).and("period").is(period.label())),
				FinancialStatement.class);
		FinancialStatement figures = new FinancialStatement(FinancialStatement.idOf(clientId, period.label()),
				clientId, period.label(), period.end(), currency, revenue, netProfit, totalAssets, totalLiabilities,
				currentAssets, currentLiabilities, operatingCashFlow, taxPaid, employees,
				period.annual() ? Boolean.FALSE : null, 0L);
		FinancialStatement written = (onFile == null) ? insert(actor, figures, reason, expectedVersion)
				: correct(actor, onFile, figures, reason, expectedVersion);

		if (period.annual()) {
			try {
				this.sizing.apply(clientId, actor);
			}
			catch (RuntimeException ex) {
				// The statement is safe and marked; the sweep re-sizes the client. The change itself succeeded.
				log.warn("Size of client {} left to the sweep: {}", clientId, ex.getClass().getSimpleName());
			}
		}
		// Scoped again: a client handed over in the meantime reads as null, though the statement is recorded.
		return new Recorded(written, this.mongoTemplate.findOne(new Query(match), Client.class));
	}

	private FinancialStatement insert(Actor actor, FinancialStatement statement, @Nullable String reason,
			@Nullable Long expectedVersion) {
		if (expectedVersion != null) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input", "expectedVersion"),
					"No statement for " + statement.period() + " is on file yet: leave expectedVersion out to record it."));
		}
		AuditEvent event = changes(AuditEvent.by(actor, this.clock.instant(), OPERATION).reason(reason), null,
				statement)
			.about(ENTITY_TYPE, statement.id(), 0L, statement.clientId());
		try {
			return this.writes.insert(statement, event);
		}
		catch (DuplicateKeyException ex) {
			// Recorded by someone else since we looked: it is a correction now.
			FinancialStatement onFile = this.mongoTemplate.findById(statement.id(), FinancialStatement.class);
			throw new MutationRejected(duplicate(statement.period(), (onFile != null) ? onFile.currentVersion() : 0));
		}
	}

	private FinancialStatement correct(Actor actor, FinancialStatement onFile, FinancialStatement figures,
			@Nullable String reason, @Nullable Long expectedVersion) {
		if (expectedVersion == null || reason == null) {
			throw new MutationRejected(duplicate(onFile.period(), onFile.currentVersion()));
		}
		WriteTarget target = new WriteTarget("financial statement", List.of("input", "period"),
				List.of("input", "expectedVersion"));
		if (onFile.currentVersion() != expectedVersion) {
			throw new MutationRejected(UserError.conflict(target.versionField(), onFile.currentVersion()));
		}
		AuditEvent.Builder event = changes(AuditEvent.by(actor, this.clock.instant(), OPERATION).reason(reason),
				onFile, figures);
		if (!event.hasChanges()) {
			throw new MutationRejected(UserError.of(UserErrorCode.VALIDATION, List.of("input"),
					"The statement for " + onFile.period() + " already has these figures: nothing to correct."));
		}
		Update update = new Update().set("periodEnd", figures.periodEnd())
			.set("currency", figures.currency())
			.set("revenue", figures.revenue())
			.set("netProfit", figures.netProfit())
			.set("totalAssets", figures.totalAssets())
			.set("totalLiabilities", figures.totalLiabilities())
			.set("operatingCashFlow", figures.operatingCashFlow())
			.set("employees", figures.employees());
		setOrUnset(update, "currentAssets", figures.currentAssets());
		setOrUnset(update, "currentLiabilities", figures.currentLiabilities());
		setOrUnset(update, "taxPaid", figures.taxPaid());
		setOrUnset(update, "sizeApplied", figures.sizeApplied());
		return this.writes.update(FinancialStatement.class, Criteria.where("_id").is(onFile.id()), expectedVersion,
				update, target, event.about(ENTITY_TYPE, onFile.id(), expectedVersion + 1, onFile.clientId()));
	}

	private static UserError duplicate(String period, long version) {
		return new UserError(UserErrorCode.DUPLICATE, List.of("input", "period"), "The statement for " + period
				+ " is on file at version " + version + ": send expectedVersion " + version
				+ " and a reason to correct it.", Math.toIntExact(version));
	}

	private static AuditEvent.Builder changes(AuditEvent.Builder event, @Nullable FinancialStatement before,
			FinancialStatement after) {
		return event.change("period", (before != null) ? before.period() : null, after.period())
			.change("periodEnd", (before != null) ? before.periodEnd() : null, after.periodEnd())
			.change("currency", (before != null) ? before.currency() : null, after.currency())
			.change("revenue", (before != null) ? before.revenue() : null, after.revenue())
			.change("netProfit", (before != null) ? before.netProfit() : null, after.netProfit())
			.change("totalAssets", (before != null) ? before.totalAssets() : null, after.totalAssets())
			.change("totalLiabilities", (before != null) ? before.totalLiabilities() : null, after.totalLiabilities())
			.change("currentAssets", (before != null) ? before.currentAssets() : null, after.currentAssets())
			.change("currentLiabilities", (before != null) ? before.currentLiabilities() : null,
					after.currentLiabilities())
			.change("operatingCashFlow", (before != null) ? before.operatingCashFlow() : null,
					after.operatingCashFlow())
			.change("taxPaid", (before != null) ? before.taxPaid() : null, after.taxPaid())
			.change("employees", (before != null) ? before.employees() : null, after.employees());
	}

	private static void setOrUnset(Update update, String field, @Nullable Object value) {
		if (value != null) {
			update.set(field, value);
		}
		else {
			update.unset(field);
		}
	}

	/** The period label, its end date matching {@code periodEnd}, and ended by today. */
	private static Period period(InputCheck check, @Nullable String label, @Nullable LocalDate periodEnd,
			LocalDate today) {
		String text = check.requiredText("period", label, 6);
		if (periodEnd == null) {
			check.reject("periodEnd", "periodEnd is required.");
		}
		if (text == null) {
			return new Period(0, null);
		}
		Period period = Period.parse(text).orElse(null);
		if (period == null || period.year() < Period.FIRST_YEAR) {
			check.reject("period", "period is a year such as 2025 or a quarter such as 2025Q3 (from "
					+ Period.FIRST_YEAR + ").");
			return new Period(0, null);
		}
		if (periodEnd != null && !periodEnd.equals(period.end())) {
			check.reject("periodEnd", "periodEnd of " + period.label() + " is its last day, " + period.end() + ".");
		}
		else if (period.end().isAfter(today)) {
			check.reject("period", period.label() + " ends on " + period.end()
					+ ": record its statement once the period has ended.");
		}
		return period;
	}

	private static String currency(InputCheck check, @Nullable String code) {
		String text = check.optionalText("currency", code, 3);
		if (text == null) {
			return check.failed("currency") ? "" : DEFAULT_CURRENCY;
		}
		if (!CURRENCY_CODE.matcher(text).matches() || !isIsoCurrency(text)) {
			check.reject("currency", "currency is an ISO 4217 code in capitals, such as CNY, USD or HKD.");
		}
		return text;
	}

	private static boolean isIsoCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
