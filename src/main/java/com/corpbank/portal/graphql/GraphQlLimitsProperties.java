package com.corpbank.portal.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL request may cost, checked before anything reaches the store ({@link GraphQlLimitsInstrumentation}).
 * A refusal is a {@code BAD_REQUEST} error with {@code extensions.code = LIMIT_EXCEEDED}, {@code extensions.limit}
 * (the property name below, e.g. {@code max-depth}) and {@code extensions.allowed}.
 * <p>
 * Why these defaults: the SPA's largest document is a full {@code clients(first: 100)} page with every nested field
 * of {@code Client} plus {@code me}: depth 6 ({@code clients.edges.node.primaryManager.team.code}), 2 root fields,
 * about 600 characters and 150 tokens, complexity 5,008 (100 × 50 for the page, 8 for {@code me}). Each default
 * leaves room for that document to grow, while the hostile ones seen in testing fail: 500 aliases of
 * {@code clients(first: 1) { totalCount }} (aliases, root fields, size) and 100 aliases of a full 100-row page
 * (complexity 500,000). The schema has no cycle outside introspection, so depth mostly guards introspection and the
 * types still to come.
 *
 * @param maxDepth deepest chain of nested fields ({@code { me { orgUnit { code } } }} is 3)
 * @param maxAliases aliased fields in the executed operation, fragments included
 * @param maxRootFields fields selected on the operation's root type (each may cost its own store commands)
 * @param maxComplexity a field costs 1 + its children; a connection (a field with {@code first}) costs
 * {@code first} (its default when absent, at least 1) × (1 + its children)
 * @param maxCharacters document length, checked before it is parsed
 * @param maxTokens parser tokens (names, punctuation, values) of the document
 * @param suggestions whether errors may name other fields or values ("did you mean"); on for developers only
 */
@ConfigurationProperties("portal.graphql")
public record GraphQlLimitsProperties(@DefaultValue("10") int maxDepth, @DefaultValue("20") int maxAliases,
		@DefaultValue("10") int maxRootFields, @DefaultValue("6000") int maxComplexity,
		@DefaultValue("10000") int maxCharacters, @DefaultValue("2000") int maxTokens,
		@DefaultValue("false") boolean suggestions) {

	public GraphQlLimitsProperties {
		// A zero or negative limit would refuse every request: fail at start-up, naming the property.
		positive("max-depth", maxDepth);
		positive("max-aliases", maxAliases);
		positive("max-root-fields", maxRootFields);
		positive("max-complexity", maxComplexity);
		positive("max-characters", maxCharacters);
		positive("max-tokens", maxTokens);
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("portal.graphql." + name + " must be at least 1, not " + value);
		}
	}

	/** The defaults, as production gets them. */
	public static GraphQlLimitsProperties defaults() {
		return new GraphQlLimitsProperties(10, 20, 10, 6000, 10_000, 2000, false);
	}

}
