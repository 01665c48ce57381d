package com.corpbank.portal.graphql;

/**
 * An argument the caller can fix (page size out of range, a cursor that is not ours, ...). The message is shown
 * to the caller as is, so it must say what to change and must not echo internals.
 */
public class InvalidArgumentException extends RuntimeException {

	private final String argument;

	public InvalidArgumentException(String argument, String message) {
		super(message);
		this.argument = argument;
	}

	public String argument() {
		return this.argument;
	}

}
