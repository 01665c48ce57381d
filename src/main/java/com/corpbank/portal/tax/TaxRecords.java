package com.corpbank.portal.tax;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.graphql.InvalidArgumentException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The newest tax years of many clients in one query. A client has one record a year (at most a few dozen since
 * {@link TaxRecording#FIRST_YEAR}), so the query reads every year of the requested clients and each client's list is
 * cut in memory.
 *
 * <p>The client ids must come from a scoped read: tax records carry no scope of their own.
 */
@Service
public class TaxRecords {

	/** Most years one client field returns. */
	public static final int MAX_YEARS = 30;

	/** One client's newest {@code first} years. */
	public record Request(String clientId, int first) {
	}

	private final MongoTemplate mongoTemplate;

	TaxRecords(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * Checks the page size before any batching, so the error names the argument that was asked.
	 * @throws InvalidArgumentException for a size out of 0..{@value #MAX_YEARS}
	 */
	public static Request request(String clientId, @Nullable Integer first) {
		int size = (first != null) ? first : 3;
		if (size < 0 || size > MAX_YEARS) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_YEARS + ".");
		}
		return new Request(clientId, size);
	}

	/** Each request's newest years, newest first, from one query over all the requested clients. */
	public Map<Request, List<TaxRecord>> load(Collection<Request> requests) {
		Map<Request, List<TaxRecord>> result = new HashMap<>();
		if (requests.isEmpty()) {
			return result;
		}
		List<String> clientIds = requests.stream().map(Request::clientId).distinct().toList();
		Query query = new Query(Criteria.where("clientId").in(clientIds)).with(Sort.by(Sort.Direction.DESC, "year"));
		Map<String, List<TaxRecord>> byClient = new HashMap<>();
		for (TaxRecord record : this.mongoTemplate.find(query, TaxRecord.class)) {
			byClient.computeIfAbsent(record.clientId(), id -> new ArrayList<>()).add(record);
		}
		for (Request request : requests) {
			List<TaxRecord> years = byClient.getOrDefault(request.clientId(), List.of());
			result.put(request, List.copyOf(years.subList(0, Math.min(request.first(), years.size()))));
		}
		return result;
	}

	/** The newest year on record of each given client, in one query (what tiering's tax factors read). */
	public Map<String, TaxRecord> latestByClientId(Collection<String> clientIds) {
		Map<String, TaxRecord> latest = new HashMap<>();
		if (clientIds.isEmpty()) {
			return latest;
		}
		Query query = new Query(Criteria.where("clientId").in(clientIds)).with(Sort.by(Sort.Direction.DESC, "year"));
		for (TaxRecord record : this.mongoTemplate.find(query, TaxRecord.class)) {
			latest.putIfAbsent(record.clientId(), record);
		}
		return latest;
	}

}
