package com.corpbank.portal.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.churn.ChurnInputs;
import com.corpbank.portal.churn.ChurnWatch;
import com.corpbank.portal.churn.MonthFigures;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import com.corpbank.portal.support.Testers;
import com.corpbank.portal.tier.ValueTierCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Subscription.worklistEvents} over a real WebSocket against the service on its port: events reach the RMs who
 * have the client in scope at delivery time and nobody else; the token is checked at {@code connection_init} and
 * its expiry closes the connection.
 */
@PortalTest
class WorklistEventSubscriptionTests {

	/** Comfortably more than one poll (1 s): what has not arrived by then was not delivered. */
	private static final Duration QUIET = Duration.ofSeconds(3);

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	private static final Actor JOB = new Actor(new Caller("job-subject", "admin", "Admin", Set.of(Role.ADMIN), null),
			"notification-test");

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	ChurnWatch churnWatch;

	@Autowired
	WorklistEvents worklistEvents;

	@Autowired
	WorklistEventHub hub;

	@Autowired
	HttpGraphQlTester graphQlTester;

	private final List<GraphQlSocket> sockets = new ArrayList<>();

	// Complaint ids of this test: the same event id within the poll's overlap window is the same fact, delivered once,
	// and the context (with its poller) is shared by the tests.
	private final String cp1 = "CP-" + java.util.UUID.randomUUID();

