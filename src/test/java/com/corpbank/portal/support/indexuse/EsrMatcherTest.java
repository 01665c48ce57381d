package com.corpbank.portal.support.indexuse;

import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.support.indexuse.EsrMatcher.Verdict;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The equality-sort-range matcher on its own: reads it must accept and reads it must refuse. */
class EsrMatcherTest {

	/** c: {a:1, s:-1, r:1} (ESR for a= sort s range r), {u:1} unique, {x:1, y:1}, {t:1, _id:1}. */
	private static final List<DeclaredIndex> INDEXES = List.of(DeclaredIndex.id("c"), index("a_s_r", false, "a", 1, "s", -1, "r", 1),
			index("u_unique", true, "u", 1), index("x_y", false, "x", 1, "y", 1), index("t_id", false, "t", 1, "_id", 1));

	@Nested
	class Find {

		@Test
		void equalityOnTheLeadingKey() {
			assertServedBy(find("{a: 1}"), "a_s_r");
		}

		@Test
		void equalitySortRangeInTheIndexOrder() {
			assertServedBy(find("{a: 1, r: {$gt: 5}}", "{s: -1}"), "a_s_r");
		}

		@Test
		void sortAllReversedIsServed() {
			assertServedBy(find("{a: 1}", "{s: 1}"), "a_s_r");
		}

		@Test
		void sortOnTwoKeysWithMixedDirectionsIsRefused() {
			assertRefused(find("{}", "{t: 1, _id: -1}"));
		}

		@Test
		void sortOnTwoKeysAllReversedIsServed() {
			assertServedBy(find("{}", "{t: -1, _id: -1}"), "t_id");
		}

		@Test
		void sortKeysOutOfIndexOrderAreRefused() {
			assertRefused(find("{}", "{_id: 1, t: 1}"));
		}

		@Test
		void equalitySortRangeIsServedButEqualityRangeSortIsNot() {
			// {x=, y range} sorted by s: no index has s right after x.
			assertServedBy(find("{a: 1, r: {$lt: 3}}", "{s: 1}"), "a_s_r");
			assertRefused(find("{x: 1, y: {$gt: 3}}", "{s: 1}"));
		}

		@Test
		void sortNotGivenByTheIndexIsRefused() {
			assertRefused(find("{a: 1}", "{r: 1}"));
			assertRefused(find("{x: 1}", "{z: 1}"));
		}

		@Test
		void equalityKeysMayBeInAnyOrder() {
			assertServedBy(find("{y: 2, x: 1}"), "x_y");
		}

		@Test
		void equalityOnLaterKeyOnlyIsRefused() {
			assertRefused(find("{y: 2}"));
			assertRefused(find("{s: 2}"));
		}

		@Test
		void rangeOnLeadingKeyIsServed() {
			assertServedBy(find("{x: {$gte: 1, $lt: 9}}"), "x_y");
		}

		@Test
		void inAndElemMatchEqualityBoundLikeEquality() {
			assertServedBy(find("{a: {$in: [1, 2]}}", "{s: -1}"), "a_s_r");
			assertServedBy(find("{x: {$elemMatch: {$eq: 3}}}"), "x_y");
			List<DeclaredIndex> nested = List.of(index("items_rm_due", false, "items.rm", 1, "items.due", 1));
			assertThat(match(find("{items: {$elemMatch: {rm: 'li', due: {$lte: 5}}}}"), nested).served()).isTrue();
		}

		@Test
		void existsAndRegexAreRanges() {
			assertServedBy(find("{x: {$exists: true}}"), "x_y");
			assertServedBy(find("{x: {$regex: '^abc'}}"), "x_y");
			assertServedBy(find("{a: 1, s: /^abc/}"), "a_s_r");
		}

		@Test
		void negationsBoundNothing() {
			assertRefused(find("{x: {$ne: 1}}"));
			assertRefused(find("{x: {$nin: [1, 2]}}"));
			assertRefused(find("{x: {$not: {$gt: 1}}}"));
			assertRefused(find("{$expr: {$gt: ['$x', '$y']}}"));
		}

