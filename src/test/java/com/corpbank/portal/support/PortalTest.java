package com.corpbank.portal.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.corpbank.portal.support.indexuse.IndexUseExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port, over the in-memory embedded store, trusting {@link TestIdentityProvider}.
 * Every test class with this annotation shares one context; fixtures reset the data before each test. A test
 * during which the service sent a read no declared index serves fails ({@link IndexUseExtension}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=false",
				// The suite sends thousands of requests as a few users; RateLimitTests checks the limit itself.
				"portal.web.rate-limit.capacity=1000000", "portal.web.rate-limit.refill-per-second=1000000",
				// Tests that check pending audit records sweep themselves; a background sweep would race them.
				"portal.audit.sweep-interval=PT1H",
				// The demo and fixture books run to month 2026-10: evaluations read them as of a fixed date.
				"portal.tiering.as-of=2026-11-20" })
@AutoConfigureHttpGraphQlTester
@Import(PortalTestConfiguration.class)
@ExtendWith(IndexUseExtension.class)
public @interface PortalTest {
}