	private final String cp2 = "CP-" + java.util.UUID.randomUUID();

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
		this.mongoTemplate.remove(new Query(), WorklistEvent.class);
		this.mongoTemplate.remove(new Query(), "churn_alerts");
	}

	@AfterEach
	void closeSockets() throws Exception {
		for (GraphQlSocket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void anRmReceivesTheChurnAlertOpenedOnHerClientAndNothingAboutAnotherRmsClient() throws Exception {
		GraphQlSocket li = subscribed("rm_li");
		GraphQlSocket zhang = subscribed("rm_zhang");

		// rm_zhang's client first: were it delivered to rm_li, it would arrive before her own.
		this.churnWatch.evaluate(List.of(allSignals("C-ZHANG-1")), JOB, Instant.now());
		this.churnWatch.evaluate(List.of(allSignals("C-LI-1")), JOB, Instant.now());

		Map<String, Object> event = li.nextEvent();
		assertThat(event).containsEntry("kind", "CHURN_ALERT_OPENED").containsEntry("clientId", "C-LI-1");
		String alertId = this.mongoTemplate
			.findOne(new Query(Criteria.where("clientId").is("C-LI-1")), org.bson.Document.class, "churn_alerts")
			.getString("_id");
		assertThat(event).containsEntry("subjectId", alertId).containsEntry("id", "CA-OPENED:" + alertId);
		assertThat(li.next(QUIET)).as("nothing about rm_zhang's client").isNull();
		// The positive control: the same kind of event about C-ZHANG-1 was delivered, to its RM.
		assertThat(zhang.nextEvent()).containsEntry("clientId", "C-ZHANG-1");
		assertThat(zhang.next(QUIET)).as("nothing about rm_li's client").isNull();
	}

	@Test
	void theAlertAndItsNotificationAreWrittenTogetherAndASecondEvaluationWritesNoSecondOne() {
		this.churnWatch.evaluate(List.of(allSignals("C-LI-1")), JOB, Instant.now());
		this.churnWatch.evaluate(List.of(allSignals("C-LI-1")), JOB, Instant.now());

		assertThat(this.mongoTemplate.count(new Query(), "churn_alerts")).isEqualTo(1);
		assertThat(this.mongoTemplate.find(new Query(), WorklistEvent.class)).singleElement()
			.satisfies(event -> assertThat(event.clientId()).isEqualTo("C-LI-1"));
	}

	@Test
	void aComplaintAssignedThroughThePublicApiReachesTheClientsRmsAndTheirLeadButNoOtherRm() throws Exception {
		GraphQlSocket li = subscribed("rm_li");
		GraphQlSocket wang = subscribed("rm_wang");
		GraphQlSocket lead = subscribed("lead_sun");
		GraphQlSocket zhao = subscribed("rm_zhao");

		// C-LI-2: primary rm_li, co-RM rm_wang; team SH-PD-T1 (lead_sun).
		assertThat(this.worklistEvents.publish(WorklistEvent.complaintAssigned(this.cp1, "C-LI-2", "rm_li",
				LocalDate.of(2026, 12, 10), 1, Instant.now()))).isTrue();
		assertThat(this.worklistEvents.publish(WorklistEvent.complaintAssigned(this.cp1, "C-LI-2", "rm_li",
				LocalDate.of(2026, 12, 10), 1, Instant.now()))).as("the same assignment again").isFalse();
		// rm_zhao's positive control, published after: had rm_li's been delivered to rm_zhao, it would come first.
		this.worklistEvents.publish(WorklistEvent.complaintAssigned(this.cp2, "C-ZHAO-1", "rm_zhao", null, 1,
				Instant.now()));

		for (GraphQlSocket socket : List.of(li, wang, lead)) {
			assertThat(socket.nextEvent()).containsEntry("kind", "COMPLAINT_ASSIGNED")
				.containsEntry("clientId", "C-LI-2")
				.containsEntry("subjectId", this.cp1)
				.containsEntry("rmUsername", "rm_li")
				.containsEntry("dueOn", "2026-12-10");
		}
		assertThat(zhao.nextEvent()).containsEntry("clientId", "C-ZHAO-1");
		assertThat(li.next(QUIET)).as("delivered once, nothing of C-ZHAO-1").isNull();
	}

	@Test
	void aRaiseComplaintMutationNotifiesTheNewAssigneeAndNoRmOfAnotherTeam() throws Exception {
		GraphQlSocket wang = subscribed("rm_wang");
		GraphQlSocket zhao = subscribed("rm_zhao");

		// The team lead raises a complaint on C-LI-2 (primary rm_li, co-RM rm_wang) and hands it to rm_wang.
		String raise = """
				mutation($input: RaiseComplaintInput!) { raiseComplaint(input: $input) { complaint { id } errors { code } } }""";
		String id = Testers.as(this.graphQlTester, "lead_sun").document(raise)
			.variable("input", Map.of("clientId", "C-LI-2", "category", "FEES_AND_CHARGES", "severity", "HIGH",
					"summary", "test: fees charged twice", "assignee", "rm_wang"))
			.execute()
			.path("raiseComplaint.errors").entityList(Object.class).hasSize(0)
			.path("raiseComplaint.complaint.id").entity(String.class).get();
		// rm_zhao's positive control: his own client's complaint, raised after.
		Testers.as(this.graphQlTester, "rm_zhao").document(raise)
			.variable("input", Map.of("clientId", "C-ZHAO-1", "category", "PRODUCT", "severity", "LOW",
					"summary", "test: product"))
			.execute()
			.path("raiseComplaint.errors").entityList(Object.class).hasSize(0);

		assertThat(wang.nextEvent()).containsEntry("kind", "COMPLAINT_ASSIGNED")
			.containsEntry("subjectId", id)
			.containsEntry("rmUsername", "rm_wang")
			.containsEntry("clientId", "C-LI-2");
		assertThat(zhao.nextEvent()).containsEntry("clientId", "C-ZHAO-1");
		assertThat(zhao.next(QUIET)).as("nothing about C-LI-2").isNull();
		assertThat(wang.next(QUIET)).as("once, and nothing about C-ZHAO-1").isNull();
	}

	@Test
	void afterAHandoverTheOldRmReceivesNothingMoreAboutTheClient() throws Exception {
		GraphQlSocket li = subscribed("rm_li");
		GraphQlSocket zhang = subscribed("rm_zhang");
		this.worklistEvents.publish(WorklistEvent.complaintAssigned(this.cp1, "C-LI-1", "rm_li", null, 1, Instant.now()));
		assertThat(li.nextEvent()).containsEntry("subjectId", this.cp1);

		// The handover's effect on scope: the client is now served by rm_zhang only (what assignClient writes).
		this.mongoTemplate.updateFirst(new Query(Criteria.where("_id").is("C-LI-1")),
				new Update().set("primaryManager", "rm_zhang").set("managerUsernames", List.of("rm_zhang")),
				"clients");
		this.worklistEvents.publish(WorklistEvent.complaintAssigned(this.cp1, "C-LI-1", "rm_zhang", null, 2,
				Instant.now()));

		assertThat(zhang.nextEvent()).containsEntry("subjectId", this.cp1).containsEntry("rmUsername", "rm_zhang");
		assertThat(li.next(QUIET)).as("the old RM").isNull();
	}

	@Test
	void rolesWithoutAWorklistAreRefusedTheSubscription() throws Exception {
		for (String user : List.of("risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			GraphQlSocket socket = signedIn(user);
			socket.subscribeToWorklistEvents("1");
			// graphql-java answers a refused root field with one result (no data, the error), then the stream ends.
			Map<String, Object> message = socket.next();
			assertThat(message).as(user).containsEntry("type", "next").containsEntry("id", "1");
			assertThat(message.toString()).as(user).contains("classification=FORBIDDEN").contains("data=null");
			assertThat(socket.next()).as(user).containsEntry("type", "complete");
		}
	}

	@Test
	void aMissingOrRefusedTokenClosesTheSocketWith4401() throws Exception {
		TestIdentityProvider idp = TestIdentityProvider.get();
		List<Map<String, Object>> payloads = List.of(Map.of(), Map.of("Authorization", "Basic cm1fbGk6cGFzcw=="),
				Map.of("Authorization", "Bearer not-a-token"),
				Map.of("Authorization", "Bearer " + idp.expiredToken("rm_li")),
				Map.of("Authorization", "Bearer " + idp.tokenSignedByUnknownKey("rm_li")),
				Map.of("Authorization", "Bearer " + idp.tokenForAudience("rm_li", "another-api")));
		for (Map<String, Object> payload : payloads) {
			GraphQlSocket socket = open();
			socket.init(payload);
			CloseStatus status = socket.awaitClose(GraphQlSocket.WAIT);
			assertThat(status.getCode()).as(payload.keySet().toString()).isEqualTo(4401);
		}
	}

	@Test
	void aSubscribeBeforeConnectionInitClosesTheSocketWith4401() throws Exception {
		GraphQlSocket socket = open();
		socket.subscribeToWorklistEvents("1");
		assertThat(socket.awaitClose(GraphQlSocket.WAIT).getCode()).isEqualTo(4401);
		awaitNoSubscriber();
	}

	@Test
	void theTokensExpiryClosesTheOpenConnectionWith4401() throws Exception {
		// A JWT's exp is whole seconds.
		Instant expiry = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String shortLived = TestIdentityProvider.get()
			.token("rm_li", claims -> claims.expirationTime(Date.from(expiry)));
		GraphQlSocket socket = GraphQlSocket.signedIn(this.port, shortLived);
		this.sockets.add(socket);
		subscribe(socket, "rm_li");
		this.worklistEvents.publish(WorklistEvent.complaintAssigned(this.cp1, "C-LI-1", "rm_li", null, 1, Instant.now()));
		assertThat(socket.nextEvent()).as("the connection works until then").containsEntry("subjectId", this.cp1);

		CloseStatus status = socket.awaitClose(Duration.ofSeconds(20));

		assertThat(status.getCode()).isEqualTo(4401);
		assertThat(status.getReason()).isEqualTo("token expired");
		assertThat(Instant.now()).as("not before the expiry").isAfterOrEqualTo(expiry);
		awaitNoSubscriber();
	}

	@Test
	void theOpenHandshakePathServesNoGraphQlOverHttpAndHttpGraphQlStillNeedsAToken() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		String body = "{\"query\":\"{ me { username } }\"}";
		for (String path : List.of("/graphql-ws", "/graphql")) {
			java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isIn(401, 404, 405);
			assertThat(response.body()).as(path).doesNotContain("username");
		}
	}

	/** The server has ended every subscription (those of earlier tests' closed sockets too); it does so async. */
	private void awaitNoSubscriber() throws InterruptedException {
		long deadline = System.nanoTime() + GraphQlSocket.WAIT.toNanos();
		while (this.hub.subscriberCount() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.hub.subscriberCount()).as("subscriptions left on the server").isZero();
	}

	private GraphQlSocket subscribed(String username) throws Exception {
		GraphQlSocket socket = signedIn(username);
		subscribe(socket, username);
		return socket;
	}

	private void subscribe(GraphQlSocket socket, String username) throws Exception {
		int before = this.hub.subscriberCount();
		socket.subscribeToWorklistEvents("1");
		// The subscription is registered once the server has subscribed it: wait for that, not for a timer.
		long deadline = System.nanoTime() + GraphQlSocket.WAIT.toNanos();
		while (this.hub.subscriberCount() <= before && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.hub.subscriberCount()).as("subscribed: " + username).isGreaterThan(before);
	}

	private GraphQlSocket signedIn(String username) throws Exception {
		GraphQlSocket socket = GraphQlSocket.signedIn(this.port, TestIdentityProvider.get().token(username));
		this.sockets.add(socket);
		return socket;
	}

	private GraphQlSocket open() throws Exception {
		GraphQlSocket socket = GraphQlSocket.open(this.port);
		this.sockets.add(socket);
		return socket;
	}

	/** Six months in which every churn signal fires (as the churn tests' allSignals). */
	static ChurnInputs allSignals(String clientId) {
		List<String> deposits = List.of("1000000.00", "1000000.00", "1000000.00", "500000.00", "500000.00",
				"500000.00");
		List<Integer> products = List.of(5, 5, 5, 5, 5, 3);
		List<MonthFigures> months = new ArrayList<>();
		YearMonth last = YearMonth.of(2026, 10);
		for (int i = 0; i < 6; i++) {
			months.add(new MonthFigures(last.minusMonths(5 - i), new BigDecimal(deposits.get(i)), products.get(i), 40, 2,
					LocalDate.of(2026, 3, 2)));
		}
		return new ChurnInputs(clientId, ValueTierCode.A, months, 15, AS_OF);
	}

}
