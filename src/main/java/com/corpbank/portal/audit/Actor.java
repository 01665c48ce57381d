package com.corpbank.portal.audit;

import com.corpbank.portal.security.Caller;

/**
 * Who is changing something, and in which request: what an audit event records about its origin. Controllers get
 * it as {@code @ContextValue Actor actor} (see {@link ActorInterceptor}).
 *
 * @param requestId the request's id, from a valid {@code X-Request-Id} header or generated; echoed in the response
 */
public record Actor(Caller caller, String requestId) {

	/** The GraphQL context key the actor is stored under. */
	public static final String CONTEXT_KEY = "actor";

}
