package com.corpbank.portal.audit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.corpbank.portal.PortalApplication;
import com.corpbank.portal.audit.CrashingService.HaltPoint;
import com.corpbank.portal.support.ChildLog;
import com.corpbank.portal.support.TestIdentityProvider;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.corpbank.portal.support.Testers.withToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Never lost, without transactions", shown with real process deaths: the service runs in a child JVM
 * ({@link CrashingService}) over a file-backed embedded store and is halted between the two writes of an audited
 * change. The store file is then read as the crash left it, and a NEW service is started over it (a real restart:
 * its start-up sweep is the recovery). After recovery the event is in the trail exactly once, its history entry
 * too, and the change is visible through the API.
 */
class AuditCrashRecoveryTests {

	/** The embedded store's file inside its data folder (see StoreConfiguration). */
	private static final String STORE_FILE = "portal.mv";

	@TempDir
	Path dataDir;

	@Test
	void crashAfterTheDocumentWriteLeavesTheEventInTheDocumentAndRecoveryMovesItOnce() throws Exception {
		crashAt(HaltPoint.AFTER_DOCUMENT_WRITE);

		String eventId = inspectStore(store -> {
			Document client = store.getCollection("clients").find(new Document("_id", "C-LI-1")).first();
			assertThat(client).isNotNull();
			assertThat(AuditedWrites.versionOf(client)).as("the change is written").isEqualTo(1);
			assertThat(client.get("risk", Document.class).getString("rating")).isEqualTo("BBB");
			assertThat(pending(client)).as("its event and history entry travel inside it")
				.extracting(entry -> entry.getString("collection"))
				.containsExactly("audit_events", "risk_history");
			assertThat(store.getCollection("audit_events").countDocuments()).as("not moved yet").isZero();
			assertThat(store.getCollection("risk_history").countDocuments()).isZero();
		});

		assertRecoveredExactlyOnce(eventId);
	}

	@Test
	void crashAfterTheEventInsertBeforeThePullKeepsTheEventOnceAfterRecovery() throws Exception {
		crashAt(HaltPoint.AFTER_EVENT_INSERT);

		String eventId = inspectStore(store -> {
			Document client = store.getCollection("clients").find(new Document("_id", "C-LI-1")).first();
			assertThat(client).isNotNull();
			assertThat(pending(client)).as("still pending: the pull never ran")
				.extracting(entry -> entry.getString("collection"))
				.containsExactly("audit_events", "risk_history");
			assertThat(store.getCollection("audit_events").countDocuments()).as("already in the trail")
				.isEqualTo(1);
		});

		assertRecoveredExactlyOnce(eventId);
	}

	/** Starts a new service over the crashed store and checks the trail, the history and the API. */
	private void assertRecoveredExactlyOnce(String eventId) {
		AtomicLong pendingWhenListening = new AtomicLong(-1);
		try (ConfigurableApplicationContext recovered = start(pendingWhenListening)) {
			assertThat(pendingWhenListening).as("the recovery sweep ran before the server took requests").hasValue(0);
			MongoTemplate store = recovered.getBean(MongoTemplate.class);
			List<AuditEvent> events = store.findAll(AuditEvent.class);
			assertThat(events).as("the event, exactly once").singleElement().satisfies(event -> {
				assertThat(event.id()).isEqualTo(eventId);
				assertThat(event.operation()).isEqualTo("setRiskGrade");
				assertThat(event.actor()).isEqualTo("risk_zhou");
				assertThat(event.entityId()).isEqualTo("C-LI-1");
				assertThat(event.entityVersion()).isEqualTo(1L);
				assertThat(event.requestId()).isEqualTo("crash-test-0001");
			});
			assertThat(store.getCollection("risk_history").countDocuments()).isEqualTo(1);
			assertThat(pending(store.getCollection("clients").find(new Document("_id", "C-LI-1")).first()))
				.as("nothing left pending")
				.isEmpty();

			HttpGraphQlTester api = HttpGraphQlTester.create(WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + recovered.getEnvironment().getProperty("local.server.port") + "/graphql")
				.build());
			withToken(api, TestIdentityProvider.get().token("risk_zhou"))
				.document("{ client(id: \"C-LI-1\") { version risk { rating } riskHistory { edges { node { reason } } } } }")
				.execute()
				.path("client.version").entity(Integer.class).isEqualTo(1)
				.path("client.risk.rating").entity(String.class).isEqualTo("BBB")
				.path("client.riskHistory.edges[*].node.reason").entityList(String.class)
				.containsExactly("crash between the writes");
			withToken(api, TestIdentityProvider.get().token("auditor_qian"))
				.document("{ auditEvents(filter: {entityId: \"C-LI-1\"}) { edges { node { id } } } }")
				.execute()
				.path("auditEvents.edges[*].node.id").entityList(String.class).containsExactly(eventId);
		}
	}

	private void crashAt(HaltPoint point) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		File log = this.dataDir.resolve("child-" + point + ".log").toFile();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				CrashingService.class.getName(), this.dataDir.toString(), point.name()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		// A guard against a hung child, not a timing assertion.
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		assertThat(process.exitValue()).as("the child halted at " + point + "; its log:\n" + ChildLog.tail(log))
			.isEqualTo(CrashingService.HALTED);
	}

	/** Runs the checks on the store file as the crash left it, without starting the service; returns the event id. */
	private String inspectStore(Consumer<MongoDatabase> checks) {
		H2Backend backend = new H2Backend(this.dataDir.resolve(STORE_FILE).toString());
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create(server.getConnectionString())) {
			MongoDatabase store = client.getDatabase("portal");
			checks.accept(store);
			Document document = store.getCollection("clients").find(new Document("_id", "C-LI-1")).first();
			return pending(document).get(0).getString("_id");
		}
		finally {
			server.shutdown();
		}
	}

	private ConfigurableApplicationContext start(AtomicLong pendingWhenListening) {
		// What a first request could have seen: the records still pending when the web server began to listen.
		ApplicationListener<WebServerInitializedEvent> listening = event -> {
			MongoTemplate store = event.getApplicationContext().getBean(MongoTemplate.class);
			pendingWhenListening.set(store.count(
					new Query(Criteria.where(OutboxRelay.PENDING_FIELD + "._id").exists(true)), "clients"));
		};
		// Command-line arguments win over application.yml (see ServiceRestartTests).
		return new SpringApplicationBuilder(PortalApplication.class).listeners(listening).run("--server.port=0",
				"--portal.store.mongodb-uri=", "--portal.store.data-dir=" + this.dataDir,
				"--portal.demo-data.enabled=false", "--portal.audit.sweep-interval=PT1H",
				"--portal.security.issuer-uri=" + TestIdentityProvider.ISSUER,
				"--portal.security.jwk-set-uri=" + TestIdentityProvider.get().jwkSetUri());
	}

	private static List<Document> pending(Document document) {
		return document.getList(OutboxRelay.PENDING_FIELD, Document.class, List.of());
	}

}
