package com.corpbank.portal.write;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns a service call into a payload: its result, or its {@link MutationRejected} errors. */
public final class Mutations {

	private Mutations() {
	}

	public static <P> P attempt(Supplier<P> success, Function<List<UserError>, P> failure) {
		try {
			return success.get();
		}
		catch (MutationRejected rejected) {
			return failure.apply(rejected.errors());
		}
	}

}
