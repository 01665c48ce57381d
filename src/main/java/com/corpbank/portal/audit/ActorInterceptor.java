package com.corpbank.portal.audit;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.corpbank.portal.security.Caller;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link Actor} of each GraphQL request into its context and answers with the request id in
 * {@code X-Request-Id}, so that a user can quote it and an auditor can find the request's events. A caller's own
 * id is kept when it is plain and short (a gateway's correlation id); anything else is replaced.
 */
@Component
class ActorInterceptor implements WebGraphQlInterceptor {

	static final String HEADER = "X-Request-Id";

	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String given = request.getHeaders().getFirst(HEADER);
		String requestId = (given != null && PLAIN_ID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			request.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(Actor.CONTEXT_KEY, new Actor(caller, requestId)))
				.build());
		}
		return chain.next(request).doOnNext(response -> response.getResponseHeaders().set(HEADER, requestId));
	}

}
