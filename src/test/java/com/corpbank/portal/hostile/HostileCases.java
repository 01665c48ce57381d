package com.corpbank.portal.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.corpbank.portal.hostile.HostileCase.Outcome;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile requests, generated. Every string argument and variable gets every injection payload; then wrong
 * types, forged cursors, huge and deep documents, fragment cycles and bombs, batches, bad content types and bodies,
 * odd methods and paths, and bad tokens. Oracles come from {@code ClientBookFixture}: rm_li sees exactly three
 * clients, so any answer can be checked for both correctness and scope.
 */
final class HostileCases {

	/** rm_li's clients in the fixture, by id: name and the RMs who serve it. */
	static final Map<String, String> RM_LI_NAMES = Map.of("C-LI-1", "上海东方精密机械有限公司", "C-LI-2",
			"上海浦江生物医药股份有限公司", "C-WANG-2", "上海陆家嘴软件科技有限公司");

	static final Map<String, List<String>> RM_LI_MANAGERS = Map.of("C-LI-1", List.of("rm_li"), "C-LI-2",
			List.of("rm_li", "rm_wang"), "C-WANG-2", List.of("rm_wang", "rm_li"));

	static final String CLIENTS = "query q($first: Int, $after: String, $filter: ClientFilter, $orderBy: ClientOrder) "
			+ "{ clients(first: $first, after: $after, filter: $filter, orderBy: $orderBy) "
			+ "{ totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }";

	static final String CLIENT = "query q($id: ID!) { client(id: $id) { id name } }";

	static final String ME = "{ me { username } }";

	private static final String FULL_PAGE = "clients(first: 100) { totalCount edges { cursor node { id name uscc "
			+ "industry { section sectionName code name } region size lifecycleStage valueTier { tier score } "
			+ "risk { rating fiveCategory } latestFinancials { period revenue debtRatio } "
			+ "primaryManager { username displayName team { code name } } coManagers { username team { code } } } } }";

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final List<HostileCase> cases = new ArrayList<>();

	private HostileCases() {
	}

	static List<HostileCase> all() {
		HostileCases all = new HostileCases();
		all.injection();
		all.wrongTypes();
		all.forgedCursors();
		all.hugeAndDeepDocuments();
		all.fragments();
		all.batches();
		all.contentTypesAndBodies();
		all.methodsAndPaths();
		all.tokens();
		all.historyDates();
		return List.copyOf(all.cases);
	}

	// ---- dates and cursors of the history queries (migration/) ------------------------------------------------

	static final String MIGRATION = "query q($from: Date!, $to: Date!) { tierMigration(from: $from, to: $to) { total } }";

	static final String MIGRATION_CELL = "query q($from: Date!, $to: Date!, $after: String, $first: Int) { "
			+ "tierMigrationClients(from: $from, to: $to, fromTier: A, toTier: B, first: $first, after: $after) { "
			+ "totalCount edges { node { id } } } }";

	static final String AS_OF = "query q($date: Date!) { client(id: \"C-LI-1\") { id asOf(date: $date) { tier } } }";