		@Test
		void unindexedFieldIsRefused() {
			Verdict verdict = match(find("{z: 1}"));
			assertThat(verdict.served()).isFalse();
			assertThat(verdict.detail()).contains("no index");
		}

		@Test
		void unindexedEqualityWhileWalkingAnotherIndexInSortOrderIsRefused() {
			assertRefused(find("{z: 1}", "{t: 1, _id: 1}"));
		}

		@Test
		void residualFilterWhileWalkingAnIndexInSortOrderIsServed() {
			assertServedBy(find("{z: {$ne: 1}}", "{t: 1, _id: 1}"), "t_id");
		}

		@Test
		void rangeOnTheSortKeyIsServed() {
			assertServedBy(find("{t: {$gt: 4}}", "{t: 1, _id: 1}"), "t_id");
		}

		@Test
		void byIdIsServedEvenWithASort() {
			assertServedBy(find("{_id: 'C-1'}"), "_id_");
			assertServedBy(find("{_id: {$in: ['C-1', 'C-2']}, z: 3}", "{z: 1}"), "_id_");
		}

		@Test
		void pointReadOnAUniqueIndex() {
			assertServedBy(find("{u: 7}", "{q: 1}"), "u_unique");
		}

		@Test
		void sortOnAnEqualityFieldOrdersNothing() {
			assertServedBy(find("{a: 1}", "{a: 1, s: -1}"), "a_s_r");
		}

		@Test
		void emptyFilterWithoutSortIsACollectionScan() {
			Verdict verdict = match(find("{}"));
			assertThat(verdict.served()).isFalse();
			assertThat(verdict.detail()).contains("collection scan");
		}

		@Test
		void emptyFilterWithASortAnIndexGivesIsServed() {
			assertServedBy(find("{}", "{_id: -1}"), "_id_");
			assertServedBy(find("{}", "{t: 1}"), "t_id");
		}

		@Test
		void andIsFlattened() {
			assertServedBy(find("{$and: [{a: 1}, {r: {$gt: 1}}]}", "{s: -1}"), "a_s_r");
		}

		@Test
		void orIsServedWhenEveryBranchIs() {
			Verdict verdict = match(find("{$or: [{a: 1}, {x: 2}]}"));
			assertThat(verdict.served()).isTrue();
			assertThat(verdict.detail()).contains("a_s_r").contains("x_y");
		}

		@Test
		void orWithOneUnservedBranchIsRefused() {
			assertRefused(find("{$or: [{a: 1}, {z: 2}]}"));
		}

		@Test
		void orIsServedWhenTheRestOfTheFilterIs() {
			assertServedBy(find("{a: 1, $or: [{z: 1}, {w: 2}]}"), "a_s_r");
		}

		@Test
		void orBranchesCombineWithTheRest() {
			// Each branch plus the rest: {r range, a=} and {r range, x=}.
			assertThat(match(find("{r: {$gt: 1}, $or: [{a: 1}, {x: 2}]}")).served()).isTrue();
		}

		@Test
		void textNeedsATextIndex() {
			assertRefused(find("{$text: {$search: 'bank'}}"));
			List<DeclaredIndex> withText = new ArrayList<>(INDEXES);
			withText.add(DeclaredIndex.fromCommand("c",
					BsonDocument.parse("{key: {name: 'text'}, name: 'name_text'}")));
			assertThat(match(find("{$text: {$search: 'bank'}}"), withText).detail()).startsWith("name_text");
		}

	}

	@Nested
	class Commands {

		@Test
		void countWithoutFilterReadsMetadata() {
			assertThat(match(one("count", "{count: 'c', query: {}}")).served()).isTrue();
			assertRefused(one("count", "{count: 'c', query: {z: 1}}"));
			assertServedBy(one("count", "{count: 'c', query: {a: 1}}"), "a_s_r");
		}

