package com.corpbank.portal.audit;

import java.util.List;

/**
 * What an update is aimed at, for its errors: a document the match does not select is {@code NOT_FOUND} on
 * {@code idField}; a stale version is {@code CONFLICT} on {@code versionField}.
 *
 * @param what a user's word for the record, e.g. "client", "contact"
 */
public record WriteTarget(String what, List<String> idField, List<String> versionField) {

	public WriteTarget {
		idField = List.copyOf(idField);
		versionField = List.copyOf(versionField);
	}

	/** The usual shape: input.&lt;idField&gt; and input.expectedVersion. */
	public static WriteTarget of(String what, String idField) {
		return new WriteTarget(what, List.of("input", idField), List.of("input", "expectedVersion"));
	}

}
