package com.corpbank.portal.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.interaction.InteractionTestData.LIST;
import static com.corpbank.portal.interaction.InteractionTestData.MOBILE;
import static com.corpbank.portal.interaction.InteractionTestData.MOBILE_MASKED;
import static com.corpbank.portal.interaction.InteractionTestData.contact;
import static com.corpbank.portal.interaction.InteractionTestData.interaction;
import static com.corpbank.portal.support.Testers.as;
import static com.corpbank.portal.support.Testers.visibleClientIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads which interactions: exactly those of the clients in their book, by every path (the list, its filter, an
 * out-of-scope client id in it, aliases, {@code Client.interactions}, {@code Interaction.client}), with contact
 * participants masked as {@code Client.contacts} masks them; filters and keyset paging.
 */
@PortalTest
@Import(InteractionTestConfiguration.class)
class InteractionScopeTests {

	/** One interaction per client, an hour apart in this order (so newest first is the reverse). */
	static final List<String> OLDEST_FIRST = ClientBookFixture.ALL;

	static final Instant FIRST = Instant.parse("2026-11-10T01:00:00Z");

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void oneInteractionPerClient() {
		new ClientBookFixture(this.mongoTemplate).load();
		Instant at = FIRST;
		for (String clientId : OLDEST_FIRST) {
			contact(this.mongoTemplate, "CT-" + clientId, clientId);
			InteractionChannel channel = clientId.startsWith("C-LI") ? InteractionChannel.PHONE
					: InteractionChannel.VISIT;
			interaction(this.mongoTemplate, "IA-" + clientId, clientId, channel, at, List.of(primaryOf(clientId)),
					List.of("CT-" + clientId), primaryOf(clientId), at.plusSeconds(60));
			at = at.plusSeconds(3600);
		}
	}