		@Test
		void distinctWithoutFilterScansAnIndexLedByItsKey() {
			assertServedBy(one("distinct", "{distinct: 'c', key: 'x'}"), "x_y");
			assertRefused(one("distinct", "{distinct: 'c', key: 'z'}"));
			assertRefused(one("distinct", "{distinct: 'c', key: 'x', query: {z: 1}}"));
		}

		@Test
		void aLimitedReadWithoutFilterOrSortReadsOnlyItsFirstDocuments() {
			assertThat(match(one("find", "{find: 'c', filter: {}, limit: 1}")).served()).isTrue();
			assertThat(match(aggregate("[{$match: {}}, {$limit: 1}, {$group: {_id: 1, n: {$sum: 1}}}]")).served())
				.isTrue();
			assertThat(match(aggregate("[{$limit: 1}]")).served()).isTrue();
			// With a filter, a limit bounds nothing: the scan goes on until it finds enough matches.
			assertRefused(one("find", "{find: 'c', filter: {z: 1}, limit: 1}"));
			assertRefused(aggregate("[{$match: {z: 1}}, {$limit: 1}]"));
			assertRefused(aggregate("[{$match: {}}, {$group: {_id: 1, n: {$sum: 1}}}]"));
		}

		@Test
		void updatesAndDeletesAreReadByTheirQ() {
			List<IndexedQuery> updates = QueryParser.parse("update",
					BsonDocument.parse("{update: 'c', updates: [{q: {_id: 1}, u: {}}, {q: {z: 1}, u: {}}]}"));
			assertThat(updates).hasSize(2);
			assertThat(match(updates.get(0)).served()).isTrue();
			assertThat(match(updates.get(1)).served()).isFalse();
			assertRefused(one("delete", "{delete: 'c', deletes: [{q: {}, limit: 0}]}"));
			assertServedBy(one("delete", "{delete: 'c', deletes: [{q: {a: 1}, limit: 0}]}"), "a_s_r");
		}

		@Test
		void findAndModifyReadsByQueryAndSort() {
			assertServedBy(one("findAndModify", "{findAndModify: 'c', query: {a: 1}, sort: {s: -1}, update: {}}"),
					"a_s_r");
			assertRefused(one("findAndModify", "{findAndModify: 'c', query: {a: 1}, sort: {z: 1}, update: {}}"));
		}

		@Test
		void insertsAndIndexCommandsReadNothing() {
			assertThat(QueryParser.parse("insert", BsonDocument.parse("{insert: 'c', documents: [{z: 1}]}"))).isEmpty();
			assertThat(QueryParser.parse("createIndexes",
					BsonDocument.parse("{createIndexes: 'c', indexes: [{key: {z: 1}, name: 'z'}]}")))
				.isEmpty();
		}

		@Test
		void shapeHidesValues() {
			IndexedQuery query = one("find",
					"{find: 'c', filter: {a: 'secret', r: {$gt: 5}, $or: [{x: 1}, {y: {$in: [1, 2]}}]}, sort: {s: -1}}");
			assertThat(query.shape()).isEqualTo("{a: ?, r: {$gt: ?}, $or: [{x: ?}, {y: {$in: ?}}]} sort {\"s\": -1}");
			assertThat(query.describe()).doesNotContain("secret");
		}

	}

	@Nested
	class Aggregate {

		@Test
		void leadingMatchAndSortAreTheRead() {
			assertServedBy(aggregate("[{$match: {a: 1}}, {$sort: {s: -1}}, {$group: {_id: '$x'}}]"), "a_s_r");
			assertRefused(aggregate("[{$match: {a: 1}}, {$sort: {z: 1}}]"));
		}

		@Test
		void leadingSortAloneIsServedByAnIndexInThatOrder() {
			assertServedBy(aggregate("[{$sort: {t: 1}}, {$limit: 5}]"), "t_id");
		}

