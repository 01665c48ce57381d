package com.corpbank.portal.migration;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A hand-built tier history over {@link com.corpbank.portal.support.ClientBookFixture}'s book (every seeded tier is
 * dated 2026-06-30, C-XU-2 has none), for the period {@link #FROM} to {@link #TO}, with the cell each client falls in:
 *
 * <pre>
 * C-LI-1     B 2026-03-10, A at 23:59:59 on TO (the last second of the day)   B -> A
 * C-LI-2     C and B during TO (the later wins), A one second after TO       NONE -> B (no entry by FROM)
 * C-ZHANG-1  A after TO only                                                 NONE -> NONE
 * C-WANG-1   C at 00:00:00 on FROM (its first second)                        C -> C
 * C-WANG-2   no history, seeded A on FROM                                    A -> A
 * C-XU-1     no history, seeded C                                            C -> C
 * C-XU-2     no history, never tiered                                        NONE -> NONE
 * C-ZHAO-1   B one second after FROM                                         NONE -> B
 * C-ZHAO-2   no history, seeded B                                            B -> B
 * </pre>
 */
final class MigrationHistory {

	static final String FROM = "2026-06-30";

	static final String TO = "2026-09-30";

	/** The cell of every fixture client for FROM to TO, as "FROM_TIER>TO_TIER". */
	static final Map<String, String> CELLS = Map.of("C-LI-1", "B>A", "C-LI-2", "NONE>B", "C-ZHANG-1", "NONE>NONE",
			"C-WANG-1", "C>C", "C-WANG-2", "A>A", "C-XU-1", "C>C", "C-XU-2", "NONE>NONE", "C-ZHAO-1", "NONE>B",
			"C-ZHAO-2", "B>B");

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private MigrationHistory() {
	}

	static void load(MongoTemplate mongoTemplate) {
		List<Document> entries = List.of(entry("T-LI-1-a", "C-LI-1", "B", "2026-03-10T10:00:00"),
				entry("T-LI-1-b", "C-LI-1", "A", "2026-09-30T23:59:59"),
				entry("T-LI-2-a", "C-LI-2", "C", "2026-09-30T09:00:00"),
				entry("T-LI-2-b", "C-LI-2", "B", "2026-09-30T15:00:00"),
				entry("T-LI-2-c", "C-LI-2", "A", "2026-10-01T00:00:00"),
				entry("T-ZHANG-1-a", "C-ZHANG-1", "A", "2026-11-01T09:00:00"),
				entry("T-WANG-1-a", "C-WANG-1", "C", "2026-06-30T00:00:00"),
				entry("T-ZHAO-1-a", "C-ZHAO-1", "B", "2026-07-01T00:00:00"));
		mongoTemplate.getCollection("tier_history").insertMany(entries);
	}

	/** A tier-history entry with the fields the history reads: client, tier, when (Beijing local time). */
	static Document entry(String id, String clientId, String tier, String beijingTime) {
		return new Document("_id", id).append("clientId", clientId)
			.append("tier", tier)
			.append("modelTier", tier)
			.append("evaluatedAt", Date.from(LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant()))
			.append("asOf", Date.from(LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant()));
	}

}
