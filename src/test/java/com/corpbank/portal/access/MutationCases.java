package com.corpbank.portal.access;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corpbank.portal.client.Uscc;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.support.TestIdentityProvider;
import com.corpbank.portal.tier.Band;
import com.corpbank.portal.tier.ClvParameters;
import com.corpbank.portal.tier.Normalisation;
import com.corpbank.portal.tier.NormalisationMethod;
import com.corpbank.portal.tier.ScoringFactor;
import com.corpbank.portal.tier.ScoringInput;
import com.corpbank.portal.tier.TierModel;
import com.corpbank.portal.tier.TierModelStatus;
import com.corpbank.portal.tier.TierThresholds;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.corpbank.portal.security.Role.ADMIN;
import static com.corpbank.portal.security.Role.BRANCH_MANAGER;
import static com.corpbank.portal.security.Role.RISK_OFFICER;
import static com.corpbank.portal.security.Role.RM;
import static com.corpbank.portal.security.Role.TEAM_LEAD;

/**
 * The rows of the role × operation matrix ({@link RoleOperationMatrixTests}): one entry per Mutation field of the
 * schema. A Mutation field without an entry fails {@code RoleOperationMatrixTests#everyMutationOfTheSchemaHasAnEntry}.
 *
 * <p>How to add a mutation: append one {@link MutationCase} to {@link #ALL}, giving
 * <ul>
 * <li>the roles its rule in {@link Permissions} allows (spelled out again here: a rule changed without the
 * matrix fails the build);</li>
 * <li>a document whose root field is the operation itself, unaliased, selecting {@code errors { code }};</li>
 * <li>the variables for a {@link Target}: the client it acts on, that client's current version, the calling user,
 * and the store, for a mutation that needs more than a client (e.g. insert a contact first and name its id);</li>
 * <li>optionally an {@link Expectation} when the outcome is not simply "allowed role and client in the caller's
 * scope: SUCCESS; allowed role, client out of scope or missing: NOT_FOUND; other roles: FORBIDDEN" (e.g.
 * {@code assignClient} to an RM outside the lead's team is FORBIDDEN, {@code createClient} has no client to be
 * out of scope of).</li>
 * </ul>
 * A success must write exactly one audit event with the operation's name (or {@code writingEvents(n)}, one per
 * document it changes); a refusal must change nothing at all.
 */
final class MutationCases {

	/**
	 * Operations whose success the matrix cannot show, with the test that does: startRetiering needs an active
	 * scoring model and starts a background job, neither of which the shared book has.
	 */
	static final Map<String, String> SUCCESS_SHOWN_ELSEWHERE = Map.of("startRetiering",
			"retiering.StartRetieringTests#adminStartsAJobThatRunsInTheBackgroundAndIsAudited");

	/**
	 * The RMs whose in-scope client of the matrix they serve as a co-RM only (rm_wang: C-LI-2, rm_xu: C-ZHAO-2): they
	 * see the client but may not work a complaint assigned to someone else.
	 */
	static final Set<String> CO_RMS_OF_IN_SCOPE_CLIENT = Set.of("rm_wang", "rm_xu");

	/** A complaint step: by role and scope, but FORBIDDEN to a co-RM who is neither the assignee nor the primary RM. */
	static final Expectation COMPLAINT_STEP = (caller, kind, allowedRoles) -> {
		Outcome outcome = Expectation.BY_ROLE_AND_SCOPE.of(caller, kind, allowedRoles);
		if (outcome == Outcome.SUCCESS && CO_RMS_OF_IN_SCOPE_CLIENT.contains(caller.username())) {
			return Outcome.FORBIDDEN;
		}
		return outcome;
	};

