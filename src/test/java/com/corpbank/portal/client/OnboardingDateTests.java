package com.corpbank.portal.client;

import java.time.LocalDate;
import java.time.ZoneId;

import com.corpbank.portal.audit.AuditEvent;
import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.corpbank.portal.support.Testers.as;
import static org.assertj.core.api.Assertions.assertThat;

/** createClient records the Beijing date it onboarded the client; the client shows it. */
@PortalTest
class OnboardingDateTests {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeEach
	void loadBook() {
		new ClientBookFixture(this.mongoTemplate).load();
	}

	@Test
	void aCreatedClientIsOnboardedOnTheBeijingDateOfItsCreation() {
		String id = as(this.graphQlTester, "rm_li").document(CreateClientTests.CREATE)
			.variable("input", CreateClientTests.input())
			.execute()
			.path("createClient.client.id")
			.entity(String.class)
			.get();
		Client stored = this.mongoTemplate.findById(id, Client.class);
		AuditEvent event = this.mongoTemplate.findAll(AuditEvent.class).get(0);
		// The day of the creation event's own instant, in Beijing: no second reading of the clock.
		LocalDate beijingDay = LocalDate.ofInstant(event.at(), ZoneId.of("Asia/Shanghai"));
		assertThat(stored.onboardedOn()).isEqualTo(beijingDay);
		assertThat(event.changes()).anySatisfy(change -> {
			assertThat(change.field()).isEqualTo("onboardedOn");
			assertThat(change.after()).isEqualTo(beijingDay.toString());
		});
		as(this.graphQlTester, "rm_li").document("query($id: ID!) { client(id: $id) { onboardedOn } }")
			.variable("id", id)
			.execute()
			.path("client.onboardedOn").entity(String.class).isEqualTo(beijingDay.toString());
	}

	@Test
	void aClientRecordedBeforeTheFieldExistedReadsNull() {
		this.mongoTemplate.updateFirst(
				new org.springframework.data.mongodb.core.query.Query(
						org.springframework.data.mongodb.core.query.Criteria.where("_id").is("C-LI-1")),
				new org.springframework.data.mongodb.core.query.Update().unset("onboardedOn"), Client.class);
		as(this.graphQlTester, "rm_li").document("{ client(id: \"C-LI-1\") { onboardedOn } }")
			.execute()
			.path("client.onboardedOn").valueIsNull();
	}

}
