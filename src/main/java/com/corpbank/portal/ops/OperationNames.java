package com.corpbank.portal.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The bounded set of operation names this instance reports. Names are admitted first come, first kept, up to the
 * cap; an operation without a name is {@value #ANONYMOUS} (admitted like a name), and a name past the cap, one that
 * is not a GraphQL name or is longer than {@value #MAX_LENGTH} characters, or a request that never reached execution
 * (unparsable, invalid, refused by a limit) is {@value #OTHER}. So the tag has at most {@code cap + 1} values, whatever
 * callers send.
 */
final class OperationNames {

	static final String ANONYMOUS = "anonymous";

	static final String OTHER = "other";

	static final int MAX_LENGTH = 64;

	/** GraphQL's Name production. */
	private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

	private final int cap;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	OperationNames(int cap) {
		this.cap = cap;
	}

	/**
	 * The tag value for an executed operation.
	 * @param name the operation's name in its document; {@code null} for an anonymous operation
	 */
	String tagFor(@Nullable String name) {
		String candidate = (name == null || name.isEmpty()) ? ANONYMOUS : name;
		if (!candidate.equals(ANONYMOUS)
				&& (candidate.length() > MAX_LENGTH || !GRAPHQL_NAME.matcher(candidate).matches()
						|| candidate.equals(OTHER))) {
			return OTHER;
		}
		if (this.admitted.contains(candidate)) {
			return candidate;
		}
		synchronized (this.admitted) {
			if (this.admitted.contains(candidate)) {
				return candidate;
			}
			if (this.admitted.size() >= this.cap) {
				return OTHER;
			}
			this.admitted.add(candidate);
			return candidate;
		}
	}

	/** How many names are admitted so far. */
	int size() {
		return this.admitted.size();
	}

}
