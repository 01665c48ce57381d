package com.corpbank.portal.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.access.MutationCases.MatrixUser;
import com.corpbank.portal.access.MutationCases.MutationCase;
import com.corpbank.portal.access.MutationCases.Target;
import com.corpbank.portal.access.MutationCases.TargetKind;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is data, never a query, and never a fault: every String and ID field of every mutation's input (found in the
 * schema, nested inputs and lists included) gets hostile text — operators, regex, control characters, unpaired
 * surrogates, huge values — as a caller allowed to make the change on a client of their book. Each answer must be
 * below HTTP 500 with no internals and no INTERNAL_ERROR (a typed payload error or a success); afterwards nothing is
 * left pending in an outbox. A mutation added to the schema is covered through its {@link MutationCases} entry.
 */
@PortalTest
class MutationInjectionTests {

	static final List<String> PAYLOADS = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "$where", "a.b$c", ".*", "(",
			"\\", "' || '1'=='1", "\u0000", "上海\u0000有限", "\n", "\u202e上海", "\ud800", "😀", "<script>alert(1)</script>",
			"${jndi:ldap://127.0.0.1/a}", "", " ", "x".repeat(10_000), "长".repeat(100_000));

	/** Words that only internals put into an answer. */
	static final List<String> INTERNALS = List.of("Exception", "java.", "org.springframework", "com.mongodb",
			"de.bwaldvogel", "graphql.", "at com.", "E11000", "bson", "Caused by", "<html");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	GraphQlSource graphQlSource;

	@BeforeEach
	void loadBook() {
		ClientBookFixture fixture = new ClientBookFixture(this.mongoTemplate);
		fixture.load();
		fixture.addBulkClients("rm_liu", 1);
	}

	@Test
	void everyStringOfEveryMutationInputIsDataNeverAQueryOrAFault() throws Exception {
		int sent = 0;
		int succeeded = 0;
		for (MutationCase mutationCase : MutationCases.ALL) {
			Target target = succeedingTarget(mutationCase);
			MatrixUser user = target.caller();
			Map<String, Object> base = mutationCase.variables().of(target);
			GraphQLInputObjectType input = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(this.graphQlSource
				.schema()
				.getMutationType()
				.getFieldDefinition(mutationCase.operation())
				.getArgument("input")
				.getType());
			for (List<String> path : stringPaths(input, List.of("input"))) {
				for (String payload : PAYLOADS) {
					String answer = send(user.username(), mutationCase.document(), with(base, path, payload));
					check(mutationCase.operation() + " " + String.join(".", path), answer);
					sent++;
					if (JSON.readTree(answer).path("data").path(mutationCase.operation()).path("errors").isEmpty()) {
						succeeded++;
					}
				}
			}
		}
		// 51 String and ID fields over 12 mutations today, 20 payloads each.
		assertThat(sent).as("hostile mutation requests").isGreaterThanOrEqualTo(900);
		assertThat(succeeded).as("some hostile text is plain data and is stored").isPositive();
		long pending = 0;
		for (String collection : this.mongoTemplate.getCollectionNames()) {
			pending += this.mongoTemplate.getCollection(collection)
				.countDocuments(new Document("pendingOutbox._id", new Document("$exists", true)));
		}
		assertThat(pending).as("records left in an outbox").isZero();
	}

	/**
	 * The first caller and client for which the matrix expects the mutation to succeed: a client of the caller's book,
	 * or, for a mutation that belongs to no client (a tier model, ADMIN only), any client the matrix names for them.
	 * Where the matrix shows no success (see {@link MutationCases#SUCCESS_SHOWN_ELSEWHERE}), the first caller whose
	 * role allows the operation: the input is still checked field by field.
	 */
	private Target succeedingTarget(MutationCase mutationCase) {
		Target allowed = null;
		for (MatrixUser user : RoleOperationMatrixTests.USERS) {
			for (TargetKind kind : List.of(TargetKind.IN_SCOPE, TargetKind.OUT_OF_SCOPE)) {
				String clientId = (kind == TargetKind.IN_SCOPE) ? user.inScope() : user.outOfScope();
				if (clientId == null) {
					continue;
				}
				MutationCases.Outcome outcome = mutationCase.expectation().of(user, kind, mutationCase.allowedRoles());
				if (outcome == MutationCases.Outcome.SUCCESS) {
					return new Target(user, kind, clientId, versionOf(clientId), this.mongoTemplate);
				}
				if (allowed == null && outcome != MutationCases.Outcome.FORBIDDEN) {
					allowed = new Target(user, kind, clientId, versionOf(clientId), this.mongoTemplate);
				}
			}
		}
		if (allowed == null) {
			throw new IllegalStateException("no caller may call " + mutationCase.operation());
		}
		return allowed;
	}

	/** Every String or ID field (or list of them) of the input type, nested input objects included. */
	private static List<List<String>> stringPaths(GraphQLInputObjectType type, List<String> prefix) {
		List<List<String>> paths = new ArrayList<>();
		for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
			List<String> path = new ArrayList<>(prefix);
			path.add(field.getName());
			GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(field.getType());
			GraphQLType leaf = GraphQLTypeUtil.unwrapAll(field.getType());
			if (leaf instanceof GraphQLInputObjectType nested && !(unwrapped instanceof GraphQLList)) {
				paths.addAll(stringPaths(nested, path));
			}
			else if (leaf instanceof GraphQLScalarType scalar
					&& (scalar.getName().equals("String") || scalar.getName().equals("ID"))) {
				paths.add(path);
			}
		}
		return paths;
	}

	/** A copy of the variables with the text at the path (in a one-element list where the field is a list). */
	@SuppressWarnings("unchecked")
	private Map<String, Object> with(Map<String, Object> variables, List<String> path, String text) {
		Map<String, Object> copy = deepCopy(variables);
		Map<String, Object> parent = copy;
		for (String key : path.subList(0, path.size() - 1)) {
			parent = (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
		}
		String leaf = path.get(path.size() - 1);
		parent.put(leaf, (parent.get(leaf) instanceof List) ? List.of(text) : text);
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> deepCopy(Map<String, Object> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(key, (value instanceof Map) ? deepCopy((Map<String, Object>) value) : value));
		return copy;
	}

	private String send(String username, String document, Map<String, Object> variables) throws Exception {
		String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestIdentityProvider.get().token(username))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as("HTTP status: %s", response.body()).isLessThan(500);
		return response.body();
	}

	private static void check(String what, String answer) {
		String shown = (answer.length() > 600) ? answer.substring(0, 600) + "…" : answer;
		for (String internal : INTERNALS) {
			assertThat(answer).as("%s: answer names an internal (%s): %s", what, internal, shown).doesNotContain(internal);
		}
		JsonNode errors = JSON.readTree(answer).path("errors");
		for (JsonNode error : errors) {
			assertThat(error.path("extensions").path("classification").asString(""))
				.as("%s: %s", what, error).isNotEmpty().isNotEqualTo("INTERNAL_ERROR");
		}
	}

	private long versionOf(String clientId) {
		Document client = this.mongoTemplate.getCollection("clients").find(new Document("_id", clientId)).first();
		Object version = (client != null) ? client.get("version") : null;
		return (version instanceof Number number) ? number.longValue() : 0;
	}

}
