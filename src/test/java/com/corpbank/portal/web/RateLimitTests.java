package com.corpbank.portal.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Each user has a burst of {@link EdgePolicyTest#CAPACITY} requests, refilled at one a second; then HTTP 429. */
@EdgePolicyTest
class RateLimitTests {

	@Value("${local.server.port}")
	int port;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void burstPassesThenTooManyRequestsWithRetryAfterAndOtherUsersUnaffected() throws InterruptedException {
		String zhao = TestIdentityProvider.get().token("rm_zhao");
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> refused = null;
		// A few more than the burst: even if a slow machine refills a token or two meanwhile, some are refused.
		for (int i = 0; i < EdgePolicyTest.CAPACITY + 5; i++) {
			HttpResponse<String> response = me(zhao);
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				refused = response;
			}
		}
		assertThat(statuses.subList(0, EdgePolicyTest.CAPACITY)).containsOnly(200);
		assertThat(statuses).contains(429);
		assertThat(refused).isNotNull();
		MalformedRequestTests.assertCleanClientError(refused, 429);
		assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"");
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 2L);

		assertThat(me(TestIdentityProvider.get().token("rm_xu")).statusCode())
			.as("another user has a bucket of their own").isEqualTo(200);

		Thread.sleep(retryAfter * 1000 + 100);
		assertThat(me(zhao).statusCode()).as("refilled after Retry-After").isEqualTo(200);
	}

	@Test
	void theLimitFollowsTheTokenSubjectNotTheRequest() {
		String wang = TestIdentityProvider.get().token("rm_wang");
		String anotherTokenOfWang = TestIdentityProvider.get().token("rm_wang");
		for (int i = 0; i < EdgePolicyTest.CAPACITY + 5; i++) {
			me(i % 2 == 0 ? wang : anotherTokenOfWang);
		}
		assertThat(me(anotherTokenOfWang).statusCode()).isEqualTo(429);
	}

	@Test
	void requestsWithoutATokenAreUnauthorizedNotCounted() {
		for (int i = 0; i < EdgePolicyTest.CAPACITY + 5; i++) {
			assertThat(this.http.postGraphQl("not.a.jwt", "application/json", MalformedRequestTests.ME).statusCode())
				.isEqualTo(401);
		}
		assertThat(this.http.get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> me(String token) {
		return this.http.postGraphQl(token, "application/json", MalformedRequestTests.ME);
	}

}