	private void historyDates() {
		// Out of order, out of range, far apart, not dates at all: every one a typed error, never data.
		List<List<Object>> pairs = List.of(List.of("2026-09-30", "2026-06-30"), List.of("1900-01-01", "2026-06-30"),
				List.of("2026-06-30", "9999-12-31"), List.of("2000-01-01", "2026-06-30"),
				List.of("0000-01-01", "2026-06-30"), List.of("+99999-01-01", "2026-06-30"),
				List.of("-0001-01-01", "2026-06-30"), List.of("2026-02-30", "2026-06-30"),
				List.of(Map.of("$gt", ""), "2026-06-30"), List.of("2026-06-30", List.of("2026-09-30")),
				List.of(20260630, "2026-09-30"), List.of("2026-06-30T00:00:00Z", "2026-09-30"),
				List.of("2026-06-30", "2100-01-01"), List.of("", "2026-09-30"));
		for (List<Object> pair : pairs) {
			String label = Json.quote(String.valueOf(pair.get(0))) + " to " + Json.quote(String.valueOf(pair.get(1)));
			add(HostileCase.graphQl("history", "tierMigration " + label,
					Map.of("query", MIGRATION, "variables", Map.of("from", pair.get(0), "to", pair.get(1))))
				.expect(Outcome.GRAPHQL_ERROR));
			add(HostileCase.graphQl("history", "tierMigrationClients " + label,
					Map.of("query", MIGRATION_CELL, "variables", Map.of("from", pair.get(0), "to", pair.get(1))))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		for (Object date : List.of("1900-01-01", "1999-12-31", "9999-12-31", "2100-01-01", "0000-01-01", "+99999-01-01",
				"-0001-01-01", "2026-02-30", "", Map.of("$gt", ""), List.of("2026-06-30"), 20260630,
				"2026-06-30T00:00:00Z")) {
			add(HostileCase.graphQl("history", "asOf " + Json.quote(String.valueOf(date)),
					Map.of("query", AS_OF, "variables", Map.of("date", date)))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		for (Object after : List.of("x", "$where", "{\"$gt\":\"\"}", "x".repeat(2_000), "\u0000")) {
			add(HostileCase.graphQl("history", "tierMigrationClients after " + shown(String.valueOf(after)),
					Map.of("query", MIGRATION_CELL, "variables",
							Map.of("from", "2026-06-30", "to", "2026-09-30", "after", after)))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		for (Object first : List.of(-1, 101, 1_000_000, new Json.Raw("99999999999999999999"))) {
			add(HostileCase.graphQl("history", "tierMigrationClients first " + first,
					Map.of("query", MIGRATION_CELL, "variables",
							Map.of("from", "2026-06-30", "to", "2026-09-30", "first", first)))
				.expect(Outcome.GRAPHQL_ERROR));
		}
	}

	// ---- operator injection, in every string argument and variable ----------------------------------------------

	static List<String> injectionPayloads() {
		return List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "$where", "$regex", "{\"$where\":\"sleep(5000)\"}",
				"this.name == this.name", "'; db.dropDatabase(); '", "\"; return true; //", "' || '1'=='1", ".*",
				"^.*$", "(", "[a-z", "\\", "a|b|上海", "(?i)上海", "(a+)+$", "%", "_", "*", "\u0000", "上海\u0000有限",
				"\u0001", "\n", "\r\n", "\t", "\u007f", "\u0085", "\u2028", "\ud800", "\udc00上海", "上海\ud83d",
				"\u202e上海", "\u200f", "\u200b", "\ufeff", "😀", "👨‍👩‍👧‍👦", "上海", "e\u0301", "＄ｇｔ",
				"${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>", "../../etc/passwd", "", " ",
				"x".repeat(101), "长".repeat(101), "x".repeat(10_000), "长".repeat(100_000));
	}

	private void injection() {
		List<String> payloads = injectionPayloads();
		for (int i = 0; i < payloads.size(); i++) {
			String p = payloads.get(i);
			String label = "#" + i + " " + shown(p);
			boolean plainName = isPlain(p) && p.codePointCount(0, p.length()) <= 100;
			int names = namesContaining(p);
			Consumer<JsonNode> nameOracle = data -> assertThat(data.path("clients").path("totalCount").asInt(-1))
				.as("clients whose name contains %s", shown(p)).isEqualTo(names);
			add(HostileCase.graphQl("injection", "nameContains variable " + label,
					Map.of("query", CLIENTS, "variables", Map.of("filter", Map.of("nameContains", p))))
				.expect(plainName ? Outcome.DATA : Outcome.GRAPHQL_ERROR, nameOracle));
			boolean literalParses = p.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
			add(HostileCase.graphQl("injection", "nameContains literal " + label,
					Map.of("query", "{ clients(filter: { nameContains: " + Json.quote(p)
							+ " }) { totalCount edges { node { id name } } } }"))
				.expect(plainName && literalParses ? Outcome.DATA : Outcome.GRAPHQL_ERROR, nameOracle));
			int managed = (int) RM_LI_MANAGERS.values().stream().filter(managers -> managers.contains(p)).count();
			add(HostileCase.graphQl("injection", "managerUsername variable " + label,
					Map.of("query", CLIENTS, "variables", Map.of("filter", Map.of("managerUsername", p))))
				.expect(USERNAME.matcher(p).matches() ? Outcome.DATA : Outcome.GRAPHQL_ERROR,
						data -> assertThat(data.path("clients").path("totalCount").asInt(-1)).isEqualTo(managed)));
			add(HostileCase.graphQl("injection", "industrySection variable " + label,
					Map.of("query", CLIENTS, "variables", Map.of("filter", Map.of("industrySection", p))))
				.expect(Outcome.GRAPHQL_ERROR));
			add(HostileCase.graphQl("injection", "after variable " + label,
					Map.of("query", CLIENTS, "variables", Map.of("after", p)))
				.expect(Outcome.GRAPHQL_ERROR));
			add(HostileCase.graphQl("injection", "client id variable " + label,
					Map.of("query", CLIENT, "variables", Map.of("id", p)))
				.expect(ID.matcher(p).matches() ? Outcome.DATA : Outcome.GRAPHQL_ERROR,
						data -> assertThat(data.path("client").isNull()).as("unknown id answers null").isTrue()));
		}
		// The operation name is a string the caller controls too.
		for (String p : List.of("{\"$gt\":\"\"}", "$where", ".*", "\u0000", "\ud800", "\u202e", "😀", "x".repeat(10_000),
				"<script>alert(1)</script>", "' OR 1=1 --", "__schema", "q q")) {
			add(HostileCase.graphQl("injection", "operationName " + shown(p),
					Map.of("query", "query q { me { username } }", "operationName", p)).expect(Outcome.REFUSED));
		}
	}

	/** The oracle of a literal {@code nameContains}: how many of rm_li's clients' names contain the text. */
	static int namesContaining(String text) {
		String needle = text.toLowerCase(Locale.ROOT);
		return (int) RM_LI_NAMES.values().stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(needle)).count();
	}

	static boolean isPlain(String text) {
		return text.codePoints().noneMatch(
				cp -> Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.SURROGATE);
	}

	// ---- wrong types for every argument ------------------------------------------------------------------------

	private void wrongTypes() {
		List<Object> notStrings = List.of(Map.of("$gt", ""), Map.of("$ne", Json.NULL), List.of("a"), List.of(), 1, 1.5,
				true, Map.of("$where", "1"), new Json.Raw("99999999999999999999"), new Json.Raw("1e309"));
		for (Object value : notStrings) {
			String label = Json.write(value);
			add(HostileCase.graphQl("wrong type", "nameContains = " + label,
					Map.of("query", CLIENTS, "variables", Map.of("filter", Map.of("nameContains", value))))
				.expect(Outcome.GRAPHQL_ERROR));
			add(HostileCase.graphQl("wrong type", "managerUsername = " + label,
					Map.of("query", CLIENTS, "variables", Map.of("filter", Map.of("managerUsername", value))))
				.expect(Outcome.GRAPHQL_ERROR));
			add(HostileCase.graphQl("wrong type", "industrySection = " + label,
					Map.of("query", CLIENTS, "variables", Map.of("filter", Map.of("industrySection", value))))
				.expect(Outcome.GRAPHQL_ERROR));
			add(HostileCase.graphQl("wrong type", "after = " + label,
					Map.of("query", CLIENTS, "variables", Map.of("after", value)))
				.expect(Outcome.GRAPHQL_ERROR));
			// ID takes integers too (the spec's ID coercion): an integer id is an unknown client.
			add(HostileCase.graphQl("wrong type", "client id = " + label,
					Map.of("query", CLIENT, "variables", Map.of("id", value)))
				.expect(Outcome.ERROR_OR_DATA, data -> assertThat(data.path("client").isNull()).isTrue()));
		}
		for (Object first : List.of("ten", "20", 1.5, true, Map.of(), List.of(), -1, 101, 2147483647,
				new Json.Raw("2147483648"), new Json.Raw("-2147483649"), new Json.Raw("99999999999999999999"),
				new Json.Raw("1e309"), "0x10", Map.of("$gt", 0))) {
			add(HostileCase.graphQl("wrong type", "first = " + Json.write(first),
					Map.of("query", CLIENTS, "variables", Map.of("first", first)))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		for (Object first : List.of(new Json.Raw("1e2"), new Json.Raw("-0"), Json.NULL, 0)) {
			add(HostileCase.graphQl("wrong type", "first = " + Json.write(first) + " (a legal Int)",
					Map.of("query", CLIENTS, "variables", Map.of("first", first)))
				.expect(Outcome.ERROR_OR_DATA, data -> assertThat(data.path("clients").path("totalCount").asInt())
					.isEqualTo(RM_LI_NAMES.size())));
		}
		for (Object orderBy : List.of("NAME", Map.of("field", "PASSWORD"), Map.of("field", 1),
				Map.of("direction", "SIDEWAYS"), Map.of("field", Json.NULL), Map.of("field", "name"), List.of(),
				Map.of("field", "NAME", "direction", "ASC", "extra", 1), Map.of("field", "$natural"),
				Map.of("field", Map.of("$ne", Json.NULL)))) {
			add(HostileCase.graphQl("wrong type", "orderBy = " + Json.write(orderBy),
					Map.of("query", CLIENTS, "variables", Map.of("orderBy", orderBy)))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		for (Object filter : List.of("tier=A", 1, List.of(), List.of(Map.of()), Map.of("tier", "Z"),
				Map.of("tier", 1), Map.of("tier", List.of("A")), Map.of("region", "MARS"), Map.of("unknown", 1),
				Map.of("rating", "a"), Map.of("tier", "A", "$where", "1"), Map.of("industrySection", "Z"),
				Map.of("size", Map.of("$ne", Json.NULL)), Map.of("lifecycleStage", true),
				Map.of("tier", Map.of("$in", List.of("A", "B", "C"))))) {
			add(HostileCase.graphQl("wrong type", "filter = " + Json.write(filter),
					Map.of("query", CLIENTS, "variables", Map.of("filter", filter)))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		for (Object variables : List.of("x", List.of(), 1, true, List.of(Map.of("first", 1)))) {
			add(HostileCase.graphQl("wrong type", "variables = " + Json.write(variables),
					Map.of("query", CLIENTS, "variables", variables)).expect(Outcome.REFUSED));
		}
		for (String document : List.of("query q($f: String) { clients(first: $f) { totalCount } }",
				"query q($f: Int!) { clients(first: $f) { totalCount } }",
				"query q($f: ClientFilter!) { clients(filter: $f) { totalCount } }",
				"query q($id: String) { client(id: $id) { id } }", "query q($x: Mystery) { me { username } }")) {
			add(HostileCase.graphQl("wrong type", "variable declared as " + document,
					Map.of("query", document)).expect(Outcome.GRAPHQL_ERROR));
		}
		for (String arguments : List.of("clients(first: \"10\")", "clients(first: 1.5)",
				"clients(first: 99999999999)", "clients(first: -1)", "clients(first: true)",
				"clients(filter: { tier: \"A\" })", "clients(orderBy: { field: \"NAME\" })",
				"clients(orderBy: { field: NAME, direction: SIDEWAYS })", "clients(after: 123)",
				"clients(after: { a: 1 })", "clients(filter: { nameContains: 123 })",
				"clients(filter: { nameContains: { a: 1 } })", "clients(filter: { nameContains: [\"a\"] })",
				"clients(filter: { managerUsername: true })", "clients(filter: { tier: A, tier: B })",
				"clients(first: 1, first: 2)", "clients(bogus: 1)", "clients(filter: \"tier=A\")",
				"clients(filter: [{ tier: A }])", "clients(filter: { industrySection: \"C\" })")) {
			add(HostileCase.graphQl("wrong type", "inline " + arguments,
					Map.of("query", "{ " + arguments + " { totalCount } }")).expect(Outcome.GRAPHQL_ERROR));
		}
		for (String client : List.of("client(id: 1.5)", "client(id: true)", "client(id: { a: 1 })",
				"client(id: null)", "client(id: [\"C-LI-1\"])", "client", "client(id: C_LI_1)")) {
			add(HostileCase.graphQl("wrong type", "inline " + client,
					Map.of("query", "{ " + client + " { id } }")).expect(Outcome.GRAPHQL_ERROR));
		}
		add(HostileCase.graphQl("wrong type", "inline client(id: 1) (an integer ID)",
				Map.of("query", "{ client(id: 1) { id } }"))
			.expect(Outcome.DATA, data -> assertThat(data.path("client").isNull()).isTrue()));
		add(HostileCase.graphQl("wrong type", "me with an argument", Map.of("query", "{ me(username: \"rm_wang\") { username } }"))
			.expect(Outcome.GRAPHQL_ERROR));
	}

	// ---- forged cursors -----------------------------------------------------------------------------------------

	static String cursor(String... parts) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join("\u001F", parts).getBytes(StandardCharsets.UTF_8));
	}

	private void forgedCursors() {
		Map<String, String> refused = new LinkedHashMap<>();
		Random random = new Random(5);
		for (int length : new int[] { 1, 3, 16, 33, 64, 100, 200, 700 }) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			refused.put("random Base64 of " + length + " bytes",
					Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		}
		for (String garbage : List.of("garbage", "null", "{\"$gt\":\"\"}", "", "\u001F\u001F\u001F", "NAME:ASC")) {
			refused.put("Base64 of " + shown(garbage), cursor(garbage));
		}
		refused.put("swapped: type first", cursor("S", "NAME:ASC", "上海", "C-LI-1"));
		refused.put("swapped: id first", cursor("C-LI-1", "S", "上海", "NAME:ASC"));
		refused.put("swapped: value before type", cursor("NAME:ASC", "上海", "S", "C-LI-1"));
		refused.put("three parts", cursor("NAME:ASC", "S", "C-LI-1"));
		refused.put("five parts", cursor("NAME:ASC", "S", "上海", "C-LI-1", "x"));
		refused.put("empty id", cursor("NAME:ASC", "S", "上海", ""));
		refused.put("operator as id", cursor("NAME:ASC", "S", "上海", "{\"$gt\":\"\"}"));
		refused.put("NUL in id", cursor("NAME:ASC", "S", "上海", "C-LI-1\u0000"));
		refused.put("65-character id", cursor("NAME:ASC", "S", "上海", "C".repeat(65)));
		refused.put("NUL in the name key", cursor("NAME:ASC", "S", "上海\u0000", "C-LI-1"));
		refused.put("unknown key type", cursor("NAME:ASC", "X", "上海", "C-LI-1"));
		refused.put("empty key type", cursor("NAME:ASC", "", "上海", "C-LI-1"));
		refused.put("forged order tag", cursor("NAME:ASC;DROP", "S", "上海", "C-LI-1"));
		refused.put("1 MB of Base64 letters", "A".repeat(1 << 20));
		refused.put("1 MB of assorted characters", "#%&*()[]{}上海\u0000".repeat((1 << 20) / 16));
		refused.put("1025 characters", "A".repeat(1025));
		refused.put("1024 characters of garbage", "A".repeat(1024));
		refused.put("standard alphabet with padding", Base64.getEncoder().encodeToString("NAME:ASC\u001FS\u001F??>>\u001FC-LI-1".getBytes(StandardCharsets.UTF_8)));
		refused.put("a newline inside", cursor("NAME:ASC", "S", "上海", "C-LI-1").substring(0, 8) + "\n"
				+ cursor("NAME:ASC", "S", "上海", "C-LI-1").substring(8));
		refused.put("percent-encoded NUL", "%00");
		refused.put("Chinese text", "游标");
		for (Map.Entry<String, String> entry : refused.entrySet()) {
			add(HostileCase.graphQl("forged cursor", entry.getKey(),
					Map.of("query", CLIENTS, "variables", Map.of("after", entry.getValue())))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		Map<String, String> refusedDecimals = new LinkedHashMap<>();
		for (String decimal : List.of("abc", "1E+7000", "-1E-7000", "1E+6112", "NaN", "Infinity", "1".repeat(35), "--1",
				"1e", "1" + "0".repeat(600), "1".repeat(300_000), "1.5.5", "0x10", "{\"$gt\":0}")) {
			refusedDecimals.put("decimal key " + shown(decimal), cursor("TIER_SCORE:ASC", "D", decimal, "C-LI-1"));
		}
		for (Map.Entry<String, String> entry : refusedDecimals.entrySet()) {
			add(HostileCase.graphQl("forged cursor", entry.getKey(),
					Map.of("query", CLIENTS, "variables",
							Map.of("after", entry.getValue(), "orderBy", Map.of("field", "TIER_SCORE"))))
				.expect(Outcome.GRAPHQL_ERROR));
		}
		add(HostileCase.graphQl("forged cursor", "a name-order cursor on the tier-score order",
				Map.of("query", CLIENTS, "variables", Map.of("after", cursor("NAME:ASC", "S", "上海东方精密机械有限公司", "C-LI-1"),
						"orderBy", Map.of("field", "TIER_SCORE")))).expect(Outcome.GRAPHQL_ERROR));
		add(HostileCase.graphQl("forged cursor", "an ascending cursor on the descending order",
				Map.of("query", CLIENTS, "variables", Map.of("after", cursor("NAME:ASC", "S", "上海", "C-LI-1"),
						"orderBy", Map.of("field", "NAME", "direction", "DESC")))).expect(Outcome.GRAPHQL_ERROR));
		// Well-formed positions the caller made up: a page from there, never a row outside the scope.
		Map<String, String> positions = new LinkedHashMap<>();
		positions.put("another RM's client as position", cursor("NAME:ASC", "S", "上海申通物流有限公司", "C-WANG-1"));
		positions.put("operator text as the name key", cursor("NAME:ASC", "S", "{\"$gt\":\"\"}", "C-LI-1"));
		positions.put("regex as the name key", cursor("NAME:ASC", "S", ".*", "C-LI-1"));
		positions.put("empty name key", cursor("NAME:ASC", "S", "", "A"));
		positions.put("missing key", cursor("NAME:ASC", "N", "", "C-LI-1"));
		for (Map.Entry<String, String> entry : positions.entrySet()) {
			add(HostileCase.graphQl("forged cursor", entry.getKey(),
					Map.of("query", CLIENTS, "variables", Map.of("after", entry.getValue())))
				.expect(Outcome.DATA, data -> assertThat(data.path("clients").path("totalCount").asInt())
					.isEqualTo(RM_LI_NAMES.size())));
		}
		add(HostileCase.graphQl("forged cursor", "decimal key at Decimal128's edge, 1E+6111",
				Map.of("query", CLIENTS, "variables", Map.of("after", cursor("TIER_SCORE:ASC", "D", "1E+6111", "C-LI-1"),
						"orderBy", Map.of("field", "TIER_SCORE"))))
			.expect(Outcome.DATA, data -> assertThat(data.path("clients").path("edges").size()).isZero()));
	}

	// ---- huge and deep documents -----------------------------------------------------------------------------------

	private void hugeAndDeepDocuments() {
		for (int depth : new int[] { 10, 100, 1_000, 10_000 }) {
			add(query("document", "unknown fields nested " + depth + " deep",
					"{ " + "a { ".repeat(depth) + "b" + " }".repeat(depth) + " }", Outcome.REFUSED));
			add(query("document", "list literal nested " + depth + " deep",
					"{ clients(filter: { nameContains: " + "[".repeat(depth) + "\"x\"" + "]".repeat(depth)
							+ " }) { totalCount } }", Outcome.REFUSED));
		}
		for (int depth : new int[] { 100, 2_000, 100_000 }) {
			Json.Raw nested = new Json.Raw("[".repeat(depth) + "\"x\"" + "]".repeat(depth));
			add(HostileCase.graphQl("document", "variable JSON nested " + depth + " deep",
					Map.of("query", CLIENTS, "variables", Map.of("filter", Map.of("nameContains", nested))))
				.expect(Outcome.REFUSED));
		}
		add(query("document", "introspection ofType chain 40 deep",
				"{ __schema { types { fields { type { " + "ofType { ".repeat(40) + "name" + " }".repeat(40)
						+ " } } } } }", Outcome.ANY));
		add(query("document", "1,000 aliases of me", aliases(1_000, "me { username }"), Outcome.ANY));
		add(query("document", "10,000 aliases of me", aliases(10_000, "me { username }"), Outcome.ANY));
		add(query("document", "1,000 aliases of __typename", aliases(1_000, "__typename"), Outcome.ANY));
		add(query("document", "1,000 aliases of clients(first: 1)", aliases(1_000, "clients(first: 1) { totalCount }"),
				Outcome.ANY));
		add(query("document", "100 aliases of a full 100-client page", aliases(100, FULL_PAGE), Outcome.ANY));
		add(query("document", "100,000-character field name", "{ " + "f".repeat(100_000) + " }",
				Outcome.REFUSED));
		add(query("document", "100,000-character alias", "{ " + "a".repeat(100_000) + ": me { username } }",
				Outcome.ANY));
		add(query("document", "100,000-character operation name",
				"query " + "q".repeat(100_000) + " { me { username } }", Outcome.ANY));
		add(query("document", "100,000-character unused variable name",
				"query q($" + "v".repeat(100_000) + ": Int) { me { username } }", Outcome.REFUSED));
		add(query("document", "100,000 characters of whitespace", ME + " ".repeat(100_000), Outcome.ANY));
		add(query("document", "100,000-character comment", "#" + "c".repeat(100_000) + "\n" + ME, Outcome.ANY));
		add(query("document", "1,000,000 characters of whitespace", ME + " ".repeat(1_000_000), Outcome.ANY));
		add(query("document", "50,000 repeated fields", "{ me { " + "username ".repeat(50_000) + "} }", Outcome.ANY));
		add(query("document", "1,000 operations, no operation name",
				IntStream.range(0, 1_000).mapToObj(i -> "query q" + i + " { me { username } }").collect(Collectors.joining(" ")),
				Outcome.REFUSED));
		add(query("document", "500,000-character string literal",
				"{ clients(filter: { nameContains: \"" + "x".repeat(500_000) + "\" }) { totalCount } }", Outcome.REFUSED));
		add(query("document", "huge integer literal", "{ clients(first: 99999999999999999999999999999) { totalCount } }",
				Outcome.REFUSED));
		add(query("document", "1,000 repeated @skip directives",
				"{ me { username" + " @skip(if: false)".repeat(1_000) + " } }", Outcome.REFUSED));
		add(query("document", "unknown directive", "{ me @evil { username } }", Outcome.REFUSED));
		add(query("document", "5,000 unused variables",
				"query q(" + IntStream.range(0, 5_000).mapToObj(i -> "$v" + i + ": Int").collect(Collectors.joining(" "))
						+ ") { me { username } }", Outcome.REFUSED));
		for (String document : List.of("", " ", "{}", "query", "# only a comment", "mutation { x }",
				"subscription { x }", "{ me }", ME + " trailing {", "\u0000", ME + "\u0000", "{ me { username } ",
				"{ clients { totalCount } } { me { username } }", "query q { me { username } } query q { me { username } }")) {
			add(query("document", "malformed " + shown(document), document, Outcome.REFUSED));
		}
		add(query("document", "{ __typename }", "{ __typename }", Outcome.DATA));
	}

	private static String aliases(int count, String field) {
		return "{ " + IntStream.range(0, count).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining(" ")) + " }";
	}

	// ---- fragment cycles and bombs ---------------------------------------------------------------------------------

	private void fragments() {
		add(query("fragment", "two-fragment cycle",
				"{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", Outcome.REFUSED));
		add(query("fragment", "self-spread", "{ ...A } fragment A on Query { me { username } ...A }", Outcome.REFUSED));
		add(query("fragment", "three-fragment cycle",
				"{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }",
				Outcome.REFUSED));
		add(query("fragment", "cycle through an inline fragment",
				"{ ...A } fragment A on Query { ... on Query { ...A } }", Outcome.REFUSED));
		add(query("fragment", "cycle inside a nested selection",
				"{ clients { edges { node { ...C } } } } fragment C on Client { primaryManager { ...R } } "
						+ "fragment R on RelationshipManager { username ...C }", Outcome.REFUSED));
		add(query("fragment", "undefined fragment", "{ ...Nowhere }", Outcome.REFUSED));
		add(query("fragment", "unused fragment", ME + " fragment U on Query { me { username } }", Outcome.REFUSED));
		add(query("fragment", "fragment on an unknown type", "{ ...A } fragment A on Mystery { x }", Outcome.REFUSED));
		add(query("fragment", "duplicate fragment names",
				"{ ...A } fragment A on Query { me { username } } fragment A on Query { __typename }", Outcome.REFUSED));
		for (int levels : new int[] { 10, 20, 30, 60 }) {
			add(query("fragment", "binary fragment bomb, " + levels + " levels", bomb(levels, 2, "Query", "me { username }"),
					Outcome.ANY));
		}
		add(query("fragment", "quaternary fragment bomb, 15 levels", bomb(15, 4, "Query", "me { username }"), Outcome.ANY));
		add(query("fragment", "bomb of ten aliases, 25 levels",
				bomb(25, 2, "Query", IntStream.range(0, 10).mapToObj(i -> "m" + i + ": me { username }")
					.collect(Collectors.joining(" "))), Outcome.ANY));
		add(query("fragment", "bomb on Client inside a 100-client page",
				"{ clients(first: 100) { edges { node { ...F30 } } } } " + fragmentsOf(30, 2, "Client", "id name"),
				Outcome.ANY));
	}

	/** {@code F0} selects the fields; each {@code Fi} spreads {@code F(i-1)} {@code width} times. */
	private static String bomb(int levels, int width, String type, String fields) {
		return "{ ...F" + levels + " } " + fragmentsOf(levels, width, type, fields);
	}

	private static String fragmentsOf(int levels, int width, String type, String fields) {
		StringBuilder document = new StringBuilder("fragment F0 on " + type + " { " + fields + " }");
		for (int i = 1; i <= levels; i++) {
			document.append(" fragment F").append(i).append(" on ").append(type).append(" { ")
				.append(("...F" + (i - 1) + " ").repeat(width)).append("}");
		}
		return document.toString();
	}

	// ---- batches -------------------------------------------------------------------------------------------------

	private void batches() {
		String me = Json.write(Map.of("query", ME));
		for (int size : new int[] { 1, 2, 100, 1_000 }) {
			add(HostileCase.request("batch", "array of " + size + " operations")
				.json("[" + String.join(",", java.util.Collections.nCopies(size, me)) + "]")
				.expect(Outcome.REFUSED)
				.build());
		}
		for (String body : List.of("[]", "[[]]", "[1,2]", "[null]", "[\"{ me { username } }\"]",
				"[" + me + ", {\"query\": \"mutation { x }\"}]")) {
			add(HostileCase.request("batch", "array " + shown(body)).json(body).expect(Outcome.REFUSED).build());
		}
	}

	// ---- content types and bodies -----------------------------------------------------------------------------------

	private void contentTypesAndBodies() {
		String me = Json.write(Map.of("query", ME));
		for (String contentType : java.util.Arrays.asList("*/*", "text/plain", null, "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/xml", "application/graphql",
				"application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
				"application/graphql-response+json", "text/html", "application/json;;;", "garbage", "application/*",
				"application/json, text/plain")) {
			add(HostileCase.request("content type", "Content-Type " + (contentType == null ? "absent" : contentType))
				.json(me)
				.contentType(contentType)
				.build());
		}
		for (String accept : List.of("text/html", "application/xml", "*/*", ";;;", "application/graphql-response+json")) {
			add(HostileCase.request("content type", "Accept " + accept + " with a bad document")
				.json(Json.write(Map.of("query", "{ me { password } }")))
				.header("Accept", accept)
				.build());
		}
		Map<String, String> refusedBodies = new LinkedHashMap<>();
		for (String body : List.of("null", "[]", "{}", "\"\"", "1", "true", "\"{ me { username } }\"", "{ not json",
				"", "{\"query\": null}", "{\"query\": 1}", "{\"query\": [\"a\"]}", "{\"query\": {\"$gt\": \"\"}}",
				"{\"query\": \"{ me { username } }\", \"extensions\": \"x\"}",
				"{\"query\": \"{ me { username } }\", \"operationName\": 1}",
				"{\"query\": \"{ me { username } }\", \"operationName\": {\"$ne\": null}}",
				"{\"query\": \"{ me { us\u0000ername } }\"}",
				"{\"query\": \"{ me { username } }\" /* comment */}", "[".repeat(100_000),
				"{\"a\":".repeat(50_000))) {
			refusedBodies.put(shown(body), body);
		}
		for (Map.Entry<String, String> entry : refusedBodies.entrySet()) {
			add(HostileCase.request("body", "body " + entry.getKey()).json(entry.getValue()).expect(Outcome.REFUSED).build());
		}
		add(HostileCase.request("body", "no body at all").body(null).expect(Outcome.REFUSED).build());
		add(HostileCase.request("body", "invalid UTF-8")
			.body(new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' })
			.expect(Outcome.REFUSED)
			.build());
		add(HostileCase.request("body", "UTF-8 byte-order mark first").body(concat(new byte[] { (byte) 0xEF, (byte) 0xBB,
				(byte) 0xBF }, me.getBytes(StandardCharsets.UTF_8))).build());
		add(HostileCase.request("body", "UTF-16 body").body(me.getBytes(StandardCharsets.UTF_16LE)).build());
		add(HostileCase.request("body", "trailing garbage after the JSON").json(me + " trailing").build());
		add(HostileCase.request("body", "duplicate query keys")
			.json("{\"query\": \"{ me { username } }\", \"query\": \"{ clients { totalCount } }\"}")
			.build());
		add(HostileCase.request("body", "2 MB body of valid JSON")
			.json(Json.write(Map.of("query", ME, "extensions", Map.of("pad", "x".repeat(2 << 20)))))
			.expect(Outcome.REFUSED)
			.build());
		add(HostileCase.request("body", "2 MB query of whitespace")
			.json(Json.write(Map.of("query", ME + " ".repeat(2 << 20))))
			.expect(Outcome.REFUSED)
			.build());
		add(HostileCase.request("body", "2 MB of garbage").json("x".repeat(2 << 20)).expect(Outcome.REFUSED).build());
		add(HostileCase.request("body", "2 MB of variables")
			.json(Json.write(Map.of("query", CLIENTS, "variables",
					IntStream.range(0, 100_000).boxed().collect(Collectors.toMap(i -> "v" + i, i -> "x".repeat(16))))))
			.expect(Outcome.REFUSED)
			.build());
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

	// ---- methods and paths --------------------------------------------------------------------------------------------

	private void methodsAndPaths() {
		String me = Json.write(Map.of("query", ME));
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "TRACE")) {
			add(HostileCase.request("method", method + " /graphql").method(method).json(me).build());
		}
		add(HostileCase.request("method", "GET /graphql with the query in the URL")
			.method("GET").path("/graphql?query=%7B%20me%20%7B%20username%20%7D%20%7D").body(null).contentType(null).build());
		add(HostileCase.request("method", "OPTIONS preflight from a foreign origin")
			.method("OPTIONS").body(null).contentType(null)
			.header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.build());
		add(HostileCase.request("method", "POST from a foreign origin").json(me).header("Origin", "https://evil.example").build());
		for (String path : List.of("/error", "/actuator", "/actuator/env", "/actuator/heapdump", "/actuator/beans",
				"/actuator/mappings", "/actuator/loggers", "/actuator/configprops", "/actuator/threaddump",
				"/graphql/", "/GRAPHQL", "/graphql;jsessionid=x", "/graphql/../actuator/env",
				"/%2e%2e/actuator/env", "/graphql%00", "/graphiql?path=%3Cscript%3E", "/graphql/schema",
				"/" + "a".repeat(10_000), "/graphql?" + "x=1&".repeat(5_000))) {
			add(HostileCase.request("path", "GET " + shown(path)).method("GET").path(path).body(null).contentType(null).build());
		}
		add(HostileCase.request("path", "GET /error without a token")
			.method("GET").path("/error").body(null).contentType(null).authorization(() -> null).build());
		add(HostileCase.request("path", "POST /error").path("/error").json(me).build());
	}

	// ---- tokens ---------------------------------------------------------------------------------------------------------

	private void tokens() {
		String me = Json.write(Map.of("query", ME));
		Tokens.bad().forEach((name, authorization) -> add(HostileCase.request("token", name).json(me)
			.authorization(authorization)
			.expect(name.startsWith("20 KB") ? Outcome.REFUSED : Outcome.UNAUTHORIZED)
			.build()));
		add(HostileCase.request("token", "token in the URL, no header")
			.path("/graphql?access_token=" + HostileInputTests.TOKEN).json(me).authorization(() -> null)
			.expect(Outcome.UNAUTHORIZED).build());
		add(HostileCase.request("token", "token in a form body")
			.contentType("application/x-www-form-urlencoded")
			.body(("access_token=" + HostileInputTests.TOKEN).getBytes(StandardCharsets.UTF_8))
			.authorization(() -> null)
			.expect(Outcome.UNAUTHORIZED).build());
		add(HostileCase.request("token", "garbage token and a valid one, two headers").json(me)
			.header("Authorization", "Bearer garbage").build());
		Tokens.oddClaims().forEach((name, authorization) -> add(HostileCase.request("token", "odd claim: " + name)
			.json(Json.write(Map.of("query", CLIENTS)))
			.authorization(authorization)
			.build()));
	}

	// ---- helpers ------------------------------------------------------------------------------------------------------

	private HostileCase query(String category, String name, String document, Outcome outcome) {
		return HostileCase.graphQl(category, name, Map.of("query", document)).expect(outcome).build();
	}

	private void add(HostileCase.Builder builder) {
		this.cases.add(builder.build());
	}

	private void add(HostileCase hostileCase) {
		this.cases.add(hostileCase);
	}

	/** A fresh rm_li token for a URL or a form body. */
	static String urlToken() {
		return Tokens.rawRmLi();
	}

	/** A payload as it can be printed in a test name: escaped and cut short. */
	static String shown(String text) {
		String quoted = Json.quote(text.length() > 40 ? text.substring(0, 20) : text);
		return text.length() > 40 ? quoted + "… (" + text.length() + " chars)" : quoted;
	}

}
