package com.corpbank.portal.store;

import java.nio.file.Path;

import com.corpbank.portal.PortalApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service, stopped and started again on the same data folder, finds its data and does not re-seed. */
class ServiceRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void localDataSurvivesARestartOfTheService() {
		long seeded;
		try (ConfigurableApplicationContext first = start()) {
			MongoTemplate store = first.getBean(MongoTemplate.class);
			seeded = store.getCollection("clients").countDocuments();
			assertThat(seeded).isGreaterThanOrEqualTo(300);
			assertThat(first.getEnvironment().getProperty("portal.store.data-dir")).isEqualTo(this.dataDir.toString());
			// A change made while running: a re-seed on the next start would undo it.
			store.remove(new Query(Criteria.where("_id").is("C000001")), "clients");
		}
		try (ConfigurableApplicationContext second = start()) {
			MongoTemplate store = second.getBean(MongoTemplate.class);
			assertThat(store.getCollection("clients").countDocuments()).isEqualTo(seeded - 1);
			assertThat(store.exists(new Query(Criteria.where("_id").is("C000001")), "clients")).isFalse();
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments, not builder properties: those are defaults that application.yml overrides, which
		// made this test run on port 8080 against the developer's own .local/data.
		return new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
				"--portal.store.mongodb-uri=", "--portal.store.data-dir=" + this.dataDir,
				"--portal.demo-data.enabled=true",
				// never contacted: no request is made in this test
				"--portal.security.jwk-set-uri=http://127.0.0.1:9/certs");
	}

}
