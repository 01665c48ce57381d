package com.corpbank.portal.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.PortalApplication;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.churn.ChurnWatch;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.TestIdentityProvider;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances: ONE embedded store started by the test and TWO whole services over it (as
 * {@code retiering.RetieringAcrossInstancesTests} does). An event written on instance A (a churn alert opened by A's
 * evaluation) reaches a subscriber connected to instance B, once, and only a subscriber with the client in scope.
 */
class WorklistEventsAcrossInstancesTests {

	private static final Actor JOB = new Actor(new Caller("job-subject", "admin", "Admin", Set.of(Role.ADMIN), null),
			"notification-test");

	private MongoServer store;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeEach
	void startOneStoreAndTwoInstances() {
		H2Backend backend = H2Backend.inMemory();
		backend.version(ServerVersion.MONGO_5_0);
		this.store = new MongoServer(backend);
		this.store.bind("127.0.0.1", 0);
		this.a = instance();
		this.b = instance();
		new ClientBookFixture(this.a.getBean(MongoTemplate.class)).load();
	}

	@AfterEach
	void stopInstancesAndStore() {
		this.a.close();
		this.b.close();
		this.store.shutdownNow();
	}

	@Test
	void aChurnAlertOpenedOnInstanceAReachesItsRmSubscribedOnInstanceBOnceAndNoOtherRm() throws Exception {
		try (GraphQlSocket li = subscribed(this.b, "rm_li"); GraphQlSocket zhang = subscribed(this.b, "rm_zhang")) {
			this.a.getBean(ChurnWatch.class)
				.evaluate(List.of(WorklistEventSubscriptionTests.allSignals("C-LI-1")), JOB, Instant.now());

			Map<String, Object> event = li.nextEvent();

			assertThat(event).containsEntry("kind", "CHURN_ALERT_OPENED").containsEntry("clientId", "C-LI-1");
			assertThat(li.next(Duration.ofSeconds(3))).as("once, though both instances polled it").isNull();
			assertThat(zhang.next(Duration.ofMillis(100))).as("not rm_zhang's client").isNull();
			// The positive control for rm_zhang, written on A too.
			this.a.getBean(ChurnWatch.class)
				.evaluate(List.of(WorklistEventSubscriptionTests.allSignals("C-ZHANG-1")), JOB, Instant.now());
			assertThat(zhang.nextEvent()).containsEntry("clientId", "C-ZHANG-1");
		}
	}

	private ConfigurableApplicationContext instance() {
		String[] args = { "--server.port=0", "--portal.store.mongodb-uri=" + this.store.getConnectionString() + "/portal",
				"--portal.demo-data.enabled=false", "--portal.audit.sweep-interval=PT1H",
				"--portal.security.issuer-uri=" + TestIdentityProvider.ISSUER,
				"--portal.security.jwk-set-uri=" + TestIdentityProvider.get().jwkSetUri() };
		// Command-line arguments, not builder properties: application.yml overrides those (see ServiceRestartTests).
		return new SpringApplicationBuilder(PortalApplication.class).run(args);
	}

	private static GraphQlSocket subscribed(ConfigurableApplicationContext instance, String username)
			throws Exception {
		int port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
		GraphQlSocket socket = GraphQlSocket.signedIn(port, TestIdentityProvider.get().token(username));
		WorklistEventHub hub = instance.getBean(WorklistEventHub.class);
		int before = hub.subscriberCount();
		socket.subscribeToWorklistEvents("1");
		long deadline = System.nanoTime() + GraphQlSocket.WAIT.toNanos();
		while (hub.subscriberCount() <= before && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(hub.subscriberCount()).isGreaterThan(before);
		return socket;
	}

}
