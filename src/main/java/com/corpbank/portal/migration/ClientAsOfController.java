package com.corpbank.portal.migration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.corpbank.portal.client.Client;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code Client.asOf}: the client as it was on a date. */
@Controller
class ClientAsOfController {

	static final String LOADER = "clientAsOf";

	private final MigrationQueries queries;

	ClientAsOfController(PointInTime pointInTime, MigrationQueries queries, BatchLoaderRegistry loaders) {
		this.queries = queries;
		// A page of 50 clients asking for asOf would otherwise read three histories 50 times (the N+1 problem): the
		// loader answers the whole page with one aggregation per history collection and distinct date. Each key
		// carries its client (as the caller read it, in scope) as key context, so the client is not read again and
		// the key stays small (id and date, not the whole record).
		loaders.<PointInTime.Request, ClientAsOf>forName(LOADER)
			.registerMappedBatchLoader((requests, environment) -> Mono.fromCallable(() -> {
				Map<String, Client> clients = new HashMap<>();
				environment.getKeyContexts().values().forEach(context -> {
					if (context instanceof Client client) {
						clients.put(client.id(), client);
					}
				});
				return pointInTime.load(requests, clients);
			}));
	}

	@SchemaMapping(typeName = "Client")
	CompletableFuture<@Nullable ClientAsOf> asOf(Client client, @Argument LocalDate date,
			DataLoader<PointInTime.Request, ClientAsOf> clientAsOf) {
		AsOfDate.check("date", date, this.queries.today());
		return clientAsOf.load(new PointInTime.Request(client.id(), date), client);
	}

}
