package com.corpbank.portal.seed;

import java.math.BigDecimal;
import java.util.List;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.ClientDocumentReader;
import com.corpbank.portal.support.MongoTemplates;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.feedback.Complaint;
import com.corpbank.portal.feedback.FeedbackProperties;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.client.EnterpriseSize;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.Industry;
import com.corpbank.portal.client.LifecycleStage;
import com.corpbank.portal.client.Region;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.financials.FinancialStatementDocumentReader;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitType;
import com.corpbank.portal.seed.DemoDataLoader.Inserted;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the same in-process store the service runs on by default, without a Spring context. */
class DemoDataLoaderTest {

	private MongoServer server;

	private MongoClient client;

	private MongoTemplate mongoTemplate;

	private DemoDataLoader loader;

	@BeforeEach
	void startStore() {
		this.server = new MongoServer(H2Backend.inMemory().version(ServerVersion.MONGO_5_0));
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create(this.server.getConnectionString());
		this.mongoTemplate = mongoTemplate(this.client);
		this.loader = new DemoDataLoader(this.mongoTemplate, new IndustryCatalog(), new EnterpriseSizeClassifier());
	}

	@AfterEach
	void stopStore() {
		this.client.close();
		this.server.shutdown();
	}

	@Test
	void emptyStoreGetsTheWholeBook() {
		DemoData expected = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier()).generate();

		assertThat(this.loader.load()).contains(new Inserted(10, 6, expected.clients().size(),
				expected.statements().size(), expected.metrics().size(), expected.taxRecords().size(),
				expected.contacts().size(), expected.interactions().size(), expected.surveys().size(),
				expected.complaints().size()));

