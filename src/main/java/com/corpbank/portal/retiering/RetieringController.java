package com.corpbank.portal.retiering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.PageInfo;
import com.corpbank.portal.write.Mutations;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Mutation.startRetiering}, {@code Query.retieringJob}, {@code Query.retieringJobs}. */
@Controller
class RetieringController {

	static final String ORDER = "retieringJobs";

	static final int MAX_PAGE_SIZE = 100;

	private final RetieringJobs jobs;

	RetieringController(RetieringJobs jobs) {
		this.jobs = jobs;
	}

	@MutationMapping
	StartRetieringPayload startRetiering(@ContextValue Actor actor, @Argument StartRetieringInput input) {
		return Mutations.attempt(() -> StartRetieringPayload.of(this.jobs.start(actor, input)),
				StartRetieringPayload::failed);
	}

	@QueryMapping
	@Nullable RetieringJob retieringJob(@Argument String id) {
		return this.jobs.find(id).orElse(null);
	}

	@QueryMapping
	RetieringJobConnection retieringJobs(@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		String afterId = (after != null) ? KeysetCursor.decode(after, ORDER).id() : null;
		List<RetieringJob> found = this.jobs.newestFirst(size, afterId);
		List<RetieringJobConnection.Edge> edges = found.stream()
			.limit(size)
			.map(job -> new RetieringJobConnection.Edge(new KeysetCursor(ORDER, null, job.id()).encode(), job))
			.toList();
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new RetieringJobConnection(edges, new PageInfo(found.size() > size, endCursor));
	}

	@SchemaMapping(typeName = "RetieringJob")
	BigDecimal progress(RetieringJob job) {
		return BigDecimal.valueOf(job.progress()).setScale(4, RoundingMode.DOWN);
	}

}
