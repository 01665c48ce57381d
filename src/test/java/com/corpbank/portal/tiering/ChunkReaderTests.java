package com.corpbank.portal.tiering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.corpbank.portal.support.ClientBookFixture;
import com.corpbank.portal.support.MongoCommandCounter;
import com.corpbank.portal.support.PortalTest;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a chunk read hands the scoring engine: the windows it reads by computed ids (five years of annual statements
 * and tax records, the 24 complete months before the evaluation date), and a chunk larger than one query's id slice
 * read whole, with a number of queries fixed by the chunk's size.
 */
@PortalTest
class ChunkReaderTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	ChunkReader reader;

	@Autowired
	MongoCommandCounter commands;

	@BeforeEach
	void emptyStore() {
		new ClientBookFixture(this.mongoTemplate).clear();
	}

	@Test
	void readsTheLastFiveYearsOfAnnualStatementsAndTaxRecordsAndTheTwentyFourCompleteMonths() {
		client("C-W-1", 1);
		// Statements: 2020 is older than the window (2022-2026), 2025Q3 is quarterly, 2026's year has not ended.
		for (String period : List.of("2020", "2022", "2025", "2025Q3", "2026")) {
			LocalDate end = period.contains("Q") ? LocalDate.of(2025, 9, 30)
					: LocalDate.of(Integer.parseInt(period), 12, 31);
			statement("C-W-1", period, end, Integer.parseInt(period.substring(0, 4)));
		}
		for (int year : List.of(2020, 2023, 2025)) {
			tax("C-W-1", year);
		}
		// 2024-10 is the 25th month back; 2026-11 is not complete on 2026-11-20.
		for (YearMonth month = YearMonth.of(2024, 10); !month.isAfter(YearMonth.of(2026, 11)); month = month.plusMonths(1)) {
			month("C-W-1", month);
		}

		ClientData read = this.reader.read(List.of("C-W-1"), AS_OF).get(0);

		assertThat(read.annualStatements()).extracting(ClientData.Statement::period).containsExactly("2022", "2025");
		assertThat(read.taxRecords()).extracting(ClientData.Tax::year).containsExactly(2023, 2025);
		assertThat(read.months()).hasSize(24);
		assertThat(read.months().get(0).month()).isEqualTo(YearMonth.of(2024, 11));
		assertThat(read.months().get(23).month()).isEqualTo(YearMonth.of(2026, 10));
		assertThat(read.version()).isEqualTo(1);
	}

	@Test
	void aChunkLargerThanOneIdSliceIsReadWholeInAFixedNumberOfQueries() {
		int clients = 600;
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= clients; i++) {
			String id = "C-S-%04d".formatted(i);
			ids.add(id);
			client(id, 0);
			statement(id, "2025", LocalDate.of(2025, 12, 31), 1);
			tax(id, 2025);
			month(id, YearMonth.of(2026, 10));
			month(id, YearMonth.of(2025, 1));
		}
		this.commands.reset();

		List<ClientData> read = this.reader.read(ids, AS_OF);

		assertThat(read).extracting(ClientData::clientId).isEqualTo(ids);
		assertThat(read).allSatisfy(client -> {
			assertThat(client.annualStatements()).hasSize(1);
			assertThat(client.taxRecords()).hasSize(1);
			assertThat(client.months()).extracting(ClientData.Month::month)
				.containsExactly(YearMonth.of(2025, 1), YearMonth.of(2026, 10));
		});
		// Slices of 500 ids: 600 clients, 3,000 statement and tax ids, 14,400 month ids.
		assertThat(findsOn("clients")).isEqualTo(2);
		assertThat(findsOn("financial_statements")).isEqualTo(6);
		assertThat(findsOn("tax_records")).isEqualTo(6);
		assertThat(findsOn("relationship_metrics")).isEqualTo(29);
		assertThat(commandsOn("aggregate", "interactions")).isEqualTo(2);
	}

	@Test
	void readsEachClientsLatestInteractionUpToTheEvaluationDateAsABeijingDate() {
		client("C-I-1", 0);
		client("C-I-2", 0);
		client("C-I-3", 0);
		// 2026-11-20 23:30 in Beijing is still the evaluation date; the next Beijing day is after it.
		interaction("IA-1", "C-I-1", Instant.parse("2026-10-03T02:00:00Z"));
		interaction("IA-2", "C-I-1", Instant.parse("2026-11-20T15:30:00Z"));
		interaction("IA-3", "C-I-1", Instant.parse("2026-11-20T16:00:00Z"));
		interaction("IA-4", "C-I-2", Instant.parse("2026-11-20T16:00:00Z"));
		interaction("IA-5", "C-OTHER", Instant.parse("2026-11-01T02:00:00Z"));
		this.commands.reset();

		List<ClientData> read = this.reader.read(List.of("C-I-1", "C-I-2", "C-I-3"), AS_OF);

		assertThat(read).extracting(ClientData::lastInteractionOn)
			.containsExactly(LocalDate.of(2026, 11, 20), null, null);
		assertThat(commandsOn("aggregate", "interactions")).isEqualTo(1);
	}

	@Test
	void theLastContactIsTheFeedsOrTheLatestInteractionWhicheverIsLater() {
		client("C-I-1", 0);
		month("C-I-1", YearMonth.of(2026, 10));
		this.mongoTemplate.getCollection("relationship_metrics")
			.updateOne(new Document("_id", "C-I-1-2026-10"),
					new Document("$set", new Document("lastContactOn", LocalDate.of(2026, 10, 12))));
		interaction("IA-1", "C-I-1", Instant.parse("2026-09-03T02:00:00Z"));

		assertThat(this.reader.read(List.of("C-I-1"), AS_OF).get(0).lastContactOn()).isEqualTo(LocalDate.of(2026, 10, 12));

		interaction("IA-2", "C-I-1", Instant.parse("2026-11-05T02:00:00Z"));

		assertThat(this.reader.read(List.of("C-I-1"), AS_OF).get(0).lastContactOn()).isEqualTo(LocalDate.of(2026, 11, 5));
	}

	private long commandsOn(String name, String collection) {
		return this.commands.commandsWithTarget()
			.stream()
			.filter(command -> command.name().equals(name) && collection.equals(command.collection()))
			.count();
	}

	private void interaction(String id, String clientId, Instant occurredAt) {
		this.mongoTemplate.getCollection("interactions")
			.insertOne(new Document("_id", id).append("clientId", clientId)
				.append("channel", "VISIT")
				.append("occurredAt", java.util.Date.from(occurredAt)));
	}

	private long findsOn(String collection) {
		return this.commands.commandsWithTarget()
			.stream()
			.filter(command -> command.name().equals("find") && collection.equals(command.collection()))
			.count();
	}

	private void client(String id, long version) {
		this.mongoTemplate.getCollection("clients")
			.insertOne(new Document("_id", id).append("uscc", "U-" + id)
				.append("industry", new Document("section", "C").append("division", "39"))
				.append("version", version));
	}

	private void statement(String clientId, String period, LocalDate periodEnd, int employees) {
		this.mongoTemplate.getCollection("financial_statements")
			.insertOne(new Document("_id", clientId + "-" + period).append("clientId", clientId)
				.append("period", period)
				.append("periodEnd", periodEnd)
				.append("revenue", money("1000000.00"))
				.append("totalAssets", money("5000000.00"))
				.append("employees", employees));
	}

	private void tax(String clientId, int year) {
		this.mongoTemplate.getCollection("tax_records")
			.insertOne(new Document("_id", clientId + "-" + year).append("clientId", clientId)
				.append("year", year)
				.append("taxPaid", money("40000.00"))
				.append("creditGrade", "A"));
	}

	private void month(String clientId, YearMonth month) {
		this.mongoTemplate.getCollection("relationship_metrics")
			.insertOne(new Document("_id", clientId + "-" + month).append("clientId", clientId)
				.append("month", month.toString())
				.append("averageDeposits", money("100000.00"))
				.append("loanBalance", money("0.00"))
				.append("settlementVolume", money("200000.00"))
				.append("productsHeld", 2)
				.append("feeIncome", money("150.00")));
	}

	private static Decimal128 money(String amount) {
		return new Decimal128(new BigDecimal(amount));
	}

}
