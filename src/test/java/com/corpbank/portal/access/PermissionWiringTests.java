package com.corpbank.portal.access;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PermissionWiring} on a schema of its own, with root fields the permission table does not know: they are
 * refused before their data fetcher runs, whatever the caller's roles (fail closed), while ruled fields still work.
 */
class PermissionWiringTests {

	private static final String SCHEMA = """
			type Query { me: String  notInTheTable: String }
			type Mutation {
			  notInTheTable(input: String): ChangePayload!
			  setRiskGrade(input: String): ChangePayload!
			}
			type ChangePayload { done: Boolean  errors: [Problem!]! }
			type Problem { code: String!  field: [String!]!  message: String! }
			type Client { contacts: [String!]!  legalRepresentative: String  name: String }
			extend type Query { client: Client }
			""";

	private static final Set<Role> EVERY_ROLE = Set.of(Role.values());

	private final AtomicInteger fetches = new AtomicInteger();

	private final GraphQL graphQl = build();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void queryFieldWithoutARuleIsRefusedForEveryRoleAndItsFetcherNeverRuns() {
		signIn(EVERY_ROLE);
		ExecutionResult result = this.graphQl.execute("{ notInTheTable }");
		// Without the service's error advice the refusal is an opaque error; the point here is that nothing ran.
		assertThat(result.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getPath()).containsExactly("notInTheTable"));
		assertThat(result.<Map<String, Object>>getData()).containsEntry("notInTheTable", null);
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void mutationWithoutARuleAnswersForbiddenInItsPayloadAndItsFetcherNeverRuns() {
		signIn(EVERY_ROLE);
		ExecutionResult result = this.graphQl.execute("mutation { notInTheTable(input: \"x\") { done errors { code field } } }");
		assertThat(result.getErrors()).isEmpty();
		Map<String, Object> payload = field(result, "notInTheTable");
		assertThat(payload.get("done")).isNull();
		assertThat(payload.get("errors")).isEqualTo(List.of(Map.of("code", "FORBIDDEN", "field", List.of())));
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void ruledMutationRunsForAnAllowedRoleOnly() {
		signIn(Set.of(Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.HEAD_OFFICE_ANALYST, Role.ADMIN,
				Role.AUDITOR));
		Map<String, Object> refused = field(this.graphQl.execute("mutation { setRiskGrade { done errors { code } } }"),
				"setRiskGrade");
		assertThat(refused.get("errors")).isEqualTo(List.of(Map.of("code", "FORBIDDEN")));
		assertThat(this.fetches).hasValue(0);

		signIn(Set.of(Role.RISK_OFFICER));
		Map<String, Object> allowed = field(this.graphQl.execute("mutation { setRiskGrade { done errors { code } } }"),
				"setRiskGrade");
		assertThat(allowed).containsEntry("done", true).containsEntry("errors", List.of());
		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void ruledQueryFieldRunsForAnySignedInCaller() {
		signIn(Set.of());
		ExecutionResult result = this.graphQl.execute("{ me }");
		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).containsEntry("me", "someone");
	}

	@Test
	void withoutACallerEvenARuledFieldIsRefused() {
		ExecutionResult result = this.graphQl.execute("{ me }");
		assertThat(result.getErrors()).hasSize(1);
		assertThat(result.<Map<String, Object>>getData()).containsEntry("me", null);
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void personalDataFieldsOfOtherTypesReadEmptyForRolesNotListed() {
		signIn(Set.of(Role.RISK_OFFICER));
		ExecutionResult hidden = this.graphQl.execute("{ client { name contacts legalRepresentative } }");
		assertThat(hidden.getErrors()).isEmpty();
		assertThat(field(hidden, "client")).containsEntry("name", "上海测试有限公司")
			.containsEntry("contacts", List.of())
			.containsEntry("legalRepresentative", null);

		signIn(Set.of(Role.RM));
		ExecutionResult shown = this.graphQl.execute("{ client { contacts legalRepresentative } }");
		assertThat(field(shown, "client")).containsEntry("contacts", List.of("张三"))
			.containsEntry("legalRepresentative", "李四");
	}

	private GraphQL build() {
		DataFetcher<Object> counted = environment -> {
			this.fetches.incrementAndGet();
			return Map.of("done", true, "errors", List.of());
		};
		GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
			.schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
			.configureRuntimeWiring(wiring -> wiring
				.type("Query", type -> type.dataFetcher("me", environment -> "someone")
					.dataFetcher("notInTheTable", environment -> {
						this.fetches.incrementAndGet();
						return "secret";
					})
					.dataFetcher("client", environment -> Map.of("name", "上海测试有限公司", "contacts", List.of("张三"),
							"legalRepresentative", "李四")))
				.type("Mutation", type -> type.dataFetcher("notInTheTable", counted).dataFetcher("setRiskGrade",
						counted)));
		new PermissionWiring().permissionChecks().customize(builder);
		return builder.build().graphQl();
	}

	private static void signIn(Set<Role> roles) {
		Caller caller = new Caller("sub-1", "someone", "某人", roles, "HO");
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> field(ExecutionResult result, String name) {
		assertThat(result.getErrors()).isEmpty();
		return (Map<String, Object>) result.<Map<String, Object>>getData().get(name);
	}

}