		assertThat(count(OrgUnit.class)).isEqualTo(10);
		assertThat(count(RelationshipManager.class)).isEqualTo(6);
		assertThat(count(Client.class)).isEqualTo(expected.clients().size());
		assertThat(count(FinancialStatement.class)).isEqualTo(expected.statements().size());
		assertThat(count(Contact.class)).isEqualTo(expected.contacts().size()).isPositive();
		assertThat(count(Interaction.class)).isEqualTo(expected.interactions().size()).isPositive();
		assertThat(this.mongoTemplate.findById(expected.interactions().get(0).id(), Interaction.class))
			.isEqualTo(expected.interactions().get(0));
		assertThat(count(SurveyResult.class)).isEqualTo(expected.surveys().size()).isPositive();
		assertThat(count(Complaint.class)).isEqualTo(expected.complaints().size()).isPositive();
		assertThat(this.mongoTemplate.findById(expected.surveys().get(0).id(), SurveyResult.class))
			.isEqualTo(expected.surveys().get(0));
		Complaint complaint = expected.complaints().stream().filter(c -> c.transitions().size() > 2).findFirst()
			.orElseThrow();
		assertThat(this.mongoTemplate.findById(complaint.id(), Complaint.class)).isEqualTo(complaint);
		// Seeded data is the starting state: no audit events, no live notifications.
		assertThat(this.mongoTemplate.count(new org.springframework.data.mongodb.core.query.Query(), "audit_events"))
			.isZero();
		assertThat(this.mongoTemplate.count(new org.springframework.data.mongodb.core.query.Query(), "notifications"))
			.isZero();
		Client first = expected.clients().get(0);
		Client stored = this.mongoTemplate.findById(first.id(), Client.class);
		assertThat(stored).usingRecursiveComparison().ignoringFields("version").isEqualTo(first);
		FinancialStatement statement = expected.statements().get(3);
		assertThat(this.mongoTemplate.findById(statement.id(), FinancialStatement.class)).isEqualTo(statement);
		// Money is Decimal128 in the store, as the application configures it.
		Document raw = this.mongoTemplate.findById(statement.id(), Document.class, "financial_statements");
		assertThat(raw.get("revenue")).isInstanceOf(Decimal128.class);
	}

	@Test
	void storeWithClientsIsLeftAlone() {
		this.mongoTemplate.insert(new Client("X000001", "上海既有客户有限公司", "91350100M000100Y43", new Industry("C", "39"),
				"350100", Region.EAST_CHINA, EnterpriseSize.SMALL, LifecycleStage.MATURE, null, null, "someone",
				List.of(), List.of("someone"), List.of("HO"), null, null, null, null, null, null, null, null));

		assertThat(this.loader.load()).isEmpty();

		assertThat(count(Client.class)).isEqualTo(1);
		assertThat(count(OrgUnit.class)).isZero();
		assertThat(count(RelationshipManager.class)).isZero();
		assertThat(count(FinancialStatement.class)).isZero();
	}

	@Test
	void existingOrgUnitsAndManagersAreKeptAndTheRestInserted() {
		OrgUnit renamedHeadOffice = new OrgUnit("HO", "总行（已改名）", OrgUnitType.HEAD_OFFICE, null, List.of("HO"));
		this.mongoTemplate.insert(renamedHeadOffice);
		this.mongoTemplate.insert(new RelationshipManager("rm_li", "李明", "SH-PD-T1", null));

		Inserted inserted = this.loader.load().orElseThrow();

		assertThat(inserted.orgUnits()).isEqualTo(9);
		assertThat(inserted.managers()).isEqualTo(5);
		assertThat(count(OrgUnit.class)).isEqualTo(10);
		assertThat(count(RelationshipManager.class)).isEqualTo(6);
		assertThat(this.mongoTemplate.findById("HO", OrgUnit.class)).isEqualTo(renamedHeadOffice);
		assertThat(count(Client.class)).isEqualTo(inserted.clients()).isPositive();
	}

	@Test
	void secondLoadDoesNothing() {
		this.loader.load();
		long statements = count(FinancialStatement.class);

		assertThat(this.loader.load()).isEmpty();

		assertThat(count(FinancialStatement.class)).isEqualTo(statements);
	}

	@Test
	void onlyLoadsWhenEnabled() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withBean(MongoTemplate.class, () -> this.mongoTemplate)
			.withBean(IndustryCatalog.class)
			.withBean(EnterpriseSizeClassifier.class)
			.withBean(FollowUpSchedule.class, () -> FollowUpSchedule.withCadence(DemoDataGenerator.DEMO_CADENCE))
			.withBean(FeedbackProperties.class, () -> new FeedbackProperties(null))
			.withUserConfiguration(DemoDataLoader.class);
		runner.run(context -> assertThat(context).doesNotHaveBean(DemoDataLoader.class));
		runner.withPropertyValues("portal.demo-data.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(DemoDataLoader.class));
		runner.withPropertyValues("portal.demo-data.enabled=true")
			.run(context -> assertThat(context).hasSingleBean(DemoDataLoader.class));
	}

	private long count(Class<?> type) {
		return this.mongoTemplate.count(new Query(), type);
	}

	/** As the application reads and writes: clients and statements through their document readers. */
	static MongoTemplate mongoTemplate(MongoClient client) {
		return MongoTemplates.mongoTemplate(client, "portal",
				List.of(new ClientDocumentReader(), new FinancialStatementDocumentReader()));
	}


	@Test
	void unboundDemoManagersOfAnOlderStoreGetBoundAndNothingElseChanges() {
		this.mongoTemplate.insert(new Client("X000001", "上海既有客户有限公司", "91350100M000100Y43", new Industry("C", "39"),
				"350100", Region.EAST_CHINA, EnterpriseSize.SMALL, LifecycleStage.MATURE, null, null, "rm_li",
				List.of(), List.of("rm_li"), List.of("HO"), null, null, null, null, null, null, null, null));
		// rm_li as an earlier version seeded it; rm_wang bound by an operator to someone else.
		this.mongoTemplate.insert(new RelationshipManager("rm_li", "李明", "SH-PD-T1", null));
		this.mongoTemplate.insert(new RelationshipManager("rm_wang", "王芳", "SH-PD-T2", "operator-chosen-id"));

		assertThat(this.loader.load()).isEmpty();
		assertThat(this.loader.bindUnboundDemoManagers()).isEqualTo(1);

		assertThat(this.mongoTemplate.findById("rm_li", RelationshipManager.class).keycloakUserId())
			.isEqualTo(DemoDirectory.get().person("rm_li").id());
		assertThat(this.mongoTemplate.findById("rm_wang", RelationshipManager.class).keycloakUserId())
			.isEqualTo("operator-chosen-id");
		assertThat(count(RelationshipManager.class)).isEqualTo(2);
		assertThat(count(Client.class)).isEqualTo(1);
		assertThat(this.loader.bindUnboundDemoManagers()).isZero();
	}

}
