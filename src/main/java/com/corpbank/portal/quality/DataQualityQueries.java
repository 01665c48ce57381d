package com.corpbank.portal.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientEdge;
import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.PageInfo;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.org.OrgUnit;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Data quality reads, each inside the caller's {@link ClientScope} (the scope of {@code Query.clients}), so a count
 * never includes a client its caller could not list:
 * <ul>
 * <li>the report: one aggregation over the scoped clients, grouped by primary RM in the store (at most one row per
 * RM), then one read of those RMs' teams and one of the teams' names: three commands whatever the size of the
 * book;</li>
 * <li>the drill-down: one aggregation per page in {@code _id} order (keyset), one more for its total count.</li>
 * </ul>
 * A client belongs to the team of its primary RM as the directory has it now.
 */
@Service
public class DataQualityQueries {

	/** The largest page of a drill-down. */
	public static final int MAX_PAGE_SIZE = 100;

	private static final String PROBLEM = "dqProblem";

	private final MongoTemplate mongoTemplate;

	private final QualityProperties properties;

	private final Clock clock;

	DataQualityQueries(MongoTemplate mongoTemplate, QualityProperties properties, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a drill-down page was cut from, for counting it; opaque outside this package. */
	public record Selection(ClientScope scope, DataQualityProblem problem, @Nullable Criteria team,
			int requiredFiscalYear) {
	}

	/** A page of clients with one problem, and a handle to count them all. */
	public record Page(List<ClientEdge> edges, PageInfo pageInfo, Selection selection) {
	}

	/** Every problem counted over the clients of {@code scope}, per team of the primary RM and in total. */
	public DataQualityReport report(ClientScope scope) {
		LocalDate today = today();
		int fiscalYear = requiredFiscalYear(today, this.properties.due());
		Set<DataQualityProblem> problems = EnumSet.allOf(DataQualityProblem.class);
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(scope.and()));
		stages.addAll(DataQualityConditions.joins(problems));
		Document project = new Document("primaryManager", 1).append("_id", 0);
		project.putAll(DataQualityConditions.flags(problems, fiscalYear));
		stages.add(context -> new Document("$project", project));
		Document group = new Document("_id", "$primaryManager").append("clients", new Document("$sum", 1));
		for (DataQualityProblem problem : problems) {
			group.append(problem.flagField(), new Document("$sum", "$" + problem.flagField()));
		}
		stages.add(context -> new Document("$group", group));

		Map<String, DataQualityCounts> byManager = new HashMap<>();
		for (Document row : this.mongoTemplate.aggregate(Aggregation.newAggregation(stages), "clients", Document.class)
			.getMappedResults()) {
			byManager.merge(String.valueOf(row.get("_id")), counts(row), DataQualityCounts::plus);
		}
		return new DataQualityReport(today, fiscalYear, byManager.values().stream()
			.reduce(DataQualityCounts.NONE, DataQualityCounts::plus), byTeam(byManager));
	}

	/**
	 * The clients of {@code scope} with {@code problem}, optionally only those whose primary RM is in
	 * {@code teamCode}, in {@code _id} order.
	 * @throws InvalidArgumentException for a page size out of range, a malformed team code or a foreign cursor
	 */
	public Page clients(ClientScope scope, DataQualityProblem problem, @Nullable String teamCode, int first,
			@Nullable String after) {
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		Criteria team = (teamCode != null) ? teamCriteria(InputText.requireId("teamCode", teamCode)) : null;
		String order = cursorOrder(problem);
		Criteria keyset = (after != null) ? Criteria.where("_id").gt(KeysetCursor.decode(after, order).id()) : null;
		Selection selection = new Selection(scope, problem, team, requiredFiscalYear(today(), this.properties.due()));

		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(scope.and(team, keyset)));
		stages.add(Aggregation.sort(Sort.by(Sort.Direction.ASC, "_id")));
		stages.addAll(withProblem(selection));
		// One row more than asked tells whether another page follows.
		stages.add(Aggregation.limit(first + 1L));
		stages.add(context -> new Document("$project", new Document(DataQualityConditions.STATEMENTS, 0)
			.append(DataQualityConditions.CONTACTS, 0)
			.append(PROBLEM, 0)));
		List<Client> rows = this.mongoTemplate.aggregate(Aggregation.newAggregation(stages), "clients", Client.class)
			.getMappedResults();

