package com.corpbank.portal.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;

import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.risk.CreditRating;
import com.corpbank.portal.risk.FiveCategory;
import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.seed.DemoDataLoader;
import com.corpbank.portal.seed.ScaledBook;
import com.corpbank.portal.support.InMemoryStore;
import com.corpbank.portal.support.MongoTemplates;
import com.corpbank.portal.tier.AppliedOverride;
import com.corpbank.portal.tier.TierReason;
import com.corpbank.portal.tier.ValueTier;
import com.corpbank.portal.tier.ValueTierCode;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.corpbank.portal.support.DocumentReaderAssertions.assertEveryDocumentReadAsTheMappingDoes;
import static com.corpbank.portal.support.DocumentReaderAssertions.assertReadAsTheMappingDoes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ClientDocumentReader} held to Spring Data's reflective mapping of the same stored documents: the demo book,
 * a generated book, a client with every optional component set, and projected documents.
 */
class ClientDocumentReaderTests {

	private final ClientDocumentReader reader = new ClientDocumentReader();

	@RegisterExtension
	final InMemoryStore store = new InMemoryStore();

	@Test
	void readsTheDemoBookAsTheMappingDoes() {
		MongoTemplate mapping = mappingOnly("demo");
		new DemoDataLoader(mapping, new IndustryCatalog(), new EnterpriseSizeClassifier()).load();

		assertEveryClientReadAsTheMappingDoes("demo", 50);
	}

	@Test
	void readsAGeneratedBookAsTheMappingDoes() {
		ScaledBook.write(mappingOnly("scaled"), 300, 11L);

		assertEveryClientReadAsTheMappingDoes("scaled", 300);
	}

	/**
	 * In more than one JVM zone: the mapping stores a {@code LocalDate} as the start of that day in the JVM's zone, so a
	 * reader taking it in UTC would answer the day before east of Greenwich.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "UTC", "Asia/Shanghai", "America/New_York" })
	void readsEveryOptionalComponent(String zone) {
		TimeZone jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone(zone));
		try {
			readsEveryOptionalComponent();
		}
		finally {
			TimeZone.setDefault(jvmZone);
		}
	}

	private void readsEveryOptionalComponent() {
		Client full = new Client("X000001", "上海全字段有限公司", "91310115MA1K4LXX1C", new Industry("C", "39"), "310115",
				Region.EAST_CHINA, EnterpriseSize.MEDIUM, LifecycleStage.MATURE,
				new ValueTier(ValueTierCode.A, new BigDecimal("87.125"), "v2", LocalDate.of(2026, 9, 30),
						ValueTierCode.B, Instant.parse("2026-09-30T02:15:30.123Z"), TierReason.OVERRIDE,
						ValueTierCode.C, "E-77", new AppliedOverride("O-1", ValueTierCode.A, LocalDate.of(2027, 3, 31),
								"lead_sun", "mgr_chen"),
						"sha256:ab12"),
				new RiskGrade(CreditRating.values()[2], FiveCategory.values()[1], LocalDate.of(2026, 6, 30), 45),
				"rm_li", List.of("rm_zhang", "rm_wang"), List.of("rm_li", "rm_zhang", "rm_wang"),
				List.of("HO", "SH", "SH-PD"), "上海市浦东新区世纪大道100号", LocalDate.of(1998, 2, 28), 1_250,
				new LegalRepresentative("张三", "310101199001011234"), new SizeBasis("INDUSTRY", "C-MEDIUM", "2025"),
				LocalDate.of(2019, 12, 31), new FollowUp(LocalDate.of(2026, 12, 31), "rm_li", LocalDate.of(2026, 12, 1),
						ValueTierCode.A, LocalDate.of(2026, 12, 20), "I-9"),
				null);
		// as inserted: the mapping sets the version
		Client inserted = mappingOnly("full").insert(full);

		assertThat(inserted.version()).isNotNull();
		assertThat(assertEveryClientReadAsTheMappingDoes("full", 1)).containsExactly(inserted);
	}

	@Test
	void leavesWhatAProjectionLeftOutNullAsTheMappingDoes() {
		ScaledBook.write(mappingOnly("scaled"), 40, 5L);

		for (String[] fields : List.of(new String[] { "_id", "followUp" }, new String[] { "_id", "name", "valueTier" },
				new String[] { "name" })) {
			for (Document projected : this.store.client().getDatabase("scaled").getCollection("clients")
				.find()
				.projection(Projections.include(fields))) {
				assertReadAsTheMappingDoes(this.store.client(), projected, Client.class, this.reader);
			}
		}
	}

	@Test
	void aFieldOfAnotherTypeFailsWithItsName() {
		Document stored = new Document("_id", "X1").append("foundedOn", "1998-02-28");

		assertThatIllegalStateException().isThrownBy(() -> this.reader.convert(stored))
			.withMessageContaining("'foundedOn'")
			.withMessageContaining("String");
	}

	private List<Client> assertEveryClientReadAsTheMappingDoes(String database, int atLeast) {
		return assertEveryDocumentReadAsTheMappingDoes(this.store.client(), database, "clients", Client.class, this.reader,
				atLeast);
	}

	private MongoTemplate mappingOnly(String database) {
		return MongoTemplates.mongoTemplate(this.store.client(), database, List.of());
	}

}
