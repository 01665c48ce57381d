package com.corpbank.portal.graphql;

import org.jspecify.annotations.Nullable;

/** Where a page of a cursor connection ends. */
public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {
}
