package com.corpbank.portal.write;

import java.util.List;

/**
 * Carries expected failures from a service to the mutation's payload (see {@link Mutations#attempt}). Thrown before
 * anything is written, or by the one conditional write that found a stale version: a rejected mutation has changed
 * nothing. No stack trace: it is an answer, not a fault.
 */
public class MutationRejected extends RuntimeException {

	private final List<UserError> errors;

	public MutationRejected(List<UserError> errors) {
		super(null, null, false, false);
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("a rejection names at least one error");
		}
		this.errors = List.copyOf(errors);
	}

	public MutationRejected(UserError error) {
		this(List.of(error));
	}

	public List<UserError> errors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return this.errors.toString();
	}

}
