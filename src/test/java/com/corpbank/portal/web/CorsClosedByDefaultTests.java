package com.corpbank.portal.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** With no origins configured (the production default) no browser origin is let in, not even the dev ones. */
@PortalTest
class CorsClosedByDefaultTests {

	@Value("${local.server.port}")
	int port;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void preflightGetsNoAllowOrigin() {
		HttpResponse<String> response = this.http.send(this.http.request("/graphql")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.build());
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
	}

	@Test
	void crossOriginRequestGetsNoAllowOrigin() {
		HttpResponse<String> response = this.http.send(this.http.request("/graphql")
			.header("Authorization", "Bearer " + TestIdentityProvider.get().token("rm_li"))
			.header("Content-Type", "application/json")
			.header("Origin", "http://localhost:5173")
			.POST(HttpRequest.BodyPublishers.ofString(MalformedRequestTests.ME))
			.build());
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

}
