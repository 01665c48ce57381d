package com.corpbank.portal.write;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An expected reason a mutation did not happen, returned in its payload's {@code errors}.
 *
 * @param field the input path the error is about, e.g. [input, uscc]; empty when it is about the whole input
 * @param message what the user can do about it; never internal detail
 * @param currentVersion for {@link UserErrorCode#CONFLICT}: the entity's version now, to re-read and retry
 */
public record UserError(UserErrorCode code, List<String> field, String message, @Nullable Integer currentVersion) {

	public UserError {
		field = List.copyOf(field);
	}

	public static UserError of(UserErrorCode code, List<String> field, String message) {
		return new UserError(code, field, message, null);
	}

	public static UserError notFound(List<String> field, String what) {
		return of(UserErrorCode.NOT_FOUND, field, "No " + what + " with this id is in your book.");
	}

	public static UserError forbidden(List<String> field, String message) {
		return of(UserErrorCode.FORBIDDEN, field, message);
	}

	public static UserError conflict(List<String> field, long currentVersion) {
		return new UserError(UserErrorCode.CONFLICT, field,
				"Someone changed this record since you read it (now at version " + currentVersion
						+ "). Read it again, check the change and retry with expectedVersion " + currentVersion + ".",
				Math.toIntExact(currentVersion));
	}

}
