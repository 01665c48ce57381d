package com.corpbank.portal.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.churn.ChurnProperties;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo book loaded with the service's own follow-up schedule, read through GraphQL: an RM's client answers its
 * interactions and next follow-up consistently with the documents, and the client shaped for NO_RECENT_CONTACT has
 * none in the year and an overdue follow-up.
 */
@PortalTest
class DemoRelationshipWorkTests {

	private static final String CLIENT = """
			query($id: ID!, $from: Date) {
			  client(id: $id) {
			    id
			    nextFollowUp { dueOn rmUsername scheduledFrom overdue }
			    interactions(first: 100, filter: {occurredFrom: $from}) {
			      totalCount
			      edges { node { id channel occurredAt managers recordedBy contactIds contacts { id } summary followUpOn } }
			    }
			  }
			}""";

	private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

	private static final String LIST = """
			query($filter: InteractionFilter) {
			  interactions(filter: $filter, first: 100) { totalCount edges { node { id clientId } } }
			}""";

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	FollowUpSchedule followUps;

	@Autowired
	ChurnProperties churn;

	@Autowired
	Clock clock;

	/** The tests only read: the book is loaded once per class, unless something else replaced it in between. */
	private static boolean loaded;

	@BeforeEach
	void loadDemoBook() {
		if (loaded && this.mongoTemplate.count(new Query(), Client.class) == DemoDataGenerator.CLIENT_COUNT
				&& this.mongoTemplate.exists(new Query(Criteria.where("_id").is("IA-C000001-001")), Interaction.class)) {
			return;
		}
		new ClientBookFixture(this.mongoTemplate).clear();
		new DemoDataLoader(this.mongoTemplate, new IndustryCatalog(), new EnterpriseSizeClassifier(), this.followUps)
			.load();
		loaded = true;
	}

	@Test
	void theDemoIsShapedForTheConfiguredCadence() {
		assertThat(this.churn.visitCadence()).isEqualTo(DemoDataGenerator.DEMO_CADENCE);
	}

	@Test
	void anRmsClientAnswersItsYearOfInteractionsAndItsNextFollowUp() {
		// rm_li's first twelve clients: all tiers, and C000058 (NO_RECENT_CONTACT, nothing in the year).
		List<Client> clients = this.mongoTemplate.find(
				new Query(Criteria.where("primaryManager").is("rm_li")).with(Sort.by("_id")), Client.class);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), BANK_ZONE);
		int checked = 0;
		int withInteractions = 0;
		for (Client client : clients.subList(0, 12)) {
			List<Interaction> all = this.mongoTemplate.find(new Query(Criteria.where("clientId").is(client.id()))
				.with(Sort.by(Sort.Direction.DESC, "occurredAt")), Interaction.class);
			Instant yearFrom = RelationshipWork.WINDOW_FROM.plusDays(1).atStartOfDay(BANK_ZONE).toInstant();
			List<Interaction> year = all.stream().filter(interaction -> !interaction.occurredAt().isBefore(yearFrom))
				.toList();
			var response = as(this.graphQlTester, "rm_li").document(CLIENT)
				.variable("id", client.id())
				.variable("from", RelationshipWork.WINDOW_FROM.plusDays(1).toString())
				.execute();
			response.path("client.interactions.totalCount").entity(Integer.class).isEqualTo(year.size());
			response.path("client.interactions.edges[*].node.id").entityList(String.class)
				.containsExactly(year.stream().map(Interaction::id).toArray(String[]::new));
			if (!year.isEmpty()) {
				response.path("client.interactions.edges[0].node.recordedBy").entity(String.class)
					.isEqualTo(year.get(0).recordedBy());
				// rm_li is the client's RM: every participating contact is shown.
				response.path("client.interactions.edges[0].node.contacts[*].id").entityList(String.class)
					.containsExactly(year.get(0).contactIds().toArray(String[]::new));
				withInteractions++;
			}
			response.path("client.nextFollowUp.rmUsername").entity(String.class).isEqualTo("rm_li");
			response.path("client.nextFollowUp.scheduledFrom").entity(String.class)
				.isEqualTo(all.get(0).occurredAt().atZone(BANK_ZONE).toLocalDate().toString());
			response.path("client.nextFollowUp.dueOn").entity(String.class)
				.isEqualTo(client.followUp().dueOn().toString());
			response.path("client.nextFollowUp.overdue").entity(Boolean.class)
				.isEqualTo(client.followUp().dueOn().isBefore(today));
			checked++;
		}
		assertThat(checked).isEqualTo(12);
		assertThat(withInteractions).isGreaterThanOrEqualTo(10);
	}

	@Test
	void theClientShapedForNoRecentContactHasNoInteractionInTheYearAndIsOverdue() {
		// C000058 (rm_li's): NO_RECENT_CONTACT.
		var response = as(this.graphQlTester, "rm_li").document(CLIENT)
			.variable("id", "C000058")
			.variable("from", RelationshipWork.WINDOW_FROM.plusDays(1).toString())
			.execute();
		response.path("client.interactions.totalCount").entity(Integer.class).isEqualTo(0);
		response.path("client.nextFollowUp.overdue").entity(Boolean.class).isEqualTo(true);
		response.path("client.nextFollowUp.rmUsername").entity(String.class).isEqualTo("rm_li");
		// Its last contact, before the year, is still on record.
		as(this.graphQlTester, "rm_li").document(LIST)
			.variable("filter", Map.of("clientId", "C000058"))
			.execute()
			.path("interactions.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void theInteractionListShowsAnRmExactlyTheDemoInteractionsTheyTookPartIn() {
		long stored = this.mongoTemplate.count(new Query(Criteria.where("managers").is("rm_zhao")
			.and("occurredAt").gte(LocalDate.of(2026, 10, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant())),
				Interaction.class);
		assertThat(stored).isPositive();
		as(this.graphQlTester, "rm_zhao").document(LIST)
			.variable("filter", Map.of("managerUsername", "rm_zhao", "occurredFrom", "2026-10-01"))
			.execute()
			.path("interactions.totalCount")
			.entity(Integer.class)
			.isEqualTo((int) stored);
	}

}