	@Test
	void everyRoleSeesTheInteractionsOfExactlyTheClientsOfItsBookNewestFirst() {
		for (String user : List.of("rm_li", "rm_zhang", "rm_wang", "rm_xu", "rm_zhao", "rm_liu", "lead_sun",
				"mgr_chen", "mgr_he", "risk_zhou", "analyst_wu", "admin", "auditor_qian")) {
			List<String> book = visibleClientIds(this.graphQlTester, user);
			List<String> expected = newestFirst().stream().filter(book::contains).toList();
			list(user, Map.of("first", 100)).path("interactions.edges[*].node.clientId").entityList(String.class)
				.satisfies(seen -> assertThat(seen).as(user).containsExactlyElementsOf(expected))
				.path("interactions.totalCount").entity(Integer.class)
				.satisfies(total -> assertThat(total).as(user).isEqualTo(expected.size()));
		}
		list("rm_li", Map.of()).path("interactions.edges[*].node.clientId").entityList(String.class)
			.containsExactly("C-WANG-2", "C-LI-2", "C-LI-1");
		list("risk_zhou", Map.of()).path("interactions.totalCount").entity(Integer.class).isEqualTo(9);
		list("admin", Map.of()).path("interactions.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void anotherRmsClientIsEmptyByFilterAliasAndNestedPath() {
		GraphQlTester.Response response = as(this.graphQlTester, "rm_li").document("""
				{
				  a: interactions(filter: { clientId: "C-ZHANG-1" }) { totalCount edges { node { id } } }
				  b: interactions(filter: { clientId: "C-LI-1" }, first: 5) { totalCount edges { node { id client { interactions(first: 5) { totalCount edges { node { clientId } } } } } } }
				  c: client(id: "C-ZHANG-1") { interactions { totalCount } }
				  d: clients(first: 20) { edges { node { id interactions(first: 5) { edges { node { clientId client { id } } } } } } }
				  e: interactions(filter: { managerUsername: "rm_zhang" }) { totalCount }
				}""").execute();
		response.path("a.totalCount").entity(Integer.class).isEqualTo(0)
			.path("a.edges").entityList(Object.class).hasSize(0)
			.path("b.totalCount").entity(Integer.class).isEqualTo(1)
			.path("b.edges[0].node.client.interactions.edges[*].node.clientId").entityList(String.class)
			.containsExactly("C-LI-1")
			.path("c").valueIsNull()
			.path("d.edges[*].node.interactions.edges[*].node.clientId").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("C-LI-1", "C-LI-2", "C-WANG-2"))
			.path("e.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void afterAHandoverTheOldRmNoLongerSeesTheClientsInteractions() {
		as(this.graphQlTester, "lead_sun").document("""
				mutation($input: AssignClientInput!) { assignClient(input: $input) { errors { code } } }""")
			.variable("input", Map.of("clientId", "C-LI-1", "primaryManager", "rm_zhang", "coManagers", List.of(),
					"reason", "handover", "expectedVersion", 0))
			.execute()
			.path("assignClient.errors").entityList(Object.class).hasSize(0);
		list("rm_li", Map.of()).path("interactions.edges[*].node.clientId").entityList(String.class)
			.containsExactly("C-WANG-2", "C-LI-2");
		list("rm_zhang", Map.of()).path("interactions.edges[*].node.clientId").entityList(String.class)
			.containsExactly("C-ZHANG-1", "C-LI-1");
	}

	@Test
	void contactParticipantsAreFullForOwnRmsMaskedForLeadsAndAnalystsAndHiddenFromRisk() {
		Map<String, Object> ofLi1 = Map.of("filter", Map.of("clientId", "C-LI-1"));
		list("rm_li", ofLi1).path("interactions.edges[0].node.contacts[0].mobile").entity(String.class).isEqualTo(MOBILE)
			.path("interactions.edges[0].node.contacts[0].masked").entity(Boolean.class).isEqualTo(false);
		for (String user : List.of("lead_sun", "mgr_chen", "analyst_wu")) {
			list(user, ofLi1).path("interactions.edges[0].node.contacts[0].mobile").entity(String.class)
				.satisfies(mobile -> assertThat(mobile).as(user).isEqualTo(MOBILE_MASKED))
				.path("interactions.edges[0].node.contacts[0].masked").entity(Boolean.class).isEqualTo(true);
		}
		list("risk_zhou", ofLi1).path("interactions.edges[0].node.contacts").entityList(Object.class).hasSize(0)
			.path("interactions.edges[0].node.id").entity(String.class).isEqualTo("IA-C-LI-1");
		// rm_li co-serves C-WANG-2 and sees its contact in full; rm_wang sees C-LI-2's (co-RM) in full too.
		list("rm_li", Map.of("filter", Map.of("clientId", "C-WANG-2"))).path("interactions.edges[0].node.contacts[0].mobile")
			.entity(String.class).isEqualTo(MOBILE);
	}

	@Test
	void filtersByChannelRmAndBeijingDates() {
		list("risk_zhou", Map.of("filter", Map.of("channel", "PHONE"))).path("interactions.edges[*].node.clientId")
			.entityList(String.class).containsExactly("C-LI-2", "C-LI-1");
		list("mgr_chen", Map.of("filter", Map.of("managerUsername", "rm_wang"))).path("interactions.edges[*].node.clientId")
			.entityList(String.class).containsExactly("C-WANG-2", "C-WANG-1");
		// 2026-11-10T01:00Z .. 09:00Z are all on 2026-11-10 in Beijing (09:00 to 17:00).
		list("risk_zhou", Map.of("filter", Map.of("occurredFrom", "2026-11-10", "occurredTo", "2026-11-10")))
			.path("interactions.totalCount").entity(Integer.class).isEqualTo(9);
		list("risk_zhou", Map.of("filter", Map.of("occurredFrom", "2026-11-11"))).path("interactions.totalCount")
			.entity(Integer.class).isEqualTo(0);
		list("risk_zhou", Map.of("filter", Map.of("occurredTo", "2026-11-09"))).path("interactions.totalCount")
			.entity(Integer.class).isEqualTo(0);
		as(this.graphQlTester, "risk_zhou").document(LIST)
			.variable("filter", Map.of("occurredFrom", "2026-11-11", "occurredTo", "2026-11-10"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")));
	}

	@Test
	void keysetPagesWalkTheWholeScopeWithoutGapsOrRepeatsAndCountEveryPage() {
		List<String> book = visibleClientIds(this.graphQlTester, "mgr_chen");
		List<String> expected = newestFirst().stream().filter(book::contains).toList();
		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Map<String, Object> variables = new java.util.HashMap<>();
			variables.put("first", 2);
			variables.put("after", after);
			GraphQlTester.Response page = list("mgr_chen", variables);
			seen.addAll(page.path("interactions.edges[*].node.clientId").entityList(String.class).get());
			page.path("interactions.totalCount").entity(Integer.class).isEqualTo(expected.size());
			boolean next = page.path("interactions.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = next ? page.path("interactions.pageInfo.endCursor").entity(String.class).get() : null;
			pages++;
		}
		while (after != null);
		// Shanghai's book: every client but C-ZHAO-1 (C-ZHAO-2 is co-served by rm_xu of SH-HP).
		assertThat(expected).hasSize(8).doesNotContain("C-ZHAO-1");
		assertThat(pages).isEqualTo(4);
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void aClientsInteractionsPageByCursorWithTheirOwnTotal() {
		interaction(this.mongoTemplate, "IA-C-LI-1-b", "C-LI-1", InteractionChannel.EMAIL,
				FIRST.minusSeconds(86_400), List.of("rm_li"), List.of(), "rm_li", FIRST);
		GraphQlTester.Response first = as(this.graphQlTester, "rm_li").document("""
				{ client(id: "C-LI-1") { interactions(first: 1) { totalCount edges { node { id } }
				  pageInfo { hasNextPage endCursor } } } }""").execute();
		first.path("client.interactions.totalCount").entity(Integer.class).isEqualTo(2)
			.path("client.interactions.edges[*].node.id").entityList(String.class).containsExactly("IA-C-LI-1")
			.path("client.interactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("client.interactions.pageInfo.endCursor").entity(String.class).get();
		as(this.graphQlTester, "rm_li").document("""
				query($after: String) { client(id: "C-LI-1") { interactions(first: 1, after: $after) { totalCount
				  edges { node { id } } pageInfo { hasNextPage } } } }""")
			.variable("after", cursor)
			.execute()
			.path("client.interactions.totalCount").entity(Integer.class).isEqualTo(2)
			.path("client.interactions.edges[*].node.id").entityList(String.class).containsExactly("IA-C-LI-1-b")
			.path("client.interactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	private GraphQlTester.Response list(String user, Map<String, Object> variables) {
		GraphQlTester.Request<?> request = as(this.graphQlTester, user).document(LIST);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}

	private static List<String> newestFirst() {
		List<String> reversed = new ArrayList<>(OLDEST_FIRST);
		java.util.Collections.reverse(reversed);
		return reversed;
	}

	private static String primaryOf(String clientId) {
		return switch (clientId) {
			case "C-LI-1", "C-LI-2" -> "rm_li";
			case "C-ZHANG-1" -> "rm_zhang";
			case "C-WANG-1", "C-WANG-2" -> "rm_wang";
			case "C-XU-1", "C-XU-2" -> "rm_xu";
			default -> "rm_zhao";
		};
	}

}
