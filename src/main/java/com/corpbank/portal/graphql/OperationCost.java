package com.corpbank.portal.graphql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Prices the operation about to run against {@link GraphQlLimitsProperties}, over the parsed and validated document,
 * before any field is fetched. Fields are collected the way execution collects them: through fragment spreads and
 * inline fragments, merged by response key (so a fragment spread twice is priced once, as it runs once). The walk
 * stops at the first limit exceeded, so a hostile document costs little to refuse.
 */
final class OperationCost {

	/** The connection argument whose value multiplies the cost of the field's selection. */
	static final String PAGE_SIZE_ARGUMENT = "first";

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Object> variables;

	private final GraphQlLimitsProperties limits;

	private int aliases;

	private long fields;

	private OperationCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
			Map<String, Object> variables, GraphQlLimitsProperties limits) {
		this.schema = schema;
		this.fragments = fragments;
		this.variables = variables;
		this.limits = limits;
	}

	/**
	 * @param variables the coerced variables of the request
	 * @return the first limit the operation exceeds, or null when it is within all of them
	 */
	static @Nullable LimitExceeded check(GraphQLSchema schema, OperationDefinition operation,
			Map<String, FragmentDefinition> fragments, Map<String, Object> variables, GraphQlLimitsProperties limits) {
		try {
			new OperationCost(schema, fragments, variables, limits).price(operation);
			return null;
		}
		catch (LimitExceeded ex) {
			return ex;
		}
	}

	private void price(OperationDefinition operation) {
		GraphQLObjectType root = switch (operation.getOperation()) {
			case MUTATION -> this.schema.getMutationType();
			case SUBSCRIPTION -> this.schema.getSubscriptionType();
			default -> this.schema.getQueryType();
		};
		if (root == null) {
			return; // validation has refused the operation already
		}
		Map<String, List<Field>> rootFields = collect(List.of(operation.getSelectionSet()));
		if (rootFields.size() > this.limits.maxRootFields()) {
			throw new LimitExceeded("max-root-fields", this.limits.maxRootFields(), "The operation selects "
					+ rootFields.size() + " root fields; max-root-fields allows " + this.limits.maxRootFields() + ".");
		}
		long complexity = priceAll(rootFields, root, 1);
		if (complexity > this.limits.maxComplexity()) {
			throw complexityExceeded();
		}
	}

	private long priceAll(Map<String, List<Field>> fieldsByKey, GraphQLCompositeType parent, int depth) {
		long total = 0;
		for (List<Field> sameKey : fieldsByKey.values()) {
			total = saturatedAdd(total, price(sameKey, parent, depth));
			if (total > this.limits.maxComplexity()) {
				throw complexityExceeded();
			}
		}
		return total;
	}

	private long price(List<Field> sameKey, GraphQLCompositeType parent, int depth) {
		Field field = sameKey.get(0);
		if (depth > this.limits.maxDepth()) {
			throw new LimitExceeded("max-depth", this.limits.maxDepth(), "Field '" + responseKey(field)
					+ "' is nested " + depth + " deep; max-depth allows " + this.limits.maxDepth() + ".");
		}
		if (field.getAlias() != null && ++this.aliases > this.limits.maxAliases()) {
			throw new LimitExceeded("max-aliases", this.limits.maxAliases(),
					"The operation uses more than " + this.limits.maxAliases() + " aliases; max-aliases allows "
							+ this.limits.maxAliases() + ".");
		}
		// Every field costs at least 1, so counting them bounds the walk even before the total is known.
		if (++this.fields > this.limits.maxComplexity()) {
			throw complexityExceeded();
		}
		GraphQLFieldDefinition definition = definition(parent, field.getName());
		if (definition == null) {
			return 1; // validation has refused unknown fields already
		}
		long children = 0;
		if (GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType child) {
			List<SelectionSet> selections = new ArrayList<>();
			for (Field each : sameKey) {
				if (each.getSelectionSet() != null) {
					selections.add(each.getSelectionSet());
				}
			}
			children = priceAll(collect(selections), child, depth + 1);
		}
		return saturatedMultiply(pageSize(field, definition), 1 + children);
	}

	/** Fields by response key, as execution merges them; each fragment is expanded once per selection. */
	private Map<String, List<Field>> collect(List<SelectionSet> selectionSets) {
		Map<String, List<Field>> fieldsByKey = new LinkedHashMap<>();
		Set<String> visitedFragments = new HashSet<>();
		for (SelectionSet selectionSet : selectionSets) {
			collect(selectionSet, fieldsByKey, visitedFragments);
		}
		return fieldsByKey;
	}

	private void collect(SelectionSet selectionSet, Map<String, List<Field>> fieldsByKey,
			Set<String> visitedFragments) {
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				fieldsByKey.computeIfAbsent(responseKey(field), key -> new ArrayList<>()).add(field);
			}
			else if (selection instanceof InlineFragment inline) {
				collect(inline.getSelectionSet(), fieldsByKey, visitedFragments);
			}
			else if (selection instanceof FragmentSpread spread && visitedFragments.add(spread.getName())) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment != null) {
					collect(fragment.getSelectionSet(), fieldsByKey, visitedFragments);
				}
			}
		}
	}

	private @Nullable GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
		if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
			return Introspection.TypeNameMetaFieldDef;
		}
		if (parent == this.schema.getQueryType() && name.equals(Introspection.SchemaMetaFieldDef.getName())) {
			return Introspection.SchemaMetaFieldDef;
		}
		if (parent == this.schema.getQueryType() && name.equals(Introspection.TypeMetaFieldDef.getName())) {
			return Introspection.TypeMetaFieldDef;
		}
		return (parent instanceof GraphQLFieldsContainer container) ? container.getFieldDefinition(name) : null;
	}

	/** A connection's page size: the argument, else the schema default; at least 1, as an empty page still counts. */
	private long pageSize(Field field, GraphQLFieldDefinition definition) {
		GraphQLArgument argument = definition.getArgument(PAGE_SIZE_ARGUMENT);
		if (argument == null) {
			return 1;
		}
		Long size = null;
		for (Argument given : field.getArguments()) {
			if (given.getName().equals(PAGE_SIZE_ARGUMENT)) {
				size = number(given.getValue());
			}
		}
		if (size == null && argument.getArgumentDefaultValue().isSet()) {
			Object fallback = argument.getArgumentDefaultValue().getValue();
			size = (fallback instanceof Value<?> literal) ? number(literal) : number(fallback);
		}
		return (size == null) ? 1 : Math.max(1, size);
	}

	private @Nullable Long number(@Nullable Object value) {
		if (value instanceof IntValue literal) {
			return literal.getValue().min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
		}
		if (value instanceof VariableReference reference) {
			return number(this.variables.get(reference.getName()));
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		return null;
	}

	private LimitExceeded complexityExceeded() {
		return new LimitExceeded("max-complexity", this.limits.maxComplexity(),
				"The operation costs more than max-complexity allows (" + this.limits.maxComplexity()
						+ "); a connection costs first × (1 + the fields selected in it): ask for smaller pages or"
						+ " fewer fields.");
	}

	private static String responseKey(Field field) {
		return (field.getAlias() != null) ? field.getAlias() : field.getName();
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static long saturatedMultiply(long a, long b) {
		return (b != 0 && a > Long.MAX_VALUE / b) ? Long.MAX_VALUE : a * b;
	}

}
