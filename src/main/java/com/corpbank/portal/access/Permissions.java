package com.corpbank.portal.access;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.corpbank.portal.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The permission model: which roles may call which query, mutation and field, in one table. Row scope (which
 * clients) is {@link CallerScopes}; a mutation acts within the scope of the roles that allow it (see
 * {@link PermissionModel#scopeFor}), so an RM who is also a risk officer cannot edit every client as an RM.
 *
 * <p>Every field of Query and Mutation must have a rule (a test built from the schema fails the build otherwise, and
 * a field without one is refused at run time). Rules on other types' fields hide them from roles not listed: the
 * field answers null or an empty list.
 */
public final class Permissions {

	/** Who may use an operation or field. */
	public record Rule(@Nullable Set<Role> roles, String why, Set<Role> bankWide) {

		public Rule(@Nullable Set<Role> roles, String why) {
			this(roles, why, Set.of());
		}

		/** True when any signed-in caller may use it (rows are then left to the row scope). */
		public boolean anySignedIn() {
			return this.roles == null;
		}

		public boolean allows(Set<Role> callerRoles) {
			return this.roles == null || callerRoles.stream().anyMatch(this.roles::contains);
		}

	}

	private static final Set<Role> BOOK_KEEPERS = EnumSet.of(Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);

	private static final Set<Role> PERSONAL_DATA_READERS = EnumSet.of(Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER,
			Role.HEAD_OFFICE_ANALYST);

	private static final Map<String, Rule> RULES = new LinkedHashMap<>();

	static {
		// @formatter:off
		// ---- Queries
		signedIn("Query.me", "every signed-in user reads who they are");
		signedIn("Query.clients", "rows by ClientScope: RMs their own, leads their unit, risk and analysts all; ADMIN and AUDITOR none");
		signedIn("Query.client", "as Query.clients; out of scope reads as null");
		roles("Query.auditEvents", "internal audit only", Role.AUDITOR);
		roles("Query.retieringJob", "batch re-tiering is run by ADMIN", Role.ADMIN);
		roles("Query.retieringJobs", "batch re-tiering is run by ADMIN", Role.ADMIN);
		signedIn("Query.tierModels", "scoring models are configuration, not client data: whoever reads a tier or audits one reads the model that made it");
		signedIn("Query.tierModel", "as Query.tierModels");
		signedIn("Query.activeTierModel", "as Query.tierModels");

		// ---- Mutations: the client book
		roles("Mutation.createClient", "an RM for themselves, a lead naming a primary RM in their unit", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.updateClient", "the client's RMs and their leads", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.recordFinancialStatement", "the client's RMs and their leads", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.recordRelationshipMetrics", "the client's RMs and their leads", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.recordTaxRecord", "the client's RMs and their leads", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		put("Mutation.evaluateClientTier", new Rule(Set.of(Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.ADMIN),
				"the client's RMs and their leads in scope; ADMIN, who runs tiering (the batch job too), for any client",
				Set.of(Role.ADMIN)));
		roles("Mutation.setRiskGrade", "credit risk only", Role.RISK_OFFICER);
		roles("Mutation.assignClient", "a team lead within their team, a branch manager within their subtree", Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.startRetiering", "batch re-tiering of the whole book: ADMIN only", Role.ADMIN);

		// ---- Churn warnings: the people who serve the client, their leads and credit risk, in the client's scope
		roles("Query.churnAlerts", "the client's RMs, their leads and branch managers, risk officers; in the client's scope", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER);
		fieldRoles("Client.churnAlerts", EnumSet.of(Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER), "as Query.churnAlerts; analysts see clients but not their alerts");
		roles("Mutation.acknowledgeChurnAlert", "as Query.churnAlerts", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER);
		roles("Mutation.markChurnAlertActioned", "as Query.churnAlerts", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER);
		roles("Mutation.closeChurnAlert", "as Query.churnAlerts", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER);
		// ---- Interactions 沟通记录: recorded by the client's own RMs, read by whoever sees the client
		signedIn("Query.interactions", "rows by the client's ClientScope, as Query.clients");
		signedIn("Client.interactions", "as Query.interactions: whoever sees the client");
		roles("Mutation.recordInteraction", "the client's own RMs (primary or co-RM)", Role.RM);
		roles("Mutation.correctInteraction", "the author, an RM still serving the client, within the correction window", Role.RM);
		// ---- Worklists 工作清单: the people who serve the clients, each at their level; scope by ClientScope
		roles("Query.myWorklist", "an RM's own worklist: their clients and the follow-ups due from them", Role.RM);
		roles("Query.teamWorklist", "a team lead's team, a branch manager's branch", Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Query.branchWorklistSummary", "counts over a branch for its manager", Role.BRANCH_MANAGER);
		// ---- Live notifications: the people whose worklist it is, events of clients in their scope at delivery time
		roles("Subscription.worklistEvents", "worklist owners: RMs, their leads and branch managers; risk, analysts, admin and audit have no worklist", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		// ---- Feedback 满意度 and complaints 投诉: read by whoever sees the client; surveys recorded by its own RMs;
		// complaints raised and worked by its RMs, their leads and branch managers (an RM only as the assignee or the
		// primary RM: feedback.ComplaintDesk); the per-RM trend by the RM's place in the org (feedback.RmTrendScope)
		signedIn("Query.complaints", "rows by the client's ClientScope, as Query.clients");
		signedIn("Client.complaints", "as Query.complaints: whoever sees the client");
		signedIn("Client.surveyResults", "whoever sees the client");
		signedIn("Client.satisfactionTrend", "whoever sees the client");
		roles("Query.satisfactionTrend", "an RM their own, a lead their team's RMs, a branch manager their branch's, head office and analysts all", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.HEAD_OFFICE_ANALYST);
		roles("Mutation.recordSurveyResult", "the client's own RMs (primary or co-RM)", Role.RM);
		roles("Mutation.raiseComplaint", "the client's RMs, their leads and branch managers", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.assignComplaint", "the assignee or the client's primary RM, their leads and branch managers", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.startComplaint", "as Mutation.assignComplaint", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.resolveComplaint", "as Mutation.assignComplaint", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.closeComplaint", "as Mutation.assignComplaint", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.reopenComplaint", "as Mutation.assignComplaint", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		// ---- Data quality 数据质量: the people who steer a book, each over their own scope (as Query.clients); RMs their own
		// book, to fix it. Counts and client rows only, no personal data; ADMIN and AUDITOR see no clients.
		roles("Query.dataQualityReport", "RMs their own book, leads their team, branch managers their branch, risk officers and analysts all; in the scope of Query.clients", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER, Role.HEAD_OFFICE_ANALYST);
		roles("Query.dataQualityClients", "as Query.dataQualityReport", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER, Role.HEAD_OFFICE_ANALYST);
		// ---- Portfolio aggregates 客户结构分析: whoever lists clients, over the rows they list (ClientScope); ADMIN and
		// AUDITOR list no client, so an aggregate of nothing would only mislead: refused instead
		roles("Query.portfolio", "counts and sums over the rows Query.clients lists for the caller; ADMIN and AUDITOR see no client data", Role.RM, Role.TEAM_LEAD, Role.BRANCH_MANAGER, Role.RISK_OFFICER, Role.HEAD_OFFICE_ANALYST);
		// ---- Mutations: tiering configuration
		roles("Mutation.createTierModel", "scoring models are configuration: platform admin only", Role.ADMIN);
		roles("Mutation.updateTierModel", "as Mutation.createTierModel", Role.ADMIN);
		roles("Mutation.activateTierModel", "as Mutation.createTierModel", Role.ADMIN);

		// ---- Mutations: contacts (personal data)
		roles("Mutation.addContact", "the client's own RMs", Role.RM);
		roles("Mutation.updateContact", "the client's own RMs", Role.RM);
		roles("Mutation.removeContact", "the client's own RMs", Role.RM);
		roles("Mutation.revealContact", "leads who see contacts masked, with a purpose that is audited", Role.TEAM_LEAD, Role.BRANCH_MANAGER);
		roles("Mutation.revealLegalRepresentative", "leads who see the ID number masked, with a purpose that is audited", Role.TEAM_LEAD, Role.BRANCH_MANAGER);

		// ---- Tier overrides (maker-checker): branch managers only; the maker-checker rule itself is the workflow's.
		// Client.tierOverrides has no rule: no personal data, so whoever sees the client (its row scope) sees them.
		roles("Query.pendingTierOverrides", "the proposals a checker may decide, in their scope", Role.BRANCH_MANAGER);
		roles("Mutation.proposeTierOverride", "a branch manager, for a client in their scope", Role.BRANCH_MANAGER);
		roles("Mutation.approveTierOverride", "another branch manager with the client in scope (head office: all), never the maker", Role.BRANCH_MANAGER);
		roles("Mutation.rejectTierOverride", "as approveTierOverride", Role.BRANCH_MANAGER);
		roles("Mutation.withdrawTierOverride", "the maker, while it is proposed", Role.BRANCH_MANAGER);

		// ---- The book over time (migration/): rows by ClientScope as Query.clients, the client's scope as it is now
		signedIn("Query.tierMigration", "counts over the clients the caller may list (ClientScope now, as Query.clients); ADMIN and AUDITOR count none");
		signedIn("Query.tierMigrationClients", "as Query.tierMigration: the clients of one cell, in the caller's scope");
		signedIn("Client.asOf", "whoever sees the client now sees its tier, grades and primary RM of a past date");

		// ---- Fields holding personal data: risk officers see none (masking per role is PersonalDataPolicy)
		fieldRoles("Client.contacts", PERSONAL_DATA_READERS, "contacts: own RMs in full, leads and analysts masked, risk none");
		fieldRoles("Client.legalRepresentative", PERSONAL_DATA_READERS, "as Client.contacts");
		fieldRoles("Interaction.contacts", PERSONAL_DATA_READERS, "as Client.contacts");
		// @formatter:on
	}

	private Permissions() {
	}

	/** The rule for a schema coordinate such as {@code Mutation.updateClient}, if one is declared. */
	public static Optional<Rule> rule(String coordinate) {
		return Optional.ofNullable(RULES.get(coordinate));
	}

	/** Every declared rule by coordinate, in declaration order (for documentation and tests). */
	public static Map<String, Rule> all() {
		return Map.copyOf(RULES);
	}

	/** The roles that book-keeping operations (clients, statements, metrics) allow. */
	public static Set<Role> bookKeepers() {
		return Set.copyOf(BOOK_KEEPERS);
	}

	private static void signedIn(String coordinate, String why) {
		put(coordinate, new Rule(null, why));
	}

	private static void roles(String coordinate, String why, Role... roles) {
		put(coordinate, new Rule(Set.copyOf(EnumSet.of(roles[0], roles)), why));
	}

	private static void fieldRoles(String coordinate, Set<Role> roles, String why) {
		put(coordinate, new Rule(Set.copyOf(roles), why));
	}

	private static void put(String coordinate, Rule rule) {
		if (RULES.putIfAbsent(coordinate, rule) != null) {
			throw new IllegalStateException("two rules for " + coordinate);
		}
	}

}
