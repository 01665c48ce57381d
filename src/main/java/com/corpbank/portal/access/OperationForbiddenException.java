package com.corpbank.portal.access;

/** A query or field the caller's roles do not allow (see {@link Permissions}); answered as FORBIDDEN. */
public class OperationForbiddenException extends RuntimeException {

	private final String coordinate;

	public OperationForbiddenException(String coordinate) {
		super("Your roles do not allow " + coordinate + ".", null, false, false);
		this.coordinate = coordinate;
	}

	public String coordinate() {
		return this.coordinate;
	}

}
