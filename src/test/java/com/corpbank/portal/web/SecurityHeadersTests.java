package com.corpbank.portal.web;

import java.net.http.HttpResponse;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Security's default response headers stay on for the API: answers are not sniffed, cached or framed. */
@PortalTest
class SecurityHeadersTests {

	@Value("${local.server.port}")
	int port;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void graphQlAnswerIsNotSniffedCachedOrFramed() {
		HttpResponse<String> response = this.http.postGraphQl(TestIdentityProvider.get().token("rm_li"),
				"application/json", MalformedRequestTests.ME);
		assertThat(response.statusCode()).isEqualTo(200);
		assertSecurityHeaders(response);
	}

	@Test
	void refusalsCarryTheSameHeaders() {
		assertSecurityHeaders(this.http.postGraphQl("not.a.jwt", "application/json", MalformedRequestTests.ME));
		assertSecurityHeaders(
				this.http.postGraphQl(TestIdentityProvider.get().token("rm_li"), "application/json", "null"));
	}

	static void assertSecurityHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Cache-Control")).get()
			.asString()
			.contains("no-store");
	}

}
