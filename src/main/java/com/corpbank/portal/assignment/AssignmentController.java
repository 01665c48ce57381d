package com.corpbank.portal.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import com.corpbank.portal.graphql.KeysetCursor;
import com.corpbank.portal.graphql.NewestFirstPages;
import com.corpbank.portal.graphql.NewestFirstPages.Edge;
import com.corpbank.portal.graphql.NewestFirstPages.Page;
import com.corpbank.portal.graphql.NewestFirstPages.Request;
import com.corpbank.portal.write.Mutations;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code Mutation.assignClient} and {@code Client.assignmentHistory}. */
@Controller
class AssignmentController {

	static final String HISTORY_ORDER = "assignmentHistory";

	private final ClientHandover handover;

	AssignmentController(ClientHandover handover, NewestFirstPages pages, BatchLoaderRegistry loaders) {
		this.handover = handover;
		// One query for the histories of a whole page of clients (see NewestFirstPages), not one per client.
		loaders.<Request, Page<AssignmentPeriod>>forName(HISTORY_ORDER)
			.registerMappedBatchLoader((requests, environment) -> Mono.fromCallable(() -> periods(pages.load(requests,
					AssignmentHistoryEntry.class, HISTORY_ORDER, "clientId", "from", AssignmentHistoryEntry::clientId,
					AssignmentHistoryEntry::from, AssignmentHistoryEntry::id))));
	}

	@MutationMapping
	AssignClientPayload assignClient(@ContextValue Actor actor, @Argument AssignClientInput input) {
		return Mutations.attempt(() -> AssignClientPayload.of(this.handover.assign(actor, input)),
				AssignClientPayload::failed);
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<Page<AssignmentPeriod>> assignmentHistory(Client client, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataLoader<Request, Page<AssignmentPeriod>> assignmentHistory) {
		return assignmentHistory.load(NewestFirstPages.request(HISTORY_ORDER, client.id(), first, after));
	}

	/**
	 * Adds when each entry ended: the {@code from} of the entry just newer. Within a page that is the previous edge;
	 * for a page's first entry it is the time in the {@code after} cursor (the previous page's last entry), and none
	 * on the first page (the newest entry is the current assignment).
	 */
	private static Map<Request, Page<AssignmentPeriod>> periods(Map<Request, Page<AssignmentHistoryEntry>> pages) {
		Map<Request, Page<AssignmentPeriod>> periods = new HashMap<>();
		for (Map.Entry<Request, Page<AssignmentHistoryEntry>> page : pages.entrySet()) {
			Request request = page.getKey();
			Instant to = (request.after() != null)
					? Instant.parse((String) KeysetCursor.decode(request.after(), HISTORY_ORDER).value()) : null;
			List<Edge<AssignmentPeriod>> edges = new ArrayList<>();
			for (Edge<AssignmentHistoryEntry> edge : page.getValue().edges()) {
				edges.add(new Edge<>(edge.cursor(), AssignmentPeriod.of(edge.node(), to)));
				to = edge.node().from();
			}
			periods.put(request, new Page<>(edges, page.getValue().pageInfo()));
		}
		return periods;
	}

}
