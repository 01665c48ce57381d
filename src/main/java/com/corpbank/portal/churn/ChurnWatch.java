package com.corpbank.portal.churn;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.notification.WorklistEvent;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Opens and updates churn alerts from a chunk of evaluated clients; called by the tier evaluation (batch and on
 * demand). Per chunk: one read of the clients' not-CLOSED alerts, then only the writes needed — an audited insert
 * where signals fire and no alert is open, an audited update where an open alert's signals changed (to none
 * included), nothing otherwise. So a second call with the same inputs writes nothing. It never closes an alert:
 * people do ({@link ChurnAlertLifecycle}).
 */
@Service
public class ChurnWatch {

	static final String OPEN_OPERATION = "openChurnAlert";

	static final String UPDATE_OPERATION = "updateChurnAlertSignals";

	private static final Logger log = LoggerFactory.getLogger(ChurnWatch.class);

	private static final WriteTarget TARGET = WriteTarget.of("churn alert", "alertId");

	private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final ChurnSignals signals;

	private final MongoTemplate mongoTemplate;

	private final AuditedWrites writes;

	ChurnWatch(ChurnSignals signals, MongoTemplate mongoTemplate, AuditedWrites writes) {
		this.signals = signals;
		this.mongoTemplate = mongoTemplate;
		this.writes = writes;
	}

	/**
	 * @param chunk the clients to evaluate (a client given twice counts once, the later inputs winning)
	 * @param actor who evaluates: the job's or the on-demand caller's actor, recorded as the alert's opener and in
	 * the audit events
	 * @param now when: the time of the opening and of the events
	 * @return for each client of the chunk, whether it has a not-CLOSED alert after the call
	 */
	public Map<String, Boolean> evaluate(List<ChurnInputs> chunk, Actor actor, Instant now) {
		Map<String, ChurnInputs> byClient = new LinkedHashMap<>();
		chunk.forEach(inputs -> byClient.put(inputs.clientId(), inputs));
		if (byClient.isEmpty()) {
			return Map.of();
		}
		Map<String, ChurnAlert> open = new HashMap<>();
		for (ChurnAlert alert : this.mongoTemplate
			.find(new Query(Criteria.where("openKey").in(byClient.keySet())), ChurnAlert.class)) {
			open.put(alert.clientId(), alert);
		}
		Map<String, Boolean> result = new LinkedHashMap<>();
		for (ChurnInputs inputs : byClient.values()) {
			List<FiredSignal> fired = this.signals.evaluate(inputs);
			ChurnAlert current = open.get(inputs.clientId());
			if (current == null) {
				result.put(inputs.clientId(), !fired.isEmpty() && open(inputs, fired, actor, now));
			}
			else {
				boolean stillOpen = current.signals().equals(fired) || update(current, inputs, fired, actor, now);
				result.put(inputs.clientId(), stillOpen);
			}
		}
		return result;
	}

	/** True when the client has an open alert afterwards: this one, or one another evaluation opened meanwhile. */
	private boolean open(ChurnInputs inputs, List<FiredSignal> fired, Actor actor, Instant now) {
		String id = "CA-" + ID_DATE.format(inputs.asOf()) + "-"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		ChurnAlert alert = new ChurnAlert(id, inputs.clientId(), ChurnAlertStatus.OPEN, fired, fired, now,
				actor.caller().username(), List.of(), inputs.asOf(), inputs.clientId(), 0);
		AuditEvent event = AuditEvent.by(actor, now, OPEN_OPERATION)
			.change("status", null, ChurnAlertStatus.OPEN)
			.change("signals", null, describe(fired))
			.about(ChurnAlertLifecycle.ENTITY_TYPE, id, 0L, inputs.clientId());
		try {
			// The live notification travels in the same write (outbox), so it exists exactly when the alert does.
			this.writes.insert(alert, event, WorklistEvent.churnAlertOpened(id, inputs.clientId(), now));
		}
		catch (DuplicateKeyException ex) {
			// Another evaluation opened one between our read and this insert: the store's guard kept it single.
			log.debug("Churn alert of {} already opened by another evaluation", inputs.clientId());
		}
		return true;
	}

	/** True when the alert is still not closed afterwards. */
	private boolean update(ChurnAlert current, ChurnInputs inputs, List<FiredSignal> fired, Actor actor, Instant now) {
		AuditEvent event = AuditEvent.by(actor, now, UPDATE_OPERATION)
			.change("signals", describe(current.signals()), describe(fired))
			.change("lastEvaluatedOn", current.lastEvaluatedOn(), inputs.asOf())
			.about(ChurnAlertLifecycle.ENTITY_TYPE, current.id(), current.version() + 1, current.clientId());
		Update update = new Update().set("signals", fired).set("lastEvaluatedOn", inputs.asOf());
		// The status is part of the match: an alert a person closed meanwhile is left alone.
		Criteria match = Criteria.where("_id").is(current.id()).and("status").ne(ChurnAlertStatus.CLOSED);
		try {
			this.writes.update(ChurnAlert.class, match, current.version(), update, TARGET, event);
			return true;
		}
		catch (MutationRejected ex) {
			// A person moved the alert between our read and this write: closed it (the match misses), or moved it on
			// (a conflict; the next evaluation brings its signals up to date).
			log.debug("Churn alert {} changed meanwhile; its signals are left to the next evaluation", current.id());
			return ex.errors().stream().noneMatch(error -> error.code() == UserErrorCode.NOT_FOUND);
		}
	}

	/** The signals as the audit trail records them: code=value/threshold, in order. */
	static String describe(List<FiredSignal> fired) {
		if (fired.isEmpty()) {
			return "none";
		}
		List<String> parts = new ArrayList<>();
		for (FiredSignal signal : fired) {
			parts.add(signal.code() + "=" + signal.value() + "/" + signal.threshold());
		}
		return String.join(", ", parts);
	}

}
