package com.corpbank.portal.store.explain;

import com.corpbank.portal.store.explain.ExplainPlans.Scan;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan walker on explain answers in the shapes MongoDB 7 and 8 give (trimmed of fields the walker does not read,
 * such as serverInfo and index bounds, but with the nesting and names as the server writes them).
 */
class ExplainPlansTest {

	@Test
	void aFindThroughAnIndexHasNoScanEvenWhenTheRejectedPlanWasOne() {
		Document explain = Document.parse("""
				{ explainVersion: "1",
				  queryPlanner: { namespace: "portal.clients", parsedQuery: { managerUsernames: { $eq: "rm_li" } },
				    winningPlan: { isCached: false, stage: "LIMIT", limitAmount: 51,
				      inputStage: { stage: "FETCH",
				        inputStage: { stage: "IXSCAN", keyPattern: { managerUsernames: 1, name: 1, _id: 1 },
				          indexName: "managerUsernames_1_name_1__id_1", isMultiKey: true, direction: "forward" } } },
				    rejectedPlans: [ { stage: "SORT", inputStage: { stage: "COLLSCAN", direction: "forward" } } ] },
				  command: { find: "clients", filter: { stage: "COLLSCAN" }, $db: "portal" },
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(explain)).isEmpty();
	}

	@Test
	void aFindThatScansIsFoundWithItsCollectionAndPlace() {
		Document explain = Document.parse("""
				{ explainVersion: "1",
				  queryPlanner: { namespace: "portal.org_units", parsedQuery: {},
				    winningPlan: { isCached: false, stage: "SORT", sortPattern: { path: 1 },
				      inputStage: { stage: "COLLSCAN", direction: "forward" } },
				    rejectedPlans: [] },
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(explain))
			.containsExactly(new Scan("org_units", "queryPlanner.winningPlan.inputStage", "COLLSCAN"));
	}

	@Test
	void anOrOverTwoIndexesAndOneScanFindsTheScanBranch() {
		Document explain = Document.parse("""
				{ queryPlanner: { namespace: "portal.clients",
				    winningPlan: { stage: "SUBPLAN", inputStage: { stage: "FETCH", inputStage: { stage: "OR",
				      inputStages: [ { stage: "IXSCAN", indexName: "primaryManager_1" },
				                     { stage: "COLLSCAN", filter: { coManagers: { $eq: "rm_li" } } } ] } } } } }
				""");
		assertThat(ExplainPlans.collectionScans(explain)).extracting(Scan::collection, Scan::path)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("clients",
					"queryPlanner.winningPlan.inputStage.inputStage.inputStages[1]"));
	}

