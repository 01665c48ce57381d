package com.corpbank.portal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.corpbank.portal.support.PortalTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service with a small rate limit (burst 5, refill 1 per second) and one allowed CORS origin, to test both
 * policies as configured; the shared {@code @PortalTest} context has a generous limit and no origins.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=false",
				"portal.web.rate-limit.capacity=" + EdgePolicyTest.CAPACITY,
				"portal.web.rate-limit.refill-per-second=1",
				"portal.web.cors.allowed-origins=" + EdgePolicyTest.SPA_ORIGIN })
@Import(PortalTestConfiguration.class)
@interface EdgePolicyTest {

	int CAPACITY = 5;

	String SPA_ORIGIN = "https://portal.corpbank.example";

}