		List<ClientEdge> edges = new ArrayList<>();
		for (Client client : rows.subList(0, Math.min(first, rows.size()))) {
			edges.add(new ClientEdge(new KeysetCursor(order, null, client.id()).encode(), client));
		}
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page(edges, new PageInfo(rows.size() > first, endCursor), selection);
	}

	/** Every client of the selection a page was cut from. */
	public long count(Selection selection) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(selection.scope().and(selection.team())));
		stages.addAll(withProblem(selection));
		stages.add(context -> new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
		Document result = this.mongoTemplate
			.aggregate(Aggregation.newAggregation(stages), "clients", Document.class)
			.getUniqueMappedResult();
		return (result != null) ? ((Number) result.get("n")).longValue() : 0;
	}

	/**
	 * The fiscal year whose annual statement must be on file on {@code today}: last year once the due day of this
	 * year has passed, the year before until then (the due day itself included).
	 */
	static int requiredFiscalYear(LocalDate today, MonthDay due) {
		return MonthDay.from(today).isAfter(due) ? today.getYear() - 1 : today.getYear() - 2;
	}

	static String cursorOrder(DataQualityProblem problem) {
		return "dq-" + problem.name();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(BankTime.ZONE));
	}

	private static List<AggregationOperation> withProblem(Selection selection) {
		Set<DataQualityProblem> problem = EnumSet.of(selection.problem());
		List<AggregationOperation> stages = new ArrayList<>(DataQualityConditions.joins(problem));
		Object condition = DataQualityConditions.condition(selection.problem(), selection.requiredFiscalYear());
		stages.add(context -> new Document("$addFields", new Document(PROBLEM, condition)));
		stages.add(context -> new Document("$match", new Document(PROBLEM, true)));
		return stages;
	}

	/** Clients whose primary RM is in the team now; none for a team the directory does not know. */
	private Criteria teamCriteria(String teamCode) {
		Query members = new Query(Criteria.where("teamCode").is(teamCode));
		List<String> usernames = this.mongoTemplate.find(members, RelationshipManager.class)
			.stream()
			.map(RelationshipManager::username)
			.toList();
		return Criteria.where("primaryManager").in(usernames);
	}

	private List<TeamDataQuality> byTeam(Map<String, DataQualityCounts> byManager) {
		if (byManager.isEmpty()) {
			return List.of();
		}
		Map<String, String> teamOf = new HashMap<>();
		for (RelationshipManager manager : this.mongoTemplate
			.find(new Query(Criteria.where("_id").in(byManager.keySet())), RelationshipManager.class)) {
			teamOf.put(manager.username(), manager.teamCode());
		}
		Map<String, DataQualityCounts> byTeam = new TreeMap<>();
		DataQualityCounts unknown = null;
		for (Map.Entry<String, DataQualityCounts> entry : byManager.entrySet()) {
			String team = teamOf.get(entry.getKey());
			if (team == null) {
				unknown = (unknown == null) ? entry.getValue() : unknown.plus(entry.getValue());
			}
			else {
				byTeam.merge(team, entry.getValue(), DataQualityCounts::plus);
			}
		}
		Map<String, String> names = new HashMap<>();
		if (!byTeam.isEmpty()) {
			for (OrgUnit unit : this.mongoTemplate.find(new Query(Criteria.where("_id").in(byTeam.keySet())),
					OrgUnit.class)) {
				names.put(unit.code(), unit.name());
			}
		}
		List<TeamDataQuality> teams = new ArrayList<>();
		byTeam.forEach((code, counts) -> teams.add(new TeamDataQuality(code, names.get(code), counts)));
		if (unknown != null) {
			teams.add(new TeamDataQuality(null, null, unknown));
		}
		return teams;
	}

	private static DataQualityCounts counts(Document row) {
		return new DataQualityCounts(number(row, "clients"), number(row, "missingStatements"),
				number(row, "staleStatements"), number(row, "failedUsccCheck"), number(row, "missingContacts"),
				number(row, "unrated"));
	}

	private static long number(Document row, String field) {
		Object value = row.get(field);
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
