package com.corpbank.portal.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the GraphQL metrics record.
 *
 * @param maxOperationNames how many distinct operation names one instance puts on the {@code graphql.operation} tag
 * (first come, first kept; {@value OperationNames#ANONYMOUS} takes a slot when seen); every later name is counted as
 * {@value OperationNames#OTHER}, so the tag never has more than this many values plus one
 * @param dataFetchers which data fetchers get a {@code graphql.datafetcher} observation (a timer per field and
 * outcome, and a span when traced): Spring for GraphQL never observes trivial property fetchers; {@code ROOT} (the
 * default) keeps only the fields of Query, Mutation and Subscription, whose count does not grow with a page's rows;
 * {@code ALL} adds nested controller fields (one observation per row and field: costly on large pages); {@code NONE}
 * keeps only the request
 */
@ConfigurationProperties("portal.observability.graphql")
public record ObservabilityProperties(@DefaultValue("100") int maxOperationNames,
		@DefaultValue("ROOT") DataFetchers dataFetchers) {

	public ObservabilityProperties {
		if (maxOperationNames < 1) {
			throw new IllegalArgumentException("portal.observability.graphql.max-operation-names must be at least 1");
		}
	}

	/** Which data fetchers are observed. */
	public enum DataFetchers {

		/** Only the fields of the root operation types. */
		ROOT,

		/** Every non-trivial data fetcher. */
		ALL,

		/** None: only the whole request is observed. */
		NONE

	}

}
