package com.corpbank.portal.graphql;

/** Sort direction of a connection. */
public enum SortDirection {
	ASC, DESC
}