	@Test
	void slotBasedEngineQueryPlanIsWalkedAndItsProgramIsNot() {
		Document indexed = Document.parse("""
				{ explainVersion: "2",
				  queryPlanner: { namespace: "portal.relationship_metrics",
				    winningPlan: { isCached: false,
				      queryPlan: { stage: "GROUP", planNodeId: 3,
				        inputStage: { stage: "FETCH", planNodeId: 2,
				          inputStage: { stage: "IXSCAN", planNodeId: 1, indexName: "clientId_1_month_-1" } } },
				      slotBasedPlan: { slots: "$$RESULT=s12 env: {}",
				        stages: "[3] project [s12 = ...] [1] ixseek ... COLLSCAN-looking text ..." } },
				    rejectedPlans: [] },
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(indexed)).isEmpty();

		Document scanning = Document.parse("""
				{ explainVersion: "2",
				  queryPlanner: { namespace: "portal.interactions",
				    winningPlan: { queryPlan: { stage: "SORT", planNodeId: 2,
				        inputStage: { stage: "COLLSCAN", planNodeId: 1, direction: "forward" } },
				      slotBasedPlan: { stages: "[1] scan s4 s5 ..." } } },
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(scanning))
			.containsExactly(new Scan("interactions", "queryPlanner.winningPlan.queryPlan.inputStage", "COLLSCAN"));
	}

	@Test
	void anAggregateNotPushedDownIsReadInItsCursorStage() {
		Document indexed = Document.parse("""
				{ explainVersion: "1",
				  stages: [
				    { $cursor: { queryPlanner: { namespace: "portal.clients",
				        winningPlan: { stage: "PROJECTION_SIMPLE",
				          inputStage: { stage: "FETCH", inputStage: { stage: "IXSCAN", indexName: "orgUnits_1_name_1__id_1" } } },
				        rejectedPlans: [] } } },
				    { $lookup: { from: "tier_history", as: "history", localField: "_id", foreignField: "clientId" } },
				    { $group: { _id: "$cell", count: { $sum: 1 } } } ],
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(indexed)).isEmpty();

		Document scanning = Document.parse("""
				{ explainVersion: "1",
				  stages: [
				    { $cursor: { queryPlanner: { namespace: "portal.clients",
				        winningPlan: { stage: "COLLSCAN", filter: { orgUnits: { $eq: "SH" } }, direction: "forward" },
				        rejectedPlans: [] } } },
				    { $group: { _id: "$valueTier.tier", clients: { $sum: 1 } } } ],
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(scanning))
			.containsExactly(new Scan("clients", "stages[0].$cursor.queryPlanner.winningPlan", "COLLSCAN"));
	}

	@Test
	void aLookupPushedIntoTheSlotBasedEngineScansUnlessItProbesAnIndex() {
		String template = """
				{ explainVersion: "2",
				  queryPlanner: { namespace: "portal.clients",
				    winningPlan: { queryPlan: { stage: "GROUP", planNodeId: 4,
				        inputStage: { stage: "EQ_LOOKUP", planNodeId: 3, foreignCollection: "portal.tier_history",
				          localField: "_id", foreignField: "clientId", asField: "history", strategy: "%s",
				          inputStage: { stage: "FETCH", planNodeId: 2,
				            inputStage: { stage: "IXSCAN", planNodeId: 1, indexName: "managerUsernames_1_name_1__id_1" } } } },
				      slotBasedPlan: { stages: "..." } } },
				  ok: 1 }
				""";
		assertThat(ExplainPlans.collectionScans(Document.parse(template.formatted("IndexedLoopJoin")))).isEmpty();
		assertThat(ExplainPlans.collectionScans(Document.parse(template.formatted("DynamicIndexedLoopJoin")))).isEmpty();
		assertThat(ExplainPlans.collectionScans(Document.parse(template.formatted("NestedLoopJoin")))).containsExactly(
				new Scan("tier_history", "queryPlanner.winningPlan.queryPlan.inputStage", "EQ_LOOKUP NestedLoopJoin"));
		assertThat(ExplainPlans.collectionScans(Document.parse(template.formatted("HashJoin"))))
			.extracting(Scan::stage)
			.containsExactly("EQ_LOOKUP HashJoin");
	}

	@Test
	void aLookupStageThatReportsCollectionScansCountsAsOne() {
		// executionStats verbosity: the counters sit beside the stage's specification.
		Document explain = Document.parse("""
				{ explainVersion: "1",
				  stages: [
				    { $cursor: { queryPlanner: { namespace: "portal.clients",
				        winningPlan: { stage: "FETCH", inputStage: { stage: "IXSCAN", indexName: "_id_" } } } } },
				    { $lookup: { from: "risk_history", as: "risk", localField: "_id", foreignField: "clientId" },
				      totalDocsExamined: 40, totalKeysExamined: 0, collectionScans: 2, indexesUsed: [], nReturned: 2 },
				    { $lookup: { from: "tier_history", as: "tiers", localField: "_id", foreignField: "clientId" },
				      totalDocsExamined: 4, totalKeysExamined: 4, collectionScans: 0,
				      indexesUsed: [ "clientId_1_evaluatedAt_-1__id_-1" ], nReturned: 2 } ],
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(explain))
			.containsExactly(new Scan("risk_history", "stages[1].$lookup", "$lookup collectionScans=2"));
	}

	@Test
	void everyShardsPlanIsWalked() {
		Document explain = Document.parse("""
				{ queryPlanner: { mongosPlannerVersion: 1,
				    winningPlan: { stage: "SHARD_MERGE", shards: [
				      { shardName: "rs0", namespace: "portal.complaints",
				        winningPlan: { stage: "FETCH", inputStage: { stage: "IXSCAN", indexName: "clientId_1_slaDueAt_1" } } },
				      { shardName: "rs1", namespace: "portal.complaints",
				        winningPlan: { stage: "COLLSCAN" } } ] } },
				  ok: 1 }
				""");
		assertThat(ExplainPlans.collectionScans(explain)).containsExactly(
				new Scan("complaints", "queryPlanner.winningPlan.shards[1].winningPlan", "COLLSCAN"));
	}

}
