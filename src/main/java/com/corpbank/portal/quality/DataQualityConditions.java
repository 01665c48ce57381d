package com.corpbank.portal.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.corpbank.portal.client.Uscc;
import org.bson.Document;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;

/**
 * The problems as aggregation stages over {@code clients}, which both real MongoDB and the embedded store evaluate:
 * each problem becomes a field of 0 or 1 (see {@link DataQualityProblem#flagField}).
 *
 * <ul>
 * <li>Statements and contacts are not on the client document: they are joined by one {@code $lookup} each, on
 * {@code clientId} (served by the {@code client_latest} and {@code client_oldest_first} indexes on MongoDB), and only
 * for the problems that need them. A denormalised marker on the client would make the count an index count on
 * MongoDB, but would have to be written by every writer of statements, contacts and clients (and backfilled); the
 * join is always right and touches no writer.</li>
 * <li>The USCC check runs in the store: the same arithmetic as {@link Uscc#isValid} ({@code $indexOfCP} into the
 * alphabet, the GB 11714 and GB 32100 weighted sums, {@code $mod}); a test holds the two equal over valid, mutated
 * and malformed codes.</li>
 * <li>Unrated: no {@code risk} on the client.</li>
 * </ul>
 */
final class DataQualityConditions {

	static final String STATEMENTS = "dqStatements";

	static final String CONTACTS = "dqContacts";

	private static final String ORG_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	// GB 11714 check: 11 - (sum mod 11), where 10 is X and 11 is 0; indexed by that value.
	private static final String ORG_CODE_CHECK = "0123456789X0";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int[] ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	private DataQualityConditions() {
	}

	/** Which joins the problems need. */
	static List<AggregationOperation> joins(Set<DataQualityProblem> problems) {
		List<AggregationOperation> stages = new ArrayList<>();
		if (problems.contains(DataQualityProblem.MISSING_STATEMENTS)
				|| problems.contains(DataQualityProblem.STALE_STATEMENTS)) {
			stages.add(lookup("financial_statements", STATEMENTS));
		}
		if (problems.contains(DataQualityProblem.MISSING_CONTACTS)) {
			stages.add(lookup("contacts", CONTACTS));
		}
		return stages;
	}

	/** The flag fields (0 or 1) of these problems, for a {@code $project} or {@code $addFields}. */
	static Document flags(Set<DataQualityProblem> problems, int requiredFiscalYear) {
		Document flags = new Document();
		for (DataQualityProblem problem : EnumSet.copyOf(problems)) {
			flags.put(problem.flagField(), new Document("$cond", List.of(condition(problem, requiredFiscalYear), 1, 0)));
		}
		return flags;
	}

	/** True (as an expression) when the client has this problem. */
	static Object condition(DataQualityProblem problem, int requiredFiscalYear) {
		return switch (problem) {
			case MISSING_STATEMENTS -> eq(size("$" + STATEMENTS), 0);
			case STALE_STATEMENTS -> and(new Document("$gt", List.of(size("$" + STATEMENTS), 0)),
					eq(size(filter("$" + STATEMENTS, "s",
							and(eq(new Document("$strLenCP", "$$s.period"), 4),
									new Document("$gte", List.of("$$s.period", String.valueOf(requiredFiscalYear)))))),
							0));
			case FAILED_USCC_CHECK -> new Document("$not", List.of(usccValid("$uscc")));
			case MISSING_CONTACTS -> eq(size(filter("$" + CONTACTS, "c",
					eq(new Document("$ifNull", Arrays.asList("$$c.removedAt", null)), null))), 0);
			case UNRATED -> eq(new Document("$ifNull", Arrays.asList("$risk", null)), null);
		};
	}

	/**
	 * {@link Uscc#isValid} as an expression: 18 characters of the alphabet, a numeric division, the organisation-code
	 * check char (position 17) and the check char (position 18). Shorter or longer codes are never cut into.
	 */
	static Document usccValid(String field) {
		Document code = new Document("$ifNull", List.of(field, ""));
		List<Object> all = new ArrayList<>();
		for (int i = 0; i < Uscc.LENGTH; i++) {
			all.add(new Document("$gte", List.of(indexOf(Uscc.ALPHABET, charAt(code, i)), 0)));
		}
		for (int i = 2; i < 8; i++) {
			all.add(new Document("$gte", List.of(indexOf("0123456789", charAt(code, i)), 0)));
		}
		List<Object> orgTerms = new ArrayList<>();
		for (int i = 0; i < ORG_WEIGHTS.length; i++) {
			orgTerms.add(new Document("$multiply", List.of(indexOf(ORG_CODE_ALPHABET, charAt(code, 8 + i)),
					ORG_WEIGHTS[i])));
		}
		Object orgCheck = new Document("$substrCP", List.of(ORG_CODE_CHECK,
				new Document("$subtract", List.of(11, new Document("$mod", List.of(new Document("$add", orgTerms), 11)))),
				1));
		all.add(eq(charAt(code, 16), orgCheck));
		List<Object> terms = new ArrayList<>();
		for (int i = 0; i < WEIGHTS.length; i++) {
			terms.add(new Document("$multiply", List.of(indexOf(Uscc.ALPHABET, charAt(code, i)), WEIGHTS[i])));
		}
		Object check = new Document("$substrCP", List.of(Uscc.ALPHABET,
				new Document("$mod", List.of(new Document("$subtract",
						List.of(31, new Document("$mod", List.of(new Document("$add", terms), 31)))), 31)),
				1));
		all.add(eq(charAt(code, 17), check));
		return new Document("$cond", List.of(
				eq(new Document("$strLenCP", code), Uscc.LENGTH), new Document("$and", all), false));
	}

	private static AggregationOperation lookup(String from, String as) {
		Document lookup = new Document("from", from).append("localField", "_id")
			.append("foreignField", "clientId")
			.append("as", as);
		return context -> new Document("$lookup", lookup);
	}

	private static Document charAt(Object code, int index) {
		return new Document("$substrCP", List.of(code, index, 1));
	}

	private static Document indexOf(String alphabet, Object character) {
		return new Document("$indexOfCP", List.of(alphabet, character));
	}

	private static Document size(Object array) {
		return new Document("$size", array);
	}

	private static Document filter(Object input, String as, Object cond) {
		return new Document("$filter", new Document("input", input).append("as", as).append("cond", cond));
	}

	private static Document eq(Object left, Object right) {
		return new Document("$eq", Arrays.asList(left, right));
	}

	private static Document and(Object... conditions) {
		return new Document("$and", List.of(conditions));
	}

}