		@Test
		void pipelineStartingWithoutMatchOrSortScans() {
			Verdict verdict = match(aggregate("[{$group: {_id: '$a', n: {$sum: 1}}}]"));
			assertThat(verdict.served()).isFalse();
			assertThat(verdict.detail()).contains("$group");
		}

		@Test
		void everyLookupIsReadOnItsForeignField() {
			List<IndexedQuery> queries = aggregateAll(
					"[{$match: {a: 1}}, {$lookup: {from: 'j', localField: 'x', foreignField: 'k', as: 'o'}}]");
			assertThat(queries).hasSize(2);
			assertThat(queries.get(1).collection()).isEqualTo("j");
			assertThat(queries.get(1).origin()).isEqualTo("$lookup from c");
			List<DeclaredIndex> joined = List.of(DeclaredIndex.id("j"), index("k", false, "k", 1));
			assertThat(EsrMatcher.match(queries.get(1), joined).served()).isTrue();
			assertThat(EsrMatcher.match(queries.get(1), List.of(DeclaredIndex.id("j"))).served()).isFalse();
		}

		@Test
		void lookupOnIdIsServed() {
			List<IndexedQuery> queries = aggregateAll(
					"[{$match: {a: 1}}, {$lookup: {from: 'j', localField: 'x', foreignField: '_id', as: 'o'}}]");
			assertThat(EsrMatcher.match(queries.get(1), List.of(DeclaredIndex.id("j"))).served()).isTrue();
		}

		@Test
		void lookupPipelineMatchesByExprEqualityAndItsSort() {
			List<IndexedQuery> queries = aggregateAll("""
					[{$match: {a: 1}}, {$lookup: {from: 'j', let: {id: '$_id'}, pipeline: [
					  {$match: {$expr: {$and: [{$eq: ['$clientId', '$$id']}, {$lt: ['$at', '$$cut']}]}}},
					  {$sort: {at: -1}}, {$limit: 1}], as: 'latest'}}]""");
			IndexedQuery lookup = queries.get(1);
			assertThat(lookup.filter().fields()).containsEntry("clientId", Filter.Use.EQUALITY)
				.containsEntry("at", Filter.Use.RANGE);
			List<DeclaredIndex> joined = List.of(DeclaredIndex.id("j"), index("client_at", false, "clientId", 1, "at", -1));
			assertThat(EsrMatcher.match(lookup, joined).served()).isTrue();
			List<DeclaredIndex> clientOnly = List.of(DeclaredIndex.id("j"), index("client", false, "clientId", 1));
			assertThat(EsrMatcher.match(lookup, clientOnly).served()).isFalse();
		}

		@Test
		void uncorrelatedLookupWithoutMatchScansTheJoinedCollection() {
			List<IndexedQuery> queries = aggregateAll(
					"[{$match: {a: 1}}, {$lookup: {from: 'j', pipeline: [{$project: {x: 1}}], as: 'all'}}]");
			assertThat(EsrMatcher.match(queries.get(1), List.of(DeclaredIndex.id("j"))).served()).isFalse();
		}

		@Test
		void lookupsInsideFacetsAndNestedPipelinesAreRead() {
			List<IndexedQuery> queries = aggregateAll("""
					[{$match: {a: 1}}, {$facet: {rows: [{$limit: 5},
					  {$lookup: {from: 'j', localField: 'x', foreignField: 'k', as: 'o', pipeline: [
					    {$lookup: {from: 'n', localField: 'y', foreignField: 'm', as: 'p'}}]}}]}}]""");
			assertThat(queries).extracting(IndexedQuery::collection).containsExactly("c", "j", "n");
			assertThat(queries.get(2).filter().fields()).containsOnlyKeys("m");
		}

		@Test
		void exprComparingTwoFieldsBoundsNothing() {
			Filter bounds = QueryParser.exprBounds(BsonDocument.parse("{x: {$eq: ['$a', '$b']}}").get("x"));
			assertThat(bounds.fields()).isEmpty();
		}

	}

