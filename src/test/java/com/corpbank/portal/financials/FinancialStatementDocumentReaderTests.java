package com.corpbank.portal.financials;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.seed.DemoDataLoader;
import com.corpbank.portal.seed.ScaledBook;
import com.corpbank.portal.support.InMemoryStore;
import com.corpbank.portal.support.MongoTemplates;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.corpbank.portal.support.DocumentReaderAssertions.assertEveryDocumentReadAsTheMappingDoes;
import static com.corpbank.portal.support.DocumentReaderAssertions.assertReadAsTheMappingDoes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FinancialStatementDocumentReader} held to Spring Data's reflective mapping of the same stored documents: the
 * demo book, a generated book, statements with and without their optional components, and projected documents; and
 * the page's latest statements read the same either way.
 */
class FinancialStatementDocumentReaderTests {

	private final FinancialStatementDocumentReader reader = new FinancialStatementDocumentReader();

	@RegisterExtension
	final InMemoryStore store = new InMemoryStore();

	@Test
	void readsTheDemoBookAsTheMappingDoes() {
		new DemoDataLoader(mappingOnly("demo"), new IndustryCatalog(), new EnterpriseSizeClassifier()).load();

		assertEveryDocumentReadAsTheMappingDoes(this.store.client(), "demo", "financial_statements", FinancialStatement.class,
				this.reader, 100);
	}

	@Test
	void readsAGeneratedBookAndItsLatestStatementsAsTheMappingDoes() {
		ScaledBook.write(mappingOnly("scaled"), 200, 3L);

		assertEveryDocumentReadAsTheMappingDoes(this.store.client(), "scaled", "financial_statements", FinancialStatement.class,
				this.reader, 800);
		List<String> clientIds = this.store.client().getDatabase("scaled").getCollection("clients").distinct("_id", String.class)
			.into(new ArrayList<>());
		Map<String, FinancialStatement> byReader = new FinancialStatements(withReader("scaled")).latestByClientId(clientIds);
		assertThat(byReader).hasSize(200)
			.isEqualTo(new FinancialStatements(mappingOnly("scaled")).latestByClientId(clientIds));
	}

	@Test
	void readsStatementsWithAndWithoutTheirOptionalComponents() {
		MongoTemplate mapping = mappingOnly("optional");
		mapping.insert(new FinancialStatement("C1-2025", "C1", "2025", LocalDate.of(2025, 12, 31), "CNY",
				new BigDecimal("123456789.12"), new BigDecimal("-1.50"), new BigDecimal("9E+3"), new BigDecimal("0.00"),
				new BigDecimal("10.5"), new BigDecimal("20.25"), new BigDecimal("-300"), new BigDecimal("7.77"), 250,
				false, null));
		mapping.insert(new FinancialStatement("C1-2025Q3", "C1", "2025Q3", LocalDate.of(2025, 9, 30), "CNY",
				new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("4"), null, null,
				new BigDecimal("5"), null, 0));

		assertEveryDocumentReadAsTheMappingDoes(this.store.client(), "optional", "financial_statements",
				FinancialStatement.class, this.reader, 2);
		for (Document projected : this.store.client().getDatabase("optional").getCollection("financial_statements")
			.find()
			.projection(Projections.include("clientId", "revenue", "periodEnd", "employees"))) {
			assertReadAsTheMappingDoes(this.store.client(), projected, FinancialStatement.class, this.reader);
		}
	}

	/** The primitive {@code employees}: the mapping cannot read a statement without it, nor can the reader. */
	@Test
	void aStatementWithoutItsEmployeesFailsWithTheFieldsName() {
		Document stored = new Document("_id", "C2-2024").append("clientId", "C2").append("period", "2024");

		assertThatIllegalStateException().isThrownBy(() -> this.reader.convert(stored))
			.withMessageContaining("'employees' is missing");
	}

	private MongoTemplate mappingOnly(String database) {
		return MongoTemplates.mongoTemplate(this.store.client(), database, List.of());
	}

	private MongoTemplate withReader(String database) {
		return MongoTemplates.mongoTemplate(this.store.client(), database, List.of(this.reader));
	}

}