	static final List<MutationCase> ALL = List.of(

			// No client to be in or out of scope of: "in scope" names an RM the caller may make primary (an RM
			// themselves by leaving it out, a lead the primary RM of a client in their unit), "out of scope" the
			// primary RM of a client outside it (FORBIDDEN), "missing" an RM that does not exist (VALIDATION for leads; FORBIDDEN for an RM, who may name only themselves).
			new MutationCase("createClient", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: CreateClientInput!) {
					  createClient(input: $input) { client { id } errors { code field message } }
					}""", target -> Map.of("input", newClient(target)), MutationCases::createClientOutcome, 1),

			MutationCase.onClient("updateClient", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: UpdateClientInput!) {
					  updateClient(input: $input) { client { id version } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "registeredAddress", "上海市浦东新区世纪大道100号",
					"employees", 321, "reason", "matrix: annual report", "expectedVersion", target.clientVersion())),

			MutationCase.onClient("setRiskGrade", EnumSet.of(RISK_OFFICER), """
					mutation($input: SetRiskGradeInput!) {
					  setRiskGrade(input: $input) { client { id version } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "rating", "BBB", "fiveCategory",
					"SPECIAL_MENTION", "overdueDays", 30, "reason", "matrix: annual review", "expectedVersion",
					target.clientVersion())),

			// A handover to rm_li: in the lead's team (C-ZHANG-1 of rm_zhang, SH-PD-T1) and the branch manager's
			// subtree (C-XU-1 of rm_xu, SH): both succeed.
			MutationCase.onClient("assignClient", EnumSet.of(TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: AssignClientInput!) {
					  assignClient(input: $input) { client { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "primaryManager", "rm_li", "coManagers",
					List.of(), "reason", "matrix: handover", "expectedVersion", target.clientVersion())),

			// Two events: the statement's, and the client's re-derived size (the fixture's clients have no size basis
			// yet); each travels in the document it describes.
			MutationCase.onClient("recordFinancialStatement", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: RecordFinancialStatementInput!) {
					  recordFinancialStatement(input: $input) { statement { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "period", "2023", "periodEnd", "2023-12-31",
					"revenue", "150000000.00", "netProfit", "9000000.50", "totalAssets", "80000000.00",
					"totalLiabilities", "50000000.00", "operatingCashFlow", "12000000.00", "employees", 400))
				.writingEvents(2),

			MutationCase.onClient("recordRelationshipMetrics", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: RecordRelationshipMetricsInput!) {
					  recordRelationshipMetrics(input: $input) { metrics { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "month", "2026-05", "averageDeposits",
					"52000000.00", "loanBalance", "30000000.00", "settlementVolume", "880000000.00", "productsHeld", 6,
					"feeIncome", "420000.00")),

			MutationCase.onClient("recordTaxRecord", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: RecordTaxRecordInput!) {
					  recordTaxRecord(input: $input) { taxRecord { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "year", 2021, "taxPaid", "3200000.00",
					"creditGrade", "A")),

			MutationCase.onClient("addContact", EnumSet.of(RM), """
					mutation($input: AddContactInput!) {
					  addContact(input: $input) { contact { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "name", "张伟", "title", "财务总监", "mobile",
					"13812345678")),

			// The contact ops name a contact: of the target client, or none at all for a missing client.
			MutationCase.onClient("updateContact", EnumSet.of(RM), """
					mutation($input: UpdateContactInput!) {
					  updateContact(input: $input) { contact { id } errors { code field message } }
					}""", target -> Map.of("contactId", contactOf(target), "title", "总经理", "reason",
					"matrix: promoted", "expectedVersion", 0)),

			MutationCase.onClient("removeContact", EnumSet.of(RM), """
					mutation($input: RemoveContactInput!) {
					  removeContact(input: $input) { removedContactId errors { code field message } }
					}""", target -> Map.of("contactId", contactOf(target), "reason", "matrix: left the company",
					"expectedVersion", 0)),

			MutationCase.onClient("revealLegalRepresentative", EnumSet.of(TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: RevealLegalRepresentativeInput!) {
					  revealLegalRepresentative(input: $input) { legalRepresentative { idNumber } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "purpose", "matrix: credit review")),

			MutationCase.onClient("revealContact", EnumSet.of(TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: RevealContactInput!) {
					  revealContact(input: $input) { contact { id } errors { code field message } }
					}""", target -> Map.of("contactId", contactOf(target), "purpose", "matrix: call about renewal")),

			// On demand with an active model (stored for the case); ADMIN runs tiering for any existing client.
			new MutationCase("evaluateClientTier", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER, ADMIN), """
					mutation($input: EvaluateClientTierInput!) {
					  evaluateClientTier(input: $input) { valueTier { tier } changed errors { code field message } }
					}""", target -> Map.of("input", Map.of("clientId", evaluableClientOf(target))),
					(caller, kind, allowedRoles) -> {
						if (caller.roles().contains(ADMIN)) {
							return (kind == TargetKind.MISSING) ? Outcome.NOT_FOUND : Outcome.SUCCESS;
						}
						return Expectation.BY_ROLE_AND_SCOPE.of(caller, kind, allowedRoles);
					}, 1),

			// Book-wide, no client to be in or out of scope of: every role but ADMIN is FORBIDDEN; ADMIN is refused
			// with VALIDATION because the shared book has no active scoring model (see SUCCESS_SHOWN_ELSEWHERE).
			new MutationCase("startRetiering", EnumSet.of(ADMIN), """
					mutation($input: StartRetieringInput!) {
					  startRetiering(input: $input) { job { id } errors { code field message } }
					}""", target -> Map.of("input", Map.of("reason", "matrix: monthly re-tiering")),
					(caller, kind, allowedRoles) -> caller.roles().stream().anyMatch(allowedRoles::contains)
							? Outcome.VALIDATION : Outcome.FORBIDDEN, 1),

			// Tier overrides: the expiry is relative to the running clock (this suite does not fix it).
			MutationCase.onClient("proposeTierOverride", EnumSet.of(BRANCH_MANAGER), """
					mutation($input: ProposeTierOverrideInput!) {
					  proposeTierOverride(input: $input) { override { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "tier", "A", "reason",
					"matrix: strategic client", "expiresOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90)
						.toString())),

			// A proposal of someone else's (a checker is never the maker), of the target client.
			MutationCase.onClient("approveTierOverride", EnumSet.of(BRANCH_MANAGER), """
					mutation($input: ApproveTierOverrideInput!) {
					  approveTierOverride(input: $input) { override { id } errors { code field message } }
					}""", target -> Map.of("overrideId", tierOverrideOf(target, false), "expectedVersion", 0,
					"note", "matrix: agreed")),

			MutationCase.onClient("rejectTierOverride", EnumSet.of(BRANCH_MANAGER), """
					mutation($input: RejectTierOverrideInput!) {
					  rejectTierOverride(input: $input) { override { id } errors { code field message } }
					}""", target -> Map.of("overrideId", tierOverrideOf(target, false), "expectedVersion", 0,
					"note", "matrix: not supported by the figures")),

			// The caller's own proposal: only the maker withdraws.
			MutationCase.onClient("withdrawTierOverride", EnumSet.of(BRANCH_MANAGER), """
					mutation($input: WithdrawTierOverrideInput!) {
					  withdrawTierOverride(input: $input) { override { id } errors { code field message } }
					}""", target -> Map.of("overrideId", tierOverrideOf(target, true), "expectedVersion", 0)),

			// The churn alert ops name an OPEN alert of the target client (none at all for a missing client).
			MutationCase.onClient("acknowledgeChurnAlert", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER, RISK_OFFICER), """
					mutation($input: AcknowledgeChurnAlertInput!) {
					  acknowledgeChurnAlert(input: $input) { alert { id status } errors { code field message } }
					}""", target -> Map.of("alertId", churnAlertOf(target), "note", "matrix: seen", "expectedVersion", 0)),

			MutationCase.onClient("markChurnAlertActioned", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER, RISK_OFFICER), """
					mutation($input: MarkChurnAlertActionedInput!) {
					  markChurnAlertActioned(input: $input) { alert { id status } errors { code field message } }
					}""", target -> Map.of("alertId", churnAlertOf(target), "note", "matrix: visited the CFO",
					"expectedVersion", 0)),

			MutationCase.onClient("closeChurnAlert", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER, RISK_OFFICER), """
					mutation($input: CloseChurnAlertInput!) {
					  closeChurnAlert(input: $input) { alert { id status } errors { code field message } }
					}""", target -> Map.of("alertId", churnAlertOf(target), "note", "matrix: deposits back",
					"expectedVersion", 0)),

			// Interactions: recorded by the client's own RMs (the caller is the default participant). Two events: the
			// interaction's, and the client's follow-up it completes and reschedules; each travels in its own document.
			MutationCase.onClient("recordInteraction", EnumSet.of(RM), """
					mutation($input: RecordInteractionInput!) {
					  recordInteraction(input: $input) { interaction { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "channel", "VISIT", "occurredAt",
					"2026-11-01T02:00:00Z", "summary", "matrix: annual visit", "nextStep", "matrix: send the offer",
					"followUpOn", "2026-11-15"))
				.writingEvents(2),

			// An interaction of the target client recorded by the caller just now: only its author corrects it.
			MutationCase.onClient("correctInteraction", EnumSet.of(RM), """
					mutation($input: CorrectInteractionInput!) {
					  correctInteraction(input: $input) { interaction { id version } errors { code field message } }
					}""", target -> Map.of("interactionId", interactionOf(target), "channel", "PHONE", "occurredAt",
					"2026-11-01T02:00:00Z", "summary", "matrix: it was a call", "reason", "matrix: wrong channel",
					"expectedVersion", 0)),

			// Feedback: a survey result recorded by the client's own RMs; a complaint raised by its RMs, leads and
			// branch managers (assigned to the primary RM).
			MutationCase.onClient("recordSurveyResult", EnumSet.of(RM), """
					mutation($input: RecordSurveyResultInput!) {
					  recordSurveyResult(input: $input) { surveyResult { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "scale", "FIVE_POINT", "score", 4, "channel",
					"PHONE", "respondedOn", "2026-11-01", "comments", "matrix: quick and friendly")),

			MutationCase.onClient("raiseComplaint", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: RaiseComplaintInput!) {
					  raiseComplaint(input: $input) { complaint { id } errors { code field message } }
					}""", target -> Map.of("clientId", target.clientId(), "category", "FEES_AND_CHARGES", "severity",
					"HIGH", "summary", "matrix: an unexpected fee")),

			// The complaint steps name a complaint of the target client in the status the step starts from, assigned
			// to an RM who has left the client: RMs succeed as its primary RM; a co-RM who is not the assignee is
			// FORBIDDEN (see COMPLAINT_STEP).
			MutationCase.onClient("assignComplaint", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: AssignComplaintInput!) {
					  assignComplaint(input: $input) { complaint { id assignee } errors { code field message } }
					}""", target -> Map.of("complaintId", complaintOf(target, "OPEN"), "assignee", primaryOf(target),
					"note", "matrix: back to the primary RM", "expectedVersion", 0))
				.expecting(COMPLAINT_STEP),

			MutationCase.onClient("startComplaint", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: StartComplaintInput!) {
					  startComplaint(input: $input) { complaint { id status } errors { code field message } }
					}""", target -> Map.of("complaintId", complaintOf(target, "OPEN"), "note", "matrix: on it",
					"expectedVersion", 0))
				.expecting(COMPLAINT_STEP),

			MutationCase.onClient("resolveComplaint", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: ResolveComplaintInput!) {
					  resolveComplaint(input: $input) { complaint { id status } errors { code field message } }
					}""", target -> Map.of("complaintId", complaintOf(target, "IN_PROGRESS"), "resolution",
					"matrix: fee refunded", "expectedVersion", 0))
				.expecting(COMPLAINT_STEP),

			MutationCase.onClient("closeComplaint", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: CloseComplaintInput!) {
					  closeComplaint(input: $input) { complaint { id status } errors { code field message } }
					}""", target -> Map.of("complaintId", complaintOf(target, "RESOLVED"), "note",
					"matrix: client confirmed", "expectedVersion", 0))
				.expecting(COMPLAINT_STEP),

			MutationCase.onClient("reopenComplaint", EnumSet.of(RM, TEAM_LEAD, BRANCH_MANAGER), """
					mutation($input: ReopenComplaintInput!) {
					  reopenComplaint(input: $input) { complaint { id status } errors { code field message } }
					}""", target -> Map.of("complaintId", complaintOf(target, "CLOSED"), "reason",
					"matrix: charged again", "expectedVersion", 0))
				.expecting(COMPLAINT_STEP),

			// Tier models belong to no client: ADMIN succeeds on any target but MISSING, which names a model that does
			// not exist (NOT_FOUND) or, for createTierModel, an input that does not exist (VALIDATION).
			new MutationCase("createTierModel", EnumSet.of(ADMIN), """
					mutation($input: CreateTierModelInput!) {
					  createTierModel(input: $input) { model { version } errors { code field message } }
					}""", target -> Map.of("input",
							tierModelInput((target.kind() == TargetKind.MISSING) ? "MISSING_INPUT" : "REVENUE")),
					MutationCases::createTierModelOutcome, 1),

			new MutationCase("updateTierModel", EnumSet.of(ADMIN), """
					mutation($input: UpdateTierModelInput!) {
					  updateTierModel(input: $input) { model { version recordVersion } errors { code field message } }
					}""", target -> {
						// A valid content: only the model named is missing.
						Map<String, Object> input = tierModelInput("REVENUE");
						input.put("version", draftOf(target));
						input.put("expectedVersion", 0);
						return Map.of("input", input);
					}, MutationCases::tierModelOutcome, 1),

			new MutationCase("activateTierModel", EnumSet.of(ADMIN), """
					mutation($input: ActivateTierModelInput!) {
					  activateTierModel(input: $input) { model { version status } errors { code field message } }
					}""", target -> Map.of("input", Map.of("version", draftOf(target), "expectedVersion", 0)),
					MutationCases::tierModelOutcome, 1)

	);

	/** A model of one BANDS factor reading this input (activating it needs no book calibration). */
	static Map<String, Object> tierModelInput(String input) {
		Map<String, Object> factor = Map.of("key", "revenue_scale", "input", input, "method", "BANDS", "bands",
				List.of(Map.of("from", "0", "points", "0"), Map.of("from", "100000000", "points", "100")), "weight",
				"1");
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("version", "matrix-new");
		model.put("description", "matrix: a model");
		model.put("effectiveFrom", "2026-01-01");
		model.put("factors", List.of(factor));
		model.put("thresholds", Map.of("aFrom", "80", "bFrom", "60"));
		model.put("clv", Map.of("horizonYears", 5, "retentionRate", "0.9", "discountRate", "0.08", "depositMargin",
				"0.015", "loanMargin", "0.02"));
		return model;
	}

	/** A draft at record version 0 (saved over an earlier call's); for MISSING, the version of no model. */
	static String draftOf(Target target) {
		if (target.kind() == TargetKind.MISSING) {
			return "matrix-nope";
		}
		TierModel draft = bandedModel("matrix-draft", TierModelStatus.DRAFT);
		target.store().save(draft);
		return draft.id();
	}

	/** A one-factor model (revenue in bands: no calibration needed) with the given id and status. */
	static TierModel bandedModel(String id, TierModelStatus status) {
		boolean active = status == TierModelStatus.ACTIVE;
		return new TierModel(id, "matrix: a banded model", status, LocalDate.of(2026, 1, 1),
				List.of(new ScoringFactor("revenue_scale", ScoringInput.REVENUE,
						new Normalisation(NormalisationMethod.BANDS,
								List.of(new Band(BigDecimal.ZERO, BigDecimal.ZERO),
										new Band(new BigDecimal("100000000"), new BigDecimal("100"))),
								null, null, List.of(), List.of(), true, BigDecimal.ZERO),
						BigDecimal.ONE, null)),
				new TierThresholds(new BigDecimal("80"), new BigDecimal("60")),
				new ClvParameters(5, new BigDecimal("0.9"), new BigDecimal("0.08"), new BigDecimal("0.015"),
						new BigDecimal("0.02")),
				"admin", Instant.parse("2026-01-01T00:00:00Z"), active ? "admin" : null,
				active ? Instant.parse("2026-01-01T00:00:00Z") : null, active ? 1L : 0L);
	}

	/**
	 * The target client, evaluable: an active banded model is stored (the shared book has none) and the client's last
	 * result forgotten, so that an allowed call changes its result and writes one event.
	 */
	static String evaluableClientOf(Target target) {
		TierModel active = bandedModel("matrix-active", TierModelStatus.ACTIVE);
		target.store().save(active);
		target.store().getCollection("clients").updateOne(new Document("_id", target.clientId()),
				new Document("$unset", new Document("valueTier.fingerprint", "")));
		return target.clientId();
	}

	private static Outcome tierModelOutcome(MatrixUser caller, TargetKind kind, Set<Role> allowedRoles) {
		if (caller.roles().stream().noneMatch(allowedRoles::contains)) {
			return Outcome.FORBIDDEN;
		}
		return (kind == TargetKind.MISSING) ? Outcome.NOT_FOUND : Outcome.SUCCESS;
	}

	private static Outcome createTierModelOutcome(MatrixUser caller, TargetKind kind, Set<Role> allowedRoles) {
		Outcome outcome = tierModelOutcome(caller, kind, allowedRoles);
		return (outcome == Outcome.NOT_FOUND) ? Outcome.VALIDATION : outcome;
	}

	/** A new client for createClient, with a USCC of its own so that every call of the matrix can succeed. */
	static Map<String, Object> newClient(Target target) {
		Map<String, Object> input = new LinkedHashMap<>();
		String orgCode = "%08d".formatted(Math.floorMod((target.caller().username() + target.kind()).hashCode(), 100_000_000));
		input.put("name", "矩阵测试新建有限公司 " + target.caller().username() + " " + target.kind());
		input.put("uscc", Uscc.of('9', '1', "310115", orgCode));
		input.put("industryDivision", "40");
		input.put("adminDivision", "310115");
		String primary = switch (target.kind()) {
			case IN_SCOPE -> target.caller().roles().contains(RM) ? null : primaryOf(target);
			case OUT_OF_SCOPE -> primaryOf(target);
			case MISSING -> "rm_nobody";
		};
		if (primary != null) {
			input.put("primaryManager", primary);
		}
		return input;
	}

	private static String primaryOf(Target target) {
		Document client = target.store().getCollection("clients").find(new Document("_id", target.clientId())).first();
		return (client != null) ? client.getString("primaryManager") : "rm_nobody";
	}

	private static Outcome createClientOutcome(MatrixUser caller, TargetKind kind, Set<Role> allowedRoles) {
		if (caller.roles().stream().noneMatch(allowedRoles::contains)) {
			return Outcome.FORBIDDEN;
		}
		return switch (kind) {
			case IN_SCOPE -> Outcome.SUCCESS;
			case OUT_OF_SCOPE -> Outcome.FORBIDDEN;
			// An RM may only make themselves primary: naming anyone, even no one who exists, is FORBIDDEN first.
			case MISSING -> caller.roles().contains(RM) ? Outcome.FORBIDDEN : Outcome.VALIDATION;
		};
	}

	/**
	 * A contact of the target client, stored as addContact would store it (version 0); for a missing client, the id
	 * of a contact that does not exist either.
	 */
	static String contactOf(Target target) {
		String id = "CT-MATRIX-" + target.clientId();
		if (target.kind() != TargetKind.MISSING) {
			// save, not insert: replaces the one of an earlier call (same id), back at version 0 and listed.
			target.store()
				.save(new Document("_id", id).append("clientId", target.clientId())
					.append("name", "李娜")
					.append("title", "财务经理")
					.append("mobile", "13912345678")
					.append("email", "li.na@example.com")
					.append("createdAt", new Date())
					.append("createdBy", "matrix")
					.append("version", 0L), "contacts");
		}
		return id;
	}

	/**
	 * A VISIT of the target client recorded by the caller just now (version 0, inside the correction window), its
	 * primary RM taking part; for a missing client, the id of an interaction that does not exist either.
	 */
	static String interactionOf(Target target) {
		String id = "IA-MATRIX-" + target.clientId();
		if (target.kind() != TargetKind.MISSING) {
			String author = target.caller().username();
			target.store()
				.save(new Document("_id", id).append("clientId", target.clientId())
					.append("channel", "VISIT")
					.append("occurredAt", Date.from(Instant.parse("2026-11-01T02:00:00Z")))
					.append("managers", List.of(primaryOf(target)))
					.append("contactIds", List.of())
					.append("summary", "matrix: annual visit")
					.append("recordedAt", new Date())
					.append("recordedBy", author)
					.append("recordedBySubject", TestIdentityProvider.subjectOf(author))
					.append("version", 0L), "interactions");
		}
		return id;
	}

	/**
	 * A PROPOSED tier override of the target client (version 0), proposed by the caller or by someone else; for a
	 * missing client, the id of an override that does not exist either.
	 */
	static String tierOverrideOf(Target target, boolean byCaller) {
		String id = "TO-MATRIX-" + target.clientId();
		if (target.kind() != TargetKind.MISSING) {
			String maker = byCaller ? target.caller().username() : "matrix_maker";
			String makerSubject = byCaller ? TestIdentityProvider.subjectOf(maker) : "matrix-maker-subject";
			Date now = new Date();
			// The client's only override, whatever earlier calls left (one open override per client): save, not
			// insert, so it is back at version 0 and PROPOSED.
			target.store().getCollection("tier_overrides").deleteMany(
					new Document("clientId", target.clientId()).append("_id", new Document("$ne", id)));
			target.store()
				.save(new Document("_id", id).append("clientId", target.clientId())
					.append("sequence", 1)
					.append("tier", "A")
					.append("reason", "matrix: strategic client")
					.append("expiresOn", Date.from(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90)
						.atStartOfDay(ZoneId.systemDefault()).toInstant()))
					.append("status", "PROPOSED")
					.append("proposedBy", maker)
					.append("proposerSubject", makerSubject)
					.append("proposedAt", now)
					.append("version", 0L), "tier_overrides");
		}
		return id;
	}

	/**
	 * An OPEN churn alert of the target client, stored as an evaluation would open it (version 0); for a missing
	 * client, the id of an alert that does not exist either.
	 */
	static String churnAlertOf(Target target) {
		String id = "CA-MATRIX-" + target.clientId();
		if (target.kind() != TargetKind.MISSING) {
			Document signal = new Document("code", "OVERDUE_LOANS").append("value", "15")
				.append("threshold", "0")
				.append("detail", "贷款逾期 15 天 / a loan 15 days overdue");
			// The client's only alert (an earlier evaluateClientTier may have opened one): save, not insert, so it is
			// back to OPEN at version 0.
			target.store().getCollection("churn_alerts").deleteMany(
					new Document("clientId", target.clientId()).append("_id", new Document("$ne", id)));
			target.store()
				.save(new Document("_id", id).append("clientId", target.clientId())
					.append("status", "OPEN")
					.append("signals", List.of(signal))
					.append("openingSignals", List.of(signal))
					.append("openedAt", new Date())
					.append("openedBy", "matrix")
					.append("transitions", List.of())
					.append("lastEvaluatedOn", new Date())
					.append("openKey", target.clientId())
					.append("version", 0L), "churn_alerts");
		}
		return id;
	}

	/**
	 * A complaint of the target client in this status (version 0), assigned to an RM who no longer serves it; for a
	 * missing client, the id of a complaint that does not exist either.
	 */
	static String complaintOf(Target target, String status) {
		String id = "CP-MATRIX-" + target.clientId();
		if (target.kind() != TargetKind.MISSING) {
			Date now = new Date();
			// save, not insert: replaces the one of an earlier call (same id), back at version 0.
			target.store()
				.save(new Document("_id", id).append("clientId", target.clientId())
					.append("category", "FEES_AND_CHARGES")
					.append("severity", "HIGH")
					.append("status", status)
					.append("summary", "matrix: an unexpected fee")
					.append("assignee", "rm_former")
					.append("raisedAt", now)
					.append("raisedBy", "matrix")
					.append("slaDueAt", Date.from(now.toInstant().plusSeconds(3 * 86_400)))
					.append("transitions", List.of())
					.append("version", 0L), "complaints");
		}
		return id;
	}

	private MutationCases() {
	}

	/** The cases by operation name; two cases for one operation fail here. */
	static Map<String, MutationCase> byOperation() {
		Map<String, MutationCase> cases = new LinkedHashMap<>();
		for (MutationCase mutationCase : ALL) {
			if (cases.put(mutationCase.operation(), mutationCase) != null) {
				throw new IllegalStateException("two matrix cases for " + mutationCase.operation());
			}
		}
		return cases;
	}

	/** What a call can end in, as the matrix sees it. */
	enum Outcome {

		SUCCESS, FORBIDDEN, NOT_FOUND,
		/** Only where no client is named (createClient naming an RM that does not exist, a model reading no known input). */
		VALIDATION

	}

	/** Which client the call is aimed at, relative to the caller's scope. */
	enum TargetKind {

		/** A client of the caller's book. */
		IN_SCOPE,
		/** A client that exists but that the caller's scope does not include. */
		OUT_OF_SCOPE,
		/** No such client at all: must read exactly like {@link #OUT_OF_SCOPE}. */
		MISSING

	}

	/**
	 * What a variables builder gets.
	 *
	 * @param clientVersion the client's version now (0 for a missing client)
	 */
	record Target(MatrixUser caller, TargetKind kind, String clientId, long clientVersion, MongoTemplate store) {
	}

	/** The variables of one call. */
	@FunctionalInterface
	interface Variables {

		Map<String, Object> of(Target target);

	}

	/** The outcome a call must have. */
	@FunctionalInterface
	interface Expectation {

		Outcome of(MatrixUser caller, TargetKind kind, Set<Role> allowedRoles);

		/** Allowed role and client in scope: success; allowed role otherwise: NOT_FOUND; any other role: FORBIDDEN. */
		Expectation BY_ROLE_AND_SCOPE = (caller, kind, allowedRoles) -> {
			if (caller.roles().stream().noneMatch(allowedRoles::contains)) {
				return Outcome.FORBIDDEN;
			}
			return (kind == TargetKind.IN_SCOPE) ? Outcome.SUCCESS : Outcome.NOT_FOUND;
		};

	}

	/**
	 * One mutation's row.
	 *
	 * @param allowedRoles the roles its rule allows, exactly
	 * @param variables the variables of a call (the test wraps nothing: give the whole map, e.g. {@code input})
	 */
	record MutationCase(String operation, Set<Role> allowedRoles, String document, Variables variables,
			Expectation expectation, int eventsPerSuccess) {

		MutationCase {
			allowedRoles = Set.copyOf(allowedRoles);
		}

		/** A mutation on one client taking {@code input}, expected by role and scope, writing one audit event. */
		static MutationCase onClient(String operation, Set<Role> allowedRoles, String document, Variables input) {
			return new MutationCase(operation, allowedRoles, document, target -> Map.of("input", input.of(target)),
					Expectation.BY_ROLE_AND_SCOPE, 1);
		}

		MutationCase expecting(Expectation expectation) {
			return new MutationCase(this.operation, this.allowedRoles, this.document, this.variables, expectation,
					this.eventsPerSuccess);
		}

		/** For a mutation that changes several documents: one event each, all under the operation's name. */
		MutationCase writingEvents(int events) {
			return new MutationCase(this.operation, this.allowedRoles, this.document, this.variables,
					this.expectation, events);
		}

	}

	/**
	 * A demo user as the matrix uses them.
	 *
	 * @param inScope a client of the fixture the user's scope includes; null when it includes none
	 * @param outOfScope a client of the fixture the user's scope leaves out; null when it includes every client
	 */
	record MatrixUser(String username, Set<Role> roles, @Nullable String inScope, @Nullable String outOfScope) {

		MatrixUser {
			roles = Set.copyOf(roles);
		}

		@Override
		public String toString() {
			return this.username;
		}

	}

}
