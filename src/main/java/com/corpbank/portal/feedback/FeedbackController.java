package com.corpbank.portal.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.corpbank.portal.BankTime;
import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.graphql.InputText;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.Mutations;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Query.complaints}, {@code Query.satisfactionTrend}, the complaint and survey mutations,
 * {@code Client.complaints}, {@code Client.surveyResults}, {@code Client.satisfactionTrend} and
 * {@code Complaint.client}.
 *
 * <p>The nested fields are batched: a page of clients asking for their complaints, results or trend costs one
 * aggregation per distinct argument set, whatever the page size (fields with arguments are registered
 * {@link DataLoader}s whose key carries them); a page of complaints asking for their clients one find.
 */
@Controller
class FeedbackController {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final String CLIENT_COMPLAINTS = "clientComplaints";

	static final String CLIENT_SURVEYS = "clientSurveyResults";

	static final String CLIENT_TRENDS = "clientSatisfactionTrend";

	record ComplaintsOf(Caller caller, String clientId, Set<ComplaintStatus> statuses) {
	}

	record SurveysOf(Caller caller, String clientId, int first) {
	}

	record TrendOf(Caller caller, String clientId, TrendGranularity granularity, int periods) {
	}

	private final ComplaintDesk desk;

	private final SurveyRecording surveys;

	private final ComplaintQueries complaintQueries;

	private final SurveyQueries surveyQueries;

	private final RmTrendScope rmTrendScope;

	private final PermissionModel permissions;

	private final CallerScopes callerScopes;

	private final MongoTemplate mongoTemplate;

	private final Clock clock;

