package com.corpbank.portal.store.explain;

import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.store.explain.CapturedQueries.Query;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check {@link RealMongoExplainTests} makes, on canned explain answers: no MongoDB needed. */
class ScanCheckTest {

	private static final Document INDEXED = Document.parse("""
			{ queryPlanner: { namespace: "portal.clients",
			    winningPlan: { stage: "FETCH", inputStage: { stage: "IXSCAN", indexName: "managerUsernames_1_name_1__id_1" } } },
			  ok: 1 }
			""");

	private static Document scanning(String collection) {
		return Document.parse("""
				{ queryPlanner: { namespace: "portal.%s", winningPlan: { stage: "COLLSCAN", direction: "forward" } },
				  ok: 1 }
				""".formatted(collection));
	}

	private static Query read(String json) {
		BsonDocument command = BsonDocument.parse(json);
		return new Query(command.getFirstKey(), command.getString(command.getFirstKey()).getValue(), command);
	}

	@Test
	void sendsEachReadAsAnExplainWithoutItsSessionFieldsAndReportsItsScans() {
		Query indexed = read("""
				{ find: "clients", filter: { managerUsernames: "rm_li" }, sort: { name: 1, _id: 1 }, limit: 51,
				  $db: "portal", lsid: { id: { $binary: { base64: "AAAAAAAAAAAAAAAAAAAAAA==", subType: "04" } } },
				  $clusterTime: { clusterTime: { $timestamp: { t: 1, i: 1 } } }, maxTimeMS: 2000 }
				""");
		Query scan = read("""
				{ aggregate: "interactions", pipeline: [ { $match: { summary: "x" } } ], cursor: {}, $db: "portal" }
				""");
		List<BsonDocument> sent = new ArrayList<>();
		List<ScanCheck.Finding> findings = ScanCheck.unexcusedScans("page as rm_li", List.of(indexed, scan),
				explain -> {
					sent.add(explain);
					return explain.getDocument("explain").containsKey("find") ? INDEXED : scanning("interactions");
				});

		assertThat(sent.get(0)).isEqualTo(BsonDocument.parse("""
				{ explain: { find: "clients", filter: { managerUsernames: "rm_li" }, sort: { name: 1, _id: 1 },
				    limit: 51 }, verbosity: "queryPlanner" }
				"""));
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.query()).isSameAs(scan);
			assertThat(finding.scan().collection()).isEqualTo("interactions");
			assertThat(finding.toString()).contains("page as rm_li", "aggregate on interactions", "COLLSCAN");
		});
	}

	@Test
	void onlyAnUnconditionalReadOfAReferenceCollectionMayScanIt() {
		Query wholeTree = read("""
				{ find: "org_units", filter: {}, $db: "portal" }
				""");
		Query oneUnit = read("""
				{ find: "org_units", filter: { parent: "SH" }, $db: "portal" }
				""");
		Query wholeBook = read("""
				{ find: "clients", filter: {}, $db: "portal" }
				""");
		Query models = read("""
				{ aggregate: "tier_models", pipeline: [ { $sort: { version: 1 } } ], cursor: {} }
				""");
		Query matchedModels = read("""
				{ aggregate: "tier_models", pipeline: [ { $match: { status: "ACTIVE" } } ], cursor: {} }
				""");

		assertThat(ScanCheck.unexcusedScans("tree", List.of(wholeTree), explain -> scanning("org_units"))).isEmpty();
		assertThat(ScanCheck.unexcusedScans("models", List.of(models), explain -> scanning("tier_models"))).isEmpty();
		assertThat(ScanCheck.unexcusedScans("unit", List.of(oneUnit), explain -> scanning("org_units"))).hasSize(1);
		assertThat(ScanCheck.unexcusedScans("book", List.of(wholeBook), explain -> scanning("clients"))).hasSize(1);
		assertThat(ScanCheck.unexcusedScans("active", List.of(matchedModels), explain -> scanning("tier_models")))
			.hasSize(1);
	}

	@Test
	void aWholeBankAggregateOfTheClientsMayScanThemAndAWholeBankPageMayNot() {
		Query portfolio = read("""
				{ aggregate: "clients", pipeline: [ { $match: {} }, { $group: { _id: "$valueTier.tier", n: { $sum: 1 } } } ],
				  cursor: {} }
				""");
		Query scopedPortfolio = read("""
				{ aggregate: "clients", pipeline: [ { $match: { managerUsernames: "rm_li" } },
				    { $group: { _id: "$valueTier.tier", n: { $sum: 1 } } } ], cursor: {} }
				""");
		Query page = read("""
				{ aggregate: "clients", pipeline: [ { $match: {} }, { $sort: { _id: 1 } }, { $limit: 21 },
				    { $group: { _id: null, n: { $sum: 1 } } } ], cursor: {} }
				""");
		Query interactions = read("""
				{ aggregate: "interactions", pipeline: [ { $match: {} }, { $group: { _id: "$clientId" } } ], cursor: {} }
				""");

		assertThat(ScanCheck.unexcusedScans("portfolio", List.of(portfolio), explain -> scanning("clients"))).isEmpty();
		assertThat(ScanCheck.unexcusedScans("scoped", List.of(scopedPortfolio), explain -> scanning("clients")))
			.hasSize(1);
		assertThat(ScanCheck.unexcusedScans("page", List.of(page), explain -> scanning("clients"))).hasSize(1);
		assertThat(ScanCheck.unexcusedScans("other", List.of(interactions), explain -> scanning("interactions")))
			.hasSize(1);
		// The excuse is for the clients the aggregate reads, not for a scan of another collection it joins.
		assertThat(ScanCheck.unexcusedScans("join", List.of(portfolio), explain -> scanning("tier_history")))
			.hasSize(1);
	}

}
