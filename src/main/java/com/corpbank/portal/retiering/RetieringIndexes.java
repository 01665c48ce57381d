package com.corpbank.portal.retiering;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Jobs newest first ({@code retieringJobs}) and the one RUNNING job the resume sweep looks for. */
@Component
class RetieringIndexes implements CollectionIndexes {

	@Override
	public String collection() {
		return RetieringJobs.JOBS;
	}

	@Override
	public List<Index> indexes() {
		return List.of(new Index().on("status", Direction.ASC).named("status"));
	}

}
