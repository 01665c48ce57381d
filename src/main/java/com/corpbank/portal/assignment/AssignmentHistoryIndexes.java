package com.corpbank.portal.assignment;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** A client's assignment history, newest first: the order {@code Client.assignmentHistory} pages in. */
@Component
class AssignmentHistoryIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return "assignment_history";
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("clientId", Direction.ASC)
			.on("from", Direction.DESC)
			.on("_id", Direction.DESC)
			.named("client_newest_first"));
	}

}
