package com.corpbank.portal.financials;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.audit.AuditedWrites;
import com.corpbank.portal.audit.RecoverySweep;
import com.corpbank.portal.audit.WriteTarget;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.SizeBasis;
import com.corpbank.portal.portfolio.ClientFigureCopies;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.MutationRejected;
import com.corpbank.portal.write.UserErrorCode;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Re-derives a client's enterprise size 企业规模 from its latest annual statement by the 划型标准 table
 * ({@link EnterpriseSizeClassifier}) and writes it, with the {@link SizeBasis} that says which category, rule and
 * period decided it, as an audited change of the client.
 *
 * <p>Only annual CNY statements count: the table's bounds are a year's revenue in 万元 (a quarter's revenue would
 * shrink every client), and the portal keeps no exchange rates. A client whose latest annual statement is in another
 * currency keeps its size, and its {@code sizeBasis} still names the period it came from.
 *
 * <p>Crash safety without transactions: the statement write sets {@code sizeApplied: false} in the same document
 * write; {@link #apply} clears it only after the client write, and only on the statement version it read (a newer
 * correction keeps its own marker). A crash in between leaves the marker, and {@link #sweep} (at start-up and on the
 * audit sweep's schedule) applies it again. Applying also re-derives the client's revenue copy for the portfolio
 * aggregates ({@link ClientFigureCopies}) before it clears the markers, so the sweep repairs that copy too. Applying is idempotent: it derives from whatever the latest annual
 * statement is now, and writes nothing when size and basis are already right.
 */
@Component
public class ClientSizing implements RecoverySweep {

	/** The caller a repair by the sweep is recorded under: no user made it. */
	static final Caller SWEEP = new Caller("system", "system:size-sweep", "Size re-derivation sweep", Set.of(), null);

	/** Concurrent client writes can make the client write conflict; re-reading and retrying converges quickly. */
	private static final int ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(ClientSizing.class);

	private final MongoTemplate mongoTemplate;

	private final AuditedWrites writes;

	private final EnterpriseSizeClassifier classifier;

	private final Clock clock;

	private final ClientFigureCopies figureCopies;

	ClientSizing(MongoTemplate mongoTemplate, AuditedWrites writes, EnterpriseSizeClassifier classifier, Clock clock,
			ClientFigureCopies figureCopies) {
		this.mongoTemplate = mongoTemplate;
		this.writes = writes;
		this.classifier = classifier;
		this.clock = clock;
		this.figureCopies = figureCopies;
	}

	/**
	 * Brings the client's size in line with its latest annual statement and clears the size markers of the
	 * statements it read. The caller's write was authorised already: the client is matched by id only.
	 * @param actor who the client's size change is recorded under
	 */
	public void apply(String clientId, Actor actor) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Client client = this.mongoTemplate.findById(clientId, Client.class);
			if (client == null) {
				return;
			}
			List<FinancialStatement> statements = this.mongoTemplate
				.find(new Query(Criteria.where("clientId").is(clientId)), FinancialStatement.class);
			if (resize(client, latestAnnual(statements), actor)) {
				// The revenue copy the portfolio aggregates sum, before the markers go: a crash leaves them for the sweep.
				this.figureCopies.refresh(clientId);
				clearMarkers(statements);
				return;
			}
		}
		// Left marked: the next sweep tries again.
		log.warn("Size of client {} still conflicting after {} attempts", clientId, ATTEMPTS);
	}

	/** Applies every pending marker; returns how many clients it looked at. */
	@Override
	public int sweep() {
		Query marked = new Query(Criteria.where("sizeApplied").is(false));
		marked.fields().include("clientId");
		Set<String> clientIds = new LinkedHashSet<>();
		for (Document statement : this.mongoTemplate.find(marked, Document.class, "financial_statements")) {
			clientIds.add(statement.getString("clientId"));
		}
		Actor sweep = new Actor(SWEEP, "sweep-" + UUID.randomUUID());
		for (String clientId : clientIds) {
			apply(clientId, sweep);
		}
		return clientIds.size();
	}

	@Override
	public String finishes() {
		return "client size re-derivations";
	}

	/** True when the client is right (now or already); false when its version moved under us. */
	private boolean resize(Client client, @Nullable FinancialStatement latest, Actor actor) {
		if (latest == null || !StatementRecording.DEFAULT_CURRENCY.equals(latest.currency())) {
			return true;
		}
		EnterpriseSizeClassifier.Decision decision = this.classifier.decide(client.industry(), latest.employees(),
				latest.revenue(), latest.totalAssets());
		SizeBasis basis = new SizeBasis(decision.category().name(), decision.rule(), latest.period());
		if (decision.size() == client.size() && basis.equals(client.sizeBasis())) {
			return true;
		}
		long version = (client.version() != null) ? client.version() : 0;
		SizeBasis before = client.sizeBasis();
		AuditEvent event = AuditEvent.by(actor, this.clock.instant(), StatementRecording.OPERATION)
			.reason("Size re-derived by the 划型标准 table from the " + latest.period() + " statement (version "
					+ latest.currentVersion() + ")" + ((actor.caller() == SWEEP) ? ", repaired by the sweep." : "."))
			.change("size", client.size(), decision.size())
			.change("sizeBasis.category", (before != null) ? before.category() : null, basis.category())
			.change("sizeBasis.rule", (before != null) ? before.rule() : null, basis.rule())
			.change("sizeBasis.period", (before != null) ? before.period() : null, basis.period())
			.aboutClient(client.id(), version + 1);
		try {
			this.writes.update(Client.class, Criteria.where("_id").is(client.id()), version,
					new Update().set("size", decision.size()).set("sizeBasis", basis),
					WriteTarget.of("client", "clientId"), event);
			return true;
		}
		catch (MutationRejected rejected) {
			if (rejected.errors().stream().anyMatch(error -> error.code() == UserErrorCode.CONFLICT)) {
				return false;
			}
			return true;
		}
	}

	private void clearMarkers(List<FinancialStatement> statements) {
		for (FinancialStatement statement : statements) {
			if (Objects.equals(statement.sizeApplied(), Boolean.FALSE)) {
				this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is(statement.id())
					.and("version").is(statement.currentVersion())
					.and("sizeApplied").is(false)), new Update().unset("sizeApplied"), FinancialStatement.class);
			}
		}
	}

	private static @Nullable FinancialStatement latestAnnual(List<FinancialStatement> statements) {
		return statements.stream()
			.filter(statement -> Period.isAnnual(statement.period()))
			.max(Comparator.comparing(FinancialStatement::periodEnd))
			.orElse(null);
	}

}