	@Nested
	class AllowList {

		@Test
		void aCollectionThatGrowsWithTheBookCannotBeAllowedWhole() {
			assertThatIllegalArgumentException().isThrownBy(() -> IndexUseAllowList.referenceData("clients", "small"));
		}

		@Test
		void aWholeCollectionReadIsAllowedByItsExactShapeFromItsOneSenderOnly() {
			List<IndexUseAllowList.Entry> sweep = List.of(IndexUseAllowList.wholeCollection("clients",
					"find clients {pending: ?}", "com.corpbank.portal.Sweep.run(", "sweep"));
			IndexedQuery pending = one("find", "{find: 'clients', filter: {pending: 1}}");
			assertThat(IndexUseAllowList.reasonFor(pending, "com.corpbank.portal.Sweep.run(Sweep.java:9)", sweep))
				.contains("sweep");
			assertThat(IndexUseAllowList.reasonFor(pending, "com.corpbank.portal.Page.load(Page.java:9)", sweep))
				.isEmpty();
			assertThat(IndexUseAllowList.reasonFor(one("find", "{find: 'clients', filter: {pending: 1, z: 2}}"),
					"com.corpbank.portal.Sweep.run(Sweep.java:9)", sweep))
				.isEmpty();
		}

		@Test
		void aBookCollectionNeedsAShapeAndASender() {
			assertThatIllegalArgumentException().isThrownBy(() -> IndexUseAllowList.wholeCollection("clients",
					"find clients {}", null, "no sender"));
		}

		@Test
		void referenceDataIsAllowedWhole() {
			IndexUseAllowList.Entry orgUnits = IndexUseAllowList.referenceData("org_units", "tiny");
			assertThat(IndexUseAllowList.reasonFor(one("find", "{find: 'org_units', filter: {}}"), "any caller",
					List.of(orgUnits)))
				.contains("tiny");
		}

	}

	private static void assertServedBy(IndexedQuery query, String index) {
		Verdict verdict = match(query);
		assertThat(verdict.served()).as(query.describe() + " -> " + verdict.detail()).isTrue();
		assertThat(verdict.detail()).as(query.describe()).startsWith(index + " ");
	}

	private static void assertRefused(IndexedQuery query) {
		Verdict verdict = match(query);
		assertThat(verdict.served()).as(query.describe() + " -> " + verdict.detail()).isFalse();
	}

	private static Verdict match(IndexedQuery query) {
		return match(query, INDEXES);
	}

	private static Verdict match(IndexedQuery query, List<DeclaredIndex> indexes) {
		return EsrMatcher.match(query, indexes);
	}

	private static IndexedQuery find(String filter) {
		return find(filter, "{}");
	}

	private static IndexedQuery find(String filter, String sort) {
		return one("find", "{find: 'c', filter: " + filter + ", sort: " + sort + "}");
	}

	private static IndexedQuery aggregate(String pipeline) {
		return aggregateAll(pipeline).get(0);
	}

	private static List<IndexedQuery> aggregateAll(String pipeline) {
		return QueryParser.parse("aggregate", BsonDocument.parse("{aggregate: 'c', pipeline: " + pipeline + "}"));
	}

	private static IndexedQuery one(String command, String json) {
		List<IndexedQuery> queries = QueryParser.parse(command, BsonDocument.parse(json));
		assertThat(queries).hasSize(1);
		return queries.get(0);
	}

	private static DeclaredIndex index(String name, boolean unique, Object... keys) {
		BsonDocument keyDocument = new BsonDocument();
		for (int i = 0; i < keys.length; i += 2) {
			keyDocument.put((String) keys[i], new org.bson.BsonInt32((Integer) keys[i + 1]));
		}
		return DeclaredIndex.fromCommand("c", new BsonDocument("key", keyDocument).append("name",
				new org.bson.BsonString(name)).append("unique", org.bson.BsonBoolean.valueOf(unique)));
	}

}
