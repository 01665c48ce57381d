package com.corpbank.portal.feedback;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * {@code surveys}: a client's results newest first (its list, the churn signal's latest result), an RM's results by
 * date (the per-RM trend).
 */
@Component
class SurveyIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "surveys";
	}

	@Override
	public List<Index> indexes() {
		return List.of(
				// A client's surveys newest first: by response date, then recording time, then _id.
				new Index().on("clientId", Direction.ASC)
					.on("respondedOn", Direction.DESC)
					.on("recordedAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("client_newest_recorded_first"),
				new Index().on("rmUsername", Direction.ASC).on("respondedOn", Direction.ASC).named("rm_by_date"));
	}

}