	FeedbackController(ComplaintDesk desk, SurveyRecording surveys, ComplaintQueries complaintQueries,
			SurveyQueries surveyQueries, RmTrendScope rmTrendScope, PermissionModel permissions,
			CallerScopes callerScopes, MongoTemplate mongoTemplate, Clock clock, BatchLoaderRegistry loaders) {
		this.desk = desk;
		this.surveys = surveys;
		this.complaintQueries = complaintQueries;
		this.surveyQueries = surveyQueries;
		this.rmTrendScope = rmTrendScope;
		this.permissions = permissions;
		this.callerScopes = callerScopes;
		this.mongoTemplate = mongoTemplate;
		this.clock = clock;
		loaders.<ComplaintsOf, List<Complaint>>forName(CLIENT_COMPLAINTS)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> loadComplaints(keys)));
		loaders.<SurveysOf, List<SurveyResult>>forName(CLIENT_SURVEYS)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> loadSurveys(keys)));
		loaders.<TrendOf, List<SatisfactionPoint>>forName(CLIENT_TRENDS)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> loadTrends(keys)));
	}

	// ---- Queries

	@QueryMapping
	ComplaintQueries.Page complaints(@AuthenticationPrincipal Caller caller,
			@Argument @Nullable ComplaintFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.complaintQueries.page(this.permissions.scopeFor(caller, "Query.complaints"),
				(filter != null) ? filter : ComplaintFilter.NONE, (first != null) ? first : DEFAULT_PAGE_SIZE, after,
				this.clock.instant());
	}

	@SchemaMapping(typeName = "ComplaintConnection")
	long totalCount(ComplaintQueries.Page page) {
		return this.complaintQueries.count(page.selection());
	}

	@QueryMapping
	List<SatisfactionPoint> satisfactionTrend(@AuthenticationPrincipal Caller caller, @Argument String rmUsername,
			@Argument LocalDate from, @Argument LocalDate to, @Argument @Nullable TrendGranularity granularity) {
		String rm = InputText.requireId("rmUsername", rmUsername);
		TrendGranularity by = (granularity != null) ? granularity : TrendGranularity.MONTH;
		// Checked first, so an invisible RM reads exactly like one without answers.
		List<SatisfactionTrends.Period> periods = SatisfactionTrends.periodsBetween(by, from, to);
		if (!this.rmTrendScope.sees(caller, rm)) {
			return SatisfactionTrends.points(periods, List.of());
		}
		return this.surveyQueries.rmTrend(rm, from, to, by);
	}

	// ---- Mutations

	@MutationMapping
	RecordSurveyResultPayload recordSurveyResult(@ContextValue Actor actor,
			@Argument RecordSurveyResultInput input) {
		return Mutations.attempt(() -> RecordSurveyResultPayload.of(this.surveys.record(actor, input)),
				RecordSurveyResultPayload::failed);
	}

	@MutationMapping
	RaiseComplaintPayload raiseComplaint(@ContextValue Actor actor, @Argument RaiseComplaintInput input) {
		return Mutations.attempt(() -> RaiseComplaintPayload.of(this.desk.raise(actor, input)),
				RaiseComplaintPayload::failed);
	}

	@MutationMapping
	AssignComplaintPayload assignComplaint(@ContextValue Actor actor, @Argument AssignComplaintInput input) {
		return Mutations.attempt(() -> AssignComplaintPayload.of(this.desk.assign(actor, input)),
				AssignComplaintPayload::failed);
	}

	@MutationMapping
	StartComplaintPayload startComplaint(@ContextValue Actor actor, @Argument StartComplaintInput input) {
		return Mutations.attempt(() -> StartComplaintPayload.of(this.desk.start(actor, input)),
				StartComplaintPayload::failed);
	}

	@MutationMapping
	ResolveComplaintPayload resolveComplaint(@ContextValue Actor actor, @Argument ResolveComplaintInput input) {
		return Mutations.attempt(() -> ResolveComplaintPayload.of(this.desk.resolve(actor, input)),
				ResolveComplaintPayload::failed);
	}

	@MutationMapping
	CloseComplaintPayload closeComplaint(@ContextValue Actor actor, @Argument CloseComplaintInput input) {
		return Mutations.attempt(() -> CloseComplaintPayload.of(this.desk.close(actor, input)),
				CloseComplaintPayload::failed);
	}

	@MutationMapping
	ReopenComplaintPayload reopenComplaint(@ContextValue Actor actor, @Argument ReopenComplaintInput input) {
		return Mutations.attempt(() -> ReopenComplaintPayload.of(this.desk.reopen(actor, input)),
				ReopenComplaintPayload::failed);
	}

	// ---- Fields

	@SchemaMapping(typeName = "Complaint")
	int version(Complaint complaint) {
		return Math.toIntExact(complaint.version());
	}

	@SchemaMapping(typeName = "Complaint")
	boolean overdue(Complaint complaint) {
		return complaint.overdueAt(this.clock.instant());
	}

	@SchemaMapping(typeName = "SurveyResult")
	int version(SurveyResult result) {
		return Math.toIntExact(result.version());
	}

	/** The complaints' clients in one find, in the caller's client scope. */
	@BatchMapping(typeName = "Complaint")
	Map<Complaint, Client> client(List<Complaint> complaints, @ContextValue Actor actor) {
		Set<String> ids = complaints.stream().map(Complaint::clientId).collect(Collectors.toSet());
		Map<String, Client> byId = new HashMap<>();
		for (Client client : this.mongoTemplate.find(
				new Query(this.callerScopes.clientScope(actor.caller()).and(Criteria.where("_id").in(ids))),
				Client.class)) {
			byId.put(client.id(), client);
		}
		Map<Complaint, Client> result = new HashMap<>();
		for (Complaint complaint : complaints) {
			Client client = byId.get(complaint.clientId());
			if (client != null) {
				result.put(complaint, client);
			}
		}
		return result;
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<List<Complaint>> complaints(Client client, @AuthenticationPrincipal Caller caller,
			@Argument @Nullable List<ComplaintStatus> status, DataLoader<ComplaintsOf, List<Complaint>> clientComplaints) {
		Set<ComplaintStatus> statuses = (status == null || status.isEmpty()) ? Set.of()
				: Set.copyOf(EnumSet.copyOf(status));
		return clientComplaints.load(new ComplaintsOf(caller, client.id(), statuses));
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<List<SurveyResult>> surveyResults(Client client, @AuthenticationPrincipal Caller caller,
			@Argument @Nullable Integer first, DataLoader<SurveysOf, List<SurveyResult>> clientSurveyResults) {
		return clientSurveyResults
			.load(new SurveysOf(caller, client.id(), (first != null) ? first : DEFAULT_PAGE_SIZE));
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<List<SatisfactionPoint>> satisfactionTrend(Client client,
			@AuthenticationPrincipal Caller caller, @Argument @Nullable TrendGranularity granularity,
			@Argument @Nullable Integer periods,
			DataLoader<TrendOf, List<SatisfactionPoint>> clientSatisfactionTrend) {
		return clientSatisfactionTrend.load(new TrendOf(caller, client.id(),
				(granularity != null) ? granularity : TrendGranularity.MONTH, (periods != null) ? periods : 12));
	}

	/** One aggregation per (caller, statuses). */
	private Map<ComplaintsOf, List<Complaint>> loadComplaints(Set<ComplaintsOf> keys) {
		Map<List<Object>, List<ComplaintsOf>> groups = keys.stream()
			.collect(Collectors.groupingBy(key -> List.of(key.caller(), key.statuses()), LinkedHashMap::new,
					Collectors.toList()));
		Map<ComplaintsOf, List<Complaint>> result = new HashMap<>();
		for (List<ComplaintsOf> group : groups.values()) {
			ComplaintsOf sample = group.get(0);
			Map<String, List<Complaint>> byClient = this.complaintQueries.ofClients(
					this.permissions.scopeFor(sample.caller(), "Client.complaints"),
					group.stream().map(ComplaintsOf::clientId).collect(Collectors.toSet()), sample.statuses());
			for (ComplaintsOf key : group) {
				result.put(key, byClient.getOrDefault(key.clientId(), List.of()));
			}
		}
		return result;
	}

	/** One aggregation per (caller, first). */
	private Map<SurveysOf, List<SurveyResult>> loadSurveys(Set<SurveysOf> keys) {
		Map<List<Object>, List<SurveysOf>> groups = keys.stream()
			.collect(Collectors.groupingBy(key -> List.of(key.caller(), key.first()), LinkedHashMap::new,
					Collectors.toList()));
		Map<SurveysOf, List<SurveyResult>> result = new HashMap<>();
		for (List<SurveysOf> group : groups.values()) {
			SurveysOf sample = group.get(0);
			Map<String, List<SurveyResult>> byClient = this.surveyQueries.ofClients(
					this.permissions.scopeFor(sample.caller(), "Client.surveyResults"),
					group.stream().map(SurveysOf::clientId).collect(Collectors.toSet()), sample.first());
			for (SurveysOf key : group) {
				result.put(key, byClient.getOrDefault(key.clientId(), List.of()));
			}
		}
		return result;
	}

	/** One aggregation per (caller, granularity, periods). */
	private Map<TrendOf, List<SatisfactionPoint>> loadTrends(Set<TrendOf> keys) {
		Map<List<Object>, List<TrendOf>> groups = keys.stream()
			.collect(Collectors.groupingBy(key -> List.of(key.caller(), key.granularity(), key.periods()),
					LinkedHashMap::new, Collectors.toList()));
		LocalDate today = this.clock.instant().atZone(BankTime.ZONE).toLocalDate();
		Map<TrendOf, List<SatisfactionPoint>> result = new HashMap<>();
		for (List<TrendOf> group : groups.values()) {
			TrendOf sample = group.get(0);
			Map<String, List<SatisfactionPoint>> byClient = this.surveyQueries.clientTrends(
					this.permissions.scopeFor(sample.caller(), "Client.satisfactionTrend"),
					group.stream().map(TrendOf::clientId).collect(Collectors.toSet()), sample.granularity(),
					sample.periods(), today);
			for (TrendOf key : group) {
				result.put(key, byClient.getOrDefault(key.clientId(), List.of()));
			}
		}
		return result;
	}

}
