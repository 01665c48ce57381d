package com.corpbank.portal.support.indexuse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A query filter reduced to what an index can do with each field: bound it to one value (equality, including
 * {@code $in} and {@code $elemMatch} equality), bound it to a range ({@code $gt/$lt/...}, {@code $exists}, a regex),
 * or nothing (residual: {@code $ne}, {@code $nin}, {@code $not}, {@code $expr}, ...). {@code $and} is flattened;
 * each {@code $or} is kept as its branches.
 */
public final class Filter {

	public enum Use {

		/** Read after fetching: the index cannot bound it. */
		RESIDUAL,
		/** Bounds the index to a range of keys. */
		RANGE,
		/** Bounds the index to one key (or a few, for {@code $in}). */
		EQUALITY

	}

	private static final Set<String> EQUALITY_OPERATORS = Set.of("$eq", "$in", "$all");

	private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte", "$exists", "$type",
			"$regex");

	private final Map<String, Use> fields = new LinkedHashMap<>();

	private final List<List<Filter>> ors = new ArrayList<>();

	private boolean text;

	public static Filter parse(BsonDocument filter) {
		Filter parsed = new Filter();
		parsed.add(filter, "");
		return parsed;
	}

	/** A filter of equality on the given fields, e.g. a {@code $lookup}'s {@code foreignField}. */
	public static Filter equality(String... fields) {
		Filter filter = new Filter();
		for (String field : fields) {
			filter.use(field, Use.EQUALITY);
		}
		return filter;
	}

	public Map<String, Use> fields() {
		return this.fields;
	}

	public List<List<Filter>> ors() {
		return this.ors;
	}

	public boolean text() {
		return this.text;
	}

	public boolean isEmpty() {
		return this.fields.isEmpty() && this.ors.isEmpty() && !this.text;
	}

	/** Whether any field could bound an index (a filter of only residual fields cannot). */
	public boolean hasIndexableField() {
		return this.fields.values().stream().anyMatch(use -> use != Use.RESIDUAL);
	}

	public boolean hasEquality() {
		return this.fields.containsValue(Use.EQUALITY);
	}

	public Use use(String field) {
		return this.fields.getOrDefault(field, Use.RESIDUAL);
	}

	/** This filter and another, both of which must match (the conjunction of an {@code $or} branch and the rest). */
	public Filter and(Filter other) {
		Filter combined = copy();
		other.fields.forEach(combined::use);
		combined.ors.addAll(other.ors);
		combined.text |= other.text;
		return combined;
	}

	/** This filter without its {@code $or} groups. */
	public Filter withoutOrs() {
		Filter plain = copy();
		plain.ors.clear();
		return plain;
	}

	/** This filter without its first {@code $or} group. */
	public Filter withoutFirstOr() {
		Filter rest = copy();
		rest.ors.remove(0);
		return rest;
	}

	/** Adds a field bound in a {@code $lookup} pipeline's {@code $expr} (equality to a variable, or a comparison). */
	public void use(String field, Use use) {
		this.fields.merge(field, use, (a, b) -> (a.compareTo(b) >= 0) ? a : b);
	}

	private Filter copy() {
		Filter copy = new Filter();
		copy.fields.putAll(this.fields);
		copy.ors.addAll(this.ors);
		copy.text = this.text;
		return copy;
	}

	private void add(BsonDocument filter, String prefix) {
		for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
			String key = entry.getKey();
			BsonValue value = entry.getValue();
			switch (key) {
				case "$and" -> {
					for (BsonValue clause : arrayOf(value)) {
						if (clause.isDocument()) {
							add(clause.asDocument(), prefix);
						}
					}
				}
				case "$or" -> {
					List<Filter> branches = new ArrayList<>();
					for (BsonValue branch : arrayOf(value)) {
						Filter parsed = new Filter();
						if (branch.isDocument()) {
							parsed.add(branch.asDocument(), prefix);
						}
						branches.add(parsed);
					}
					if (branches.size() == 1) {
						Filter only = branches.get(0);
						only.fields.forEach(this::use);
						this.ors.addAll(only.ors);
					}
					else if (!branches.isEmpty()) {
						this.ors.add(branches);
					}
				}
				case "$text" -> this.text = true;
				// $nor, $expr, $where, $jsonSchema, $comment: nothing an index bounds.
				default -> {
					if (!key.startsWith("$")) {
						addField(prefix + key, value);
					}
				}
			}
		}
	}

	private void addField(String field, BsonValue value) {
		if (value.isRegularExpression()) {
			use(field, Use.RANGE);
			return;
		}
		if (!isOperatorDocument(value)) {
			// A value, an array or a whole sub-document: equality.
			use(field, Use.EQUALITY);
			return;
		}
		Use best = Use.RESIDUAL;
		for (Map.Entry<String, BsonValue> operator : value.asDocument().entrySet()) {
			String name = operator.getKey();
			Use use;
			if ("$elemMatch".equals(name) && operator.getValue().isDocument()) {
				BsonDocument condition = operator.getValue().asDocument();
				if (isOperatorDocument(condition)) {
					addField(field, condition);
				}
				else {
					// Conditions on the elements' fields: bound as a.b, a.c.
					add(condition, field + ".");
				}
				use = Use.RESIDUAL;
			}
			else if (EQUALITY_OPERATORS.contains(name)) {
				use = operator.getValue().isRegularExpression() ? Use.RANGE : Use.EQUALITY;
			}
			else if (RANGE_OPERATORS.contains(name)) {
				use = Use.RANGE;
			}
			else {
				use = Use.RESIDUAL;
			}
			best = (use.compareTo(best) > 0) ? use : best;
		}
		if (best != Use.RESIDUAL || !this.fields.containsKey(field)) {
			use(field, best);
		}
	}

	private static boolean isOperatorDocument(BsonValue value) {
		return value.isDocument() && !value.asDocument().isEmpty()
				&& value.asDocument().getFirstKey().startsWith("$");
	}

	private static BsonArray arrayOf(BsonValue value) {
		return value.isArray() ? value.asArray() : new BsonArray();
	}

}
