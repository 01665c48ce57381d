package com.corpbank.portal.audit;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.corpbank.portal.PortalApplication;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.risk.RiskGrading;
import com.corpbank.portal.risk.SetRiskGradeInput;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.seed.DemoDirectory;
import com.corpbank.portal.support.ClientBookFixture;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.BsonValue;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service in a process of its own that dies at a chosen point of an audited write: it starts on the given data
 * folder, loads the test book, arms a driver command listener and sets C-LI-1's risk grade as risk_zhou. When the
 * store acknowledges the command named by the {@link HaltPoint}, the listener makes the store durable (the embedded
 * store writes its file about once a second; a crash test must not depend on that timer) and halts the JVM at once:
 * no shutdown hooks, no finally blocks, no further command. Run by {@link AuditCrashRecoveryTests}.
 *
 * <p>Deliberately not a Spring component: the listener is registered on this process's context only.
 */
public final class CrashingService {

	/** Exit code of a process halted at its halt point. */
	static final int HALTED = 77;

	/** Exit code when the write finished without meeting the halt point (the test's premise broke). */
	static final int NOT_HALTED = 3;

	/** Where to die: after the store acknowledged this command on this collection. */
	enum HaltPoint {

		/** The client document holds the change and its event; nothing has been moved yet. */
		AFTER_DOCUMENT_WRITE("findAndModify", "clients"),
		/** The event is in the audit collection; its entry has not been pulled from the document. */
		AFTER_EVENT_INSERT("insert", "audit_events");

		final String command;

		final String collection;

		HaltPoint(String command, String collection) {
			this.command = command;
			this.collection = collection;
		}

	}

	private CrashingService() {
	}

	public static void main(String[] args) {
		String dataDir = args[0];
		HaltPoint point = HaltPoint.valueOf(args[1]);
		HaltingListener listener = new HaltingListener(point);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
			.initializers(initializing -> initializing.getBeanFactory()
				.registerSingleton("haltBetweenWrites",
						(MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(listener)))
			.run("--server.port=0", "--portal.store.mongodb-uri=", "--portal.store.data-dir=" + dataDir,
					"--portal.demo-data.enabled=false", "--portal.audit.sweep-interval=PT1H",
					// never contacted: no request comes over HTTP
					"--portal.security.jwk-set-uri=http://127.0.0.1:9/certs");
		new ClientBookFixture(context.getBean(MongoTemplate.class)).load();
		listener.arm(context.getBean(MongoServer.class));

		DemoDirectory.Person riskOfficer = DemoDirectory.get().person("risk_zhou");
		Actor actor = new Actor(new Caller(riskOfficer.id(), riskOfficer.username(), riskOfficer.displayName(),
				Set.of(Role.RISK_OFFICER), riskOfficer.orgUnit()), "crash-test-0001");
		context.getBean(RiskGrading.class)
			.set(actor, new SetRiskGradeInput("C-LI-1", CreditRating.BBB, FiveCategory.SPECIAL_MENTION, 30,
					"crash between the writes", 0));
		System.err.println("The write finished without meeting " + point);
		System.exit(NOT_HALTED);
	}

	/** Halts the JVM right after the store acknowledges the armed command. */
	static final class HaltingListener implements CommandListener {

		private final HaltPoint point;

		private final AtomicReference<MongoServer> armed = new AtomicReference<>();

		private volatile long requestId = -1;

		HaltingListener(HaltPoint point) {
			this.point = point;
		}

		void arm(MongoServer server) {
			this.armed.set(server);
		}

		@Override
		public void commandStarted(CommandStartedEvent event) {
			BsonValue target = event.getCommand().get(event.getCommandName());
			if (this.armed.get() != null && event.getCommandName().equals(this.point.command) && target != null
					&& target.isString() && target.asString().getValue().equals(this.point.collection)) {
				this.requestId = event.getRequestId();
			}
		}

		@Override
		public void commandSucceeded(CommandSucceededEvent event) {
			MongoServer server = this.armed.get();
			if (server != null && event.getRequestId() == this.requestId) {
				// Closing the store commits its file; the service then dies before sending anything else.
				server.shutdown();
				System.err.println("Halting after " + this.point);
				Runtime.getRuntime().halt(HALTED);
			}
		}

	}

}
